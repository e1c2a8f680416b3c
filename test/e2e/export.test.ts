import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { pngPixels, pngSize } from './png';

const NAME = `=甲<乙 & "丙" '丁'`;
const CHART = 'compare-bars-CNY';
let s: BrowserSession;

/** The app's own figures.csv plus one large investment amount whose name holds XML and formula characters. */
async function serveFixture(session: BrowserSession) {
  await session.context.route('**/assets/figures-*.csv', async (route) => {
    const original = await (await route.fetch()).text();
    const parsed = Papa.parse<Record<string, string>>(original, { header: true, skipEmptyLines: true });
    const hostile = {
      ...parsed.data[0]!, id: 'fixture:9999', indicator: NAME, subject: NAME, value: '262.48', unit: '亿元',
      value_base: '26248000000', base_unit: 'CNY', kind: 'amount', category: 'investment', period: '2021年',
    };
    await route.fulfill({
      status: 200, contentType: 'text/csv; charset=utf-8',
      body: Papa.unparse({ fields: parsed.meta.fields ?? [], data: [...parsed.data, hostile] }),
    });
  });
}

/** A chart's export menu, opened. */
async function openMenu(page: Page, chartId: string) {
  const menu = page.locator(`[data-export-for="${chartId}"]`);
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
  return menu;
}

/** Clicks an item of a chart's export menu and returns the downloaded file. */
async function download(page: Page, chartId: string, button: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = await openMenu(page, chartId);
  const [file] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The figure ids and values a figure-bars chart draws, read through ECharts. */
async function chartFigures(page: Page, chartId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-chart="${id}"]`)!;
    const hook = (window as unknown as { __figuresBoardChart: (el: Element) => { getOption(): unknown; getWidth(): number; getHeight(): number } })
      .__figuresBoardChart;
    const chart = hook(el);
    const option = chart.getOption() as { series: { data: { figureId: string; value: number }[] }[] };
    return { data: option.series[0]!.data, width: chart.getWidth(), height: chart.getHeight() };
  }, chartId);
}

/** Parses an SVG with the browser's XML parser: its parse error (if any) and the metadata lines. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('.export-title')?.textContent,
      subtitle: doc.querySelector('.export-subtitle')?.textContent,
      source: doc.querySelector('.export-source')?.textContent,
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
    };
  }, text);
}

beforeAll(async () => {
  s = await openBrowser();
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.baseUrl });
  await serveFixture(s);
  await s.page.goto(`${s.baseUrl}/?view=compare&category=investment`);
  await s.page.locator(`[data-chart="${CHART}"]`).waitFor();
  await s.page.waitForFunction((id) => {
    const el = document.querySelector(`[data-chart="${id}"]`);
    const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => { getOption(): unknown } | undefined }).__figuresBoardChart;
    const option = el && hook?.(el)?.getOption() as { series?: { data: { figureId: string }[] }[] } | undefined;
    return option?.series?.[0]?.data.some((d) => d.figureId === 'fixture:9999') ?? false;
  }, CHART);
});
afterAll(async () => {
  await s?.close();
});

describe('chart and data exports in Chromium', () => {
  it('downloads valid PNGs at 1×, 2× and 3× the chart with real pixels in the title band', async () => {
    const { width, height } = await chartFigures(s.page, CHART);
    const sizes = [];
    for (const scale of [1, 2, 3]) {
      const { name, bytes } = await download(s.page, CHART, `PNG ${scale}×`);
      expect(name).toBe('人民币（单位：亿元）.png');
      const size = pngSize(bytes);
      expect(size.width).toBe(scale * width);
      expect(size.height).toBeGreaterThan(scale * height); // the title and source lines are added
      sizes.push(size);
      // Title line: y 16–36 at 1× (the baseline is at 34), scaled.
      const pixels = await pngPixels(s.page, bytes, [14 * scale, 38 * scale]);
      expect([pixels.width, pixels.height]).toEqual([size.width, size.height]);
      expect(pixels.band).toBeGreaterThan(100 * scale * scale);
      expect(pixels.all).toBeGreaterThan(pixels.band);
      expect(pixels.corner).toEqual([255, 255, 255, 255]);
    }
    expect(sizes[2]!.height).toBe(3 * sizes[0]!.height);
  });

  it('leaves the background transparent when asked, and only then', async () => {
    const transparent = (await openMenu(s.page, CHART)).getByLabel('透明背景');
    await transparent.check();
    try {
      const { bytes } = await download(s.page, CHART, 'PNG 1×');
      const pixels = await pngPixels(s.page, bytes, [14, 38]);
      expect(pixels.corner[3]).toBe(0);
      expect(pixels.band).toBeGreaterThan(100); // the title is still drawn
      const svg = await parseSvg(s.page, (await download(s.page, CHART, 'SVG')).bytes.toString('utf8'));
      expect(svg.error).toBeNull();
    } finally {
      await transparent.uncheck();
    }
    const { bytes } = await download(s.page, CHART, 'PNG 1×');
    expect((await pngPixels(s.page, bytes, [14, 38])).corner).toEqual([255, 255, 255, 255]);
  });

  it('copies the chart to the clipboard as a 2× PNG that reads back at the download’s size with its title drawn', async () => {
    const { width } = await chartFigures(s.page, CHART);
    const { bytes: downloaded } = await download(s.page, CHART, 'PNG 2×');
    const menu = await openMenu(s.page, CHART);
    await menu.getByRole('button', { name: '复制图片', exact: true }).click();
    await expect.poll(() => menu.getByRole('status').textContent()).toBe('图片已复制到剪贴板');
    const read = await s.page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return { types: items.flatMap((i) => i.types), base64: '' };
      const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return { types: item.types, base64: btoa(binary) };
    });
    expect(read.types).toContain('image/png');
    const copied = Buffer.from(read.base64, 'base64');
    const size = pngSize(copied);
    expect(size).toEqual(pngSize(downloaded));
    expect(size.width).toBe(2 * width);
    const pixels = await pngPixels(s.page, copied, [28, 76]);
    expect(pixels.band).toBeGreaterThan(400);
    expect(pixels.corner).toEqual([255, 255, 255, 255]);
  });

  it('downloads a well-formed SVG whose Chinese title, names and source stay text', async () => {
    const { bytes } = await download(s.page, CHART, 'SVG');
    const svg = bytes.toString('utf8');
    // The live chart's own markup, nested as it is drawn (theme font list in its style attributes).
    expect(svg).toMatch(/<svg[^>]*>.*<g transform="translate\(0 \d+\)"><svg /);
    expect(svg).toContain("font-family:'Noto Sans CJK SC'");
    const parsed = await parseSvg(s.page, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('人民币（单位：亿元）');
    expect(parsed.source).toBe('来源：中共天津市滨海新区委员会，2022-08-04');
    expect(parsed.texts.some((t) => t.includes('甲<乙'))).toBe(true);
  });

  it('downloads a CSV (with BOM) that round-trips through PapaParse with the values the chart shows', async () => {
    const { bytes } = await download(s.page, CHART, 'CSV');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const { data } = await chartFigures(s.page, CHART);
    expect(rows.map((r) => r['编号']).sort()).toEqual(data.map((d) => d.figureId).sort());
    const hostile = rows.find((r) => r['编号'] === 'fixture:9999')!;
    expect(hostile['指标']).toBe(`'${NAME}`);
    expect(hostile['数值']).toBe('262.48');
    expect(hostile['折算值']).toBe('26248000000');
    expect(hostile['发布机构']).toBe('中共天津市滨海新区委员会');
    for (const row of rows) expect(row['数值']).toMatch(/^-?\d+(\.\d{1,6})?$/);
  });

  it('downloads the explorer’s filtered rows as an XLSX that opens with the same rows', async () => {
    await s.page.goto(`${s.baseUrl}/?view=explorer&category=investment`);
    const foot = s.page.locator('.ft-foot');
    await expect.poll(() => foot.textContent()).toMatch(/\d+ 个数字/);
    const count = Number((await foot.textContent())!.match(/(\d+) 个数字/)![1]);
    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '导出 XLSX' }).click()]);
    expect(file.suggestedFilename()).toBe('数字明细.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await file.path())!)).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(count + 1);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const hostileRow = Array.from({ length: count }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(col('编号')).value === 'fixture:9999')!;
    expect(hostileRow.getCell(col('指标')).value).toBe(NAME);
    expect(hostileRow.getCell(col('数值')).value).toBe(262.48);
    expect(hostileRow.getCell(col('类别')).value).toBe('招商引资与投资');
    expect(s.problems).toEqual([]);
  });

  it('gives every overview chart an export menu whose SVG names the source document and the period drawn', async () => {
    const periods = new Map(Papa.parse<Record<string, string>>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true })
      .data.map((r) => [r.id!, r.period!]));
    periods.set('fixture:9999', '2021年');
    await s.page.goto(`${s.baseUrl}/`);
    const charts = s.page.locator('[data-chart^="overview-"]');
    await charts.first().waitFor();
    const chartIds = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')!));
    expect(chartIds.length).toBeGreaterThan(3);
    expect(await s.page.locator('[data-export-for^="overview-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-export-for'))))
      .toEqual(chartIds);
    let withPeriod = 0;
    for (const chartId of chartIds) {
      const label = await s.page.locator(`[data-chart="${chartId}"]`).getAttribute('aria-label');
      const svg = await parseSvg(s.page, (await download(s.page, chartId, 'SVG')).bytes.toString('utf8'));
      expect(svg.error).toBeNull();
      expect(svg.title).toBe(label);
      expect(svg.source).toBe('来源：中共天津市滨海新区委员会，2022-08-04');
      // The period line names a period the drawn figures state, with 等 exactly when they state several.
      const drawn = new Set((await chartFigures(s.page, chartId)).data.map((d) => periods.get(d.figureId) ?? '').filter((p) => p !== ''));
      const period = svg.subtitle?.match(/时期：(.+)$/)?.[1];
      if (drawn.size === 0) expect(period).toBeUndefined();
      else {
        expect(period).toBeDefined();
        expect(period!.endsWith('等')).toBe(drawn.size > 1);
        expect(drawn.has(period!.replace(/等$/, ''))).toBe(true);
        withPeriod++;
      }
      expect(svg.subtitle).toMatch(/^单位：\S+/);
    }
    expect(withPeriod).toBeGreaterThan(0);
    expect(s.problems).toEqual([]);
  });
});
