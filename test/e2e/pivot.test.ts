import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honestSum } from '../../src/lib/additivity';
import { chartSeries, isLocal, openBrowser, type BrowserSession } from './browser';

let s: BrowserSession;

/** The figures file read directly: the check does not go through the app's engine. */
const figures = Papa.parse<Record<string, string>>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const cny = figures.filter((f) => f.base_unit === 'CNY');
const in亿 = (value: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value / 1e8);
/** What a CNY cell must show: the honest sum of its figures in 亿, or — where they must not be added. */
const cnyCell = (rows: Record<string, string>[]) => {
  const verdict = honestSum(rows.map((f) => ({
    fact_id: f.fact_id ?? '', part_of: f.part_of ?? '', base_unit: f.base_unit ?? '', agg: f.agg ?? '', period: f.period ?? '',
    indicator: f.indicator ?? '', value_base: Number(f.value_base),
  })));
  return verdict.ok ? in亿(verdict.value) : '—';
};
const facts = new Set(figures.map((f) => f.fact_id)).size;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

/** The id of the pivot chart on the page (it holds the pivot spec and the unit drawn). */
async function pivotChartId(page: Page): Promise<string> {
  const chart = page.locator('[data-chart^="pivot-chart:"]');
  await chart.waitFor();
  return (await chart.getAttribute('data-chart')) ?? '';
}

const cell = (rowKey: string, colKey: string, unit: string) =>
  s.page.locator(`.pt-row[data-row-key="${rowKey}"] [role=cell][data-col-key="${colKey}"][data-unit="${unit}"]`);

describe('the pivot in Chromium', () => {
  let pivotUrl = '';

  it('builds category × subject, sum of CNY amounts, whose cells are the honest sums of the data (— where refused)', async () => {
    await s.page.goto(`${s.baseUrl}/?view=pivot`);
    await s.page.getByLabel('添加到列').selectOption('subject');
    await s.page.getByLabel('度量').selectOption('sum');
    await s.page.getByLabel('按单位筛选').selectOption('=CNY');
    await expect.poll(() => s.page.locator('.pt-row[data-depth="0"]').count(), { timeout: 30_000 }).toBe(1);
    expect(new URL(s.page.url()).searchParams.get('pivot')).toBe('r=category;c=subject;m=sum');
    // The grand total adds different indicators: refused, with the reason on hover (the old total was 7,398.94).
    await expect.poll(() => cell('', '', 'CNY').textContent()).toBe('—');
    expect(await cell('', '', 'CNY').getByRole('button').getAttribute('title')).toMatch(/不能相加/);
    const investment = cny.filter((f) => f.category === 'investment');
    expect(await cell('investment', '', 'CNY').textContent()).toBe(cnyCell(investment));
    const one = investment[0];
    expect(await cell('investment', one?.subject ?? '', 'CNY').textContent())
      .toBe(cnyCell(investment.filter((f) => f.subject === one?.subject)));
    const header = await s.page.locator('.pt-head [role=columnheader]').last().textContent();
    expect(header).toContain('亿元');
    // One column per subject plus the total, all in CNY.
    const subjects = new Set(cny.map((f) => f.subject));
    expect(await s.page.locator('.pt-head [role=columnheader]').count()).toBe(subjects.size + 2);
    pivotUrl = s.page.url();
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('turns the pivot into a chart, stacking only where a stack is a total', async () => {
    // A heat map first: its colour scale must not linger on the bar chart drawn after it in the same place.
    await s.page.getByRole('button', { name: '热力图' }).click();
    await expect.poll(async () => (await pivotChartId(s.page)).includes('g=heatmap')).toBe(true);
    await s.page.getByRole('button', { name: '堆叠条形图' }).click();
    const chartId = await pivotChartId(s.page);
    const visualMaps = await s.page.evaluate((id) => {
      const el = document.querySelector(`[data-chart="${id}"]`);
      const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => { getOption(): { visualMap?: unknown[] } } | undefined })
        .__figuresBoardChart;
      return el && hook?.(el) ? (hook(el)?.getOption().visualMap ?? []).length : -1;
    }, chartId);
    expect(visualMaps).toBe(0);
    expect(chartId).toBe('pivot-chart:r=category;c=subject;m=sum;g=stacked:CNY');
    const { names } = await chartSeries(s.page, chartId);
    expect(names.length).toBe(new Set(cny.map((f) => f.category)).size);
    // The categories' amounts are different indicators: a stack would show a total that is none, so the bars
    // stand side by side and the title says why.
    const option = await s.page.evaluate((id) => {
      const el = document.querySelector(`[data-chart="${id}"]`);
      const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => { getOption(): { title: { text: string }[]; series: { stack?: string }[] } } | undefined })
        .__figuresBoardChart;
      const o = el ? hook?.(el)?.getOption() : undefined;
      return o ? { title: o.title[0]?.text ?? '', stacked: o.series.some((x) => Boolean(x.stack)) } : null;
    }, chartId);
    expect(option).toEqual({ title: expect.stringContaining('不能相加，改为并列'), stacked: false });
    expect(new URL(s.page.url()).searchParams.get('pivot')).toContain('g=stacked');
  });

  it('reloads the same pivot from its URL', async () => {
    const other = await openBrowser();
    try {
      await other.page.goto(pivotUrl);
      const total = other.page.locator('.pt-row[data-row-key=""] [role=cell][data-col-key=""][data-unit="CNY"]');
      await expect.poll(() => total.textContent(), { timeout: 30_000 }).toBe('—');
      await expect.poll(() => other.page.getByLabel('度量').inputValue()).toBe('sum');
    } finally {
      await other.close();
    }
  });

  it('drills a cell through to its figures in the explorer, with provenance', async () => {
    const investment = cny.filter((f) => f.category === 'investment');
    const subject = investment[0]?.subject ?? '';
    const expected = investment.filter((f) => f.subject === subject);
    await cell('investment', subject, 'CNY').getByRole('button').click();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('view')).toBe('explorer');
    const params = new URL(s.page.url()).searchParams;
    expect([params.getAll('category'), params.getAll('subject'), params.getAll('base_unit')]).toEqual([['investment'], [subject], ['CNY']]);
    await expect.poll(() => s.page.locator('.ft-foot').textContent()).toMatch(new RegExp(`^${expected.length} 个数字`));
    await s.page.locator('.ft-row').first().click();
    await expect.poll(() => s.page.getByTestId('provenance-quote').textContent()).toBeTruthy();
  });

  it('pins the pivot chart, and the deck redraws it from the pivot spec with the same data', async () => {
    await s.page.goto(`${s.baseUrl}/?view=pivot&base_unit=CNY&pivot=${encodeURIComponent('r=category;c=subject;m=sum;g=stacked')}`);
    const chartId = await pivotChartId(s.page);
    const drawn = await chartSeries(s.page, chartId);
    const menu = s.page.locator(`[data-export-for="${chartId}"]`);
    await menu.locator('summary').click();
    await menu.getByRole('button', { name: '钉到演示' }).click();
    await expect.poll(() => menu.getByRole('status').textContent()).toMatch(/已钉到演示/);
    // A fresh page load: the deck never loaded the pivot view, the slide is rebuilt from its id and filters.
    await s.page.goto(`${s.baseUrl}/?view=deck`);
    const card = s.page.locator('.deck-card').last();
    await expect.poll(() => card.locator('header input').inputValue(), { timeout: 30_000 }).toContain('行：类别；列：主体');
    const slide = await card.getAttribute('data-slide');
    await s.page.locator(`[data-chart="deck-${slide}"]`).waitFor({ timeout: 30_000 });
    expect(await chartSeries(s.page, `deck-${slide}`)).toEqual(drawn);
  });

  it('drills an indicator row to exactly its figures, not to a text search that matches more', async () => {
    const indicator = '整改措施数';
    const exact = figures.filter((f) => f.indicator === indicator).length;
    const bySearch = figures.filter((f) => `${f.indicator} ${f.subject} ${f.quote}`.toLowerCase().includes(indicator)).length;
    expect(bySearch).toBeGreaterThan(exact); // the data makes the difference visible
    await s.page.goto(`${s.baseUrl}/?view=pivot&pivot=${encodeURIComponent('r=indicator;c=;m=count')}`);
    // The most frequent indicators first: sort by the total column.
    await s.page.locator('.pt-head [role=columnheader]').last().getByRole('button').click();
    const target = cell(indicator, '', '');
    await expect.poll(() => target.textContent(), { timeout: 30_000 }).toBe(String(exact));
    await target.getByRole('button').click();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('view')).toBe('explorer');
    const params = new URL(s.page.url()).searchParams;
    expect([params.getAll('indicator'), params.get('q')]).toEqual([[indicator], null]);
    await expect.poll(() => s.page.locator('.ft-foot').textContent()).toMatch(new RegExp(`^${exact} 个数字`));
    await expect.poll(() => s.page.locator('.filter-bar').textContent()).toContain(indicator);
  });

  it('builds a pivot by dragging dimensions between the palette and the zones', async () => {
    await s.page.goto(`${s.baseUrl}/?view=pivot`);
    await s.page.locator('.pt-row[data-depth="0"]').waitFor({ timeout: 30_000 });
    const chip = (zone: string, d: string) => s.page.locator(`${zone} .pivot-chip[data-dimension="${d}"]`);
    const palette = s.page.locator('.pivot-palette');
    const columns = s.page.locator('[data-zone="columns"]');
    const rows = s.page.locator('[data-zone="rows"]');
    // Playwright drives Chromium's native HTML5 drag and drop with the mouse (dragstart/dragover/drop).
    await chip('.pivot-palette', 'kind').dragTo(columns);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('pivot')).toBe('r=category;c=kind;m=count');
    await chip('.pivot-palette', 'subject').dragTo(rows);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('pivot')).toBe('r=category,subject;c=kind;m=count');
    // From one zone to the other, and back to the palette.
    await chip('[data-zone="rows"]', 'category').dragTo(columns);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('pivot')).toBe('r=subject;c=kind,category;m=count');
    await chip('[data-zone="columns"]', 'kind').dragTo(palette);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('pivot')).toBe('r=subject;c=category;m=count');
    expect(await chip('.pivot-palette', 'kind').count()).toBe(1);
    // The table follows: one column per category plus the total, and the grand total counts every figure.
    const categories = new Set(figures.map((f) => f.category));
    await expect.poll(() => s.page.locator('.pt-head [role=columnheader]').count(), { timeout: 30_000 }).toBe(categories.size + 2);
    // The grand total counts every fact once (a fact the report states twice is one).
    expect(facts).toBeLessThan(figures.length);
    await expect.poll(() => cell('', '', '').textContent()).toBe(String(facts));
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
