import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';

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

/** Clicks an item of a chart's export menu and returns the downloaded file. */
async function download(page: Page, chartId: string, button: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.locator(`[data-export-for="${chartId}"]`);
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
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

beforeAll(async () => {
  s = await openBrowser();
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
  it('downloads a valid PNG at 2× the chart with real pixels in the title band', async () => {
    const { width, height } = await chartFigures(s.page, CHART);
    const { name, bytes } = await download(s.page, CHART, 'PNG 2×');
    expect(name).toBe('人民币（单位：亿元）.png');
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const [pngWidth, pngHeight] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(pngWidth).toBe(2 * width);
    expect(pngHeight).toBeGreaterThan(2 * height);
    const ink = await s.page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const count = (y0: number, y1: number) => {
        const { data } = context.getImageData(0, y0, image.width, y1 - y0);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
        return dark;
      };
      // Title line (2×: y 32–72), and the whole image.
      return { title: count(28, 76), all: count(0, image.height), corner: Array.from(context.getImageData(0, 0, 1, 1).data) };
    }, bytes.toString('base64'));
    expect(ink.title).toBeGreaterThan(200);
    expect(ink.all).toBeGreaterThan(ink.title);
    expect(ink.corner).toEqual([255, 255, 255, 255]);
  });

  it('downloads a well-formed SVG whose Chinese title, names and source stay text', async () => {
    const { bytes } = await download(s.page, CHART, 'SVG');
    const svg = bytes.toString('utf8');
    const parsed = await s.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('.export-title')?.textContent,
        source: doc.querySelector('.export-source')?.textContent,
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('人民币（单位：亿元）');
    expect(parsed.source).toMatch(/^来源：中共天津市滨海新区委员会，2022-08-04/);
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
});
