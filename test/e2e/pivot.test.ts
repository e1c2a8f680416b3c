import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSeries, isLocal, openBrowser, type BrowserSession } from './browser';

let s: BrowserSession;

/** The figures file read directly: the check does not go through the app's engine. */
const figures = Papa.parse<Record<string, string>>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const cny = figures.filter((f) => f.base_unit === 'CNY');
const sumOf = (rows: Record<string, string>[]) => rows.reduce((sum, f) => sum + Number(f.value_base), 0);
const in亿 = (value: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value / 1e8);

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

const cell = (rowKey: string, colKey: string, unit: string) =>
  s.page.locator(`.pt-row[data-row-key="${rowKey}"] [role=cell][data-col-key="${colKey}"][data-unit="${unit}"]`);

describe('the pivot in Chromium', () => {
  let pivotUrl = '';

  it('builds category × subject, sum of CNY amounts, whose totals match a direct sum of the data', async () => {
    await s.page.goto(`${s.baseUrl}/?view=pivot`);
    await s.page.getByLabel('添加到列').selectOption('subject');
    await s.page.getByLabel('度量').selectOption('sum');
    await s.page.getByLabel('按单位筛选').selectOption('=CNY');
    await expect.poll(() => s.page.locator('.pt-row[data-depth="0"]').count(), { timeout: 30_000 }).toBe(1);
    expect(new URL(s.page.url()).searchParams.get('pivot')).toBe('r=category;c=subject;m=sum');
    // The grand total and one category's total, in 亿元 as the header says.
    await expect.poll(() => cell('', '', 'CNY').textContent()).toBe(in亿(sumOf(cny)));
    const investment = cny.filter((f) => f.category === 'investment');
    expect(await cell('investment', '', 'CNY').textContent()).toBe(in亿(sumOf(investment)));
    const header = await s.page.locator('.pt-head [role=columnheader]').last().textContent();
    expect(header).toContain('亿元');
    // One column per subject plus the total, all in CNY.
    const subjects = new Set(cny.map((f) => f.subject));
    expect(await s.page.locator('.pt-head [role=columnheader]').count()).toBe(subjects.size + 2);
    pivotUrl = s.page.url();
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('turns the pivot into a chart whose bars add up to the total', async () => {
    await s.page.getByRole('button', { name: '堆叠条形图' }).click();
    await s.page.locator('[data-chart="pivot-chart"]').waitFor();
    const { names, values } = await chartSeries(s.page, 'pivot-chart');
    expect(names.length).toBe(new Set(cny.map((f) => f.category)).size);
    const total = values.flat().reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(sumOf(cny) / 1e8, 2);
    expect(new URL(s.page.url()).searchParams.get('pivot')).toContain('g=stacked');
  });

  it('reloads the same pivot from its URL', async () => {
    const other = await openBrowser();
    try {
      await other.page.goto(pivotUrl);
      const total = other.page.locator('.pt-row[data-row-key=""] [role=cell][data-col-key=""][data-unit="CNY"]');
      await expect.poll(() => total.textContent(), { timeout: 30_000 }).toBe(in亿(sumOf(cny)));
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
});
