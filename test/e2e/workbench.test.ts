import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSeries, isLocal, openBrowser, openWhenReady, type BrowserSession } from './browser';

let s: BrowserSession;

/** The figures file read directly, not through the app. */
const figures = Papa.parse<Record<string, string>>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
  s = await openWhenReady('/?view=sql');
});
afterAll(async () => {
  await s?.close();
});

const editor = () => s.page.getByLabel('SQL 查询');
const outcome = () => s.page.locator('[data-workbench]').first();

async function runSql(text: string, expected: 'done' | 'refused' | 'error' | 'cancelled' = 'done') {
  await editor().fill(text);
  await s.page.getByRole('button', { name: '运行', exact: true }).click();
  await expect.poll(() => outcome().getAttribute('data-workbench'), { timeout: 15_000 }).not.toBe('running');
  const kind = await outcome().getAttribute('data-workbench');
  expect(kind, (await outcome().textContent()) ?? '').toBe(expected);
}

const figureCount = async () => {
  await runSql('SELECT count(*) AS n FROM figures');
  return s.page.locator('.wb-row [role=cell]').first().textContent();
};

describe('the SQL workbench in Chromium', () => {
  it('runs a query over the loaded tables, lists the schema and keeps the query in the history', async () => {
    await expect.poll(() => s.page.locator('.wb-schema [data-table]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table'))))
      .toEqual(['document_texts', 'documents', 'figures']);
    await runSql("SELECT category, count(*) AS n FROM figures WHERE category = 'investment' GROUP BY category");
    const cells = await s.page.locator('.wb-row').first().locator('[role=cell]').allTextContents();
    expect(cells[0]).toBe('investment');
    expect(Number(cells[1])).toBeGreaterThan(0);
    const history = await s.page.evaluate(() => JSON.parse(localStorage.getItem('figures-board:sql-history') ?? '[]') as string[]);
    expect(history[0]).toContain("category = 'investment'");
    await s.page.getByRole('tab', { name: '图表' }).click();
    await s.page.locator('[data-chart="workbench-chart"]').waitFor();
  });

  it('refuses DROP TABLE and COPY … TO, and the data stays', async () => {
    const before = await figureCount();
    await runSql('DROP TABLE figures', 'refused');
    await expect.poll(() => outcome().textContent()).toContain('只读');
    await runSql("COPY figures TO 'figures-copy.csv'", 'refused');
    expect(await figureCount()).toBe(before);
    expect(Number(before)).toBeGreaterThan(300);
  });

  it('makes no network request for read_csv of a URL', async () => {
    const seen = s.requests.length;
    await runSql("SELECT * FROM read_csv('https://example.org/data.csv')", 'refused');
    await expect.poll(() => outcome().textContent()).toContain('Permission Error');
    expect(s.requests.slice(seen).filter((u) => !isLocal(u))).toEqual([]);
    expect(s.requests.some((u) => u.includes('example.org'))).toBe(false);
  });

  it('shows DuckDB’s message and where it points', async () => {
    await runSql('SELECT id,\n  no_such_column\nFROM figures', 'error');
    const text = await outcome().textContent();
    expect(text).toContain('no_such_column');
    expect(text).toContain('第 2 行，第 3 列');
  });

  it('cancels a long query, and runs the next one', async () => {
    await editor().fill('SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b');
    await s.page.getByRole('button', { name: '运行', exact: true }).click();
    await s.page.locator('[data-workbench="running"]').waitFor();
    await s.page.waitForTimeout(500); // let it get going in the worker
    const started = Date.now();
    await s.page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => outcome().getAttribute('data-workbench'), { timeout: 20_000 }).toBe('cancelled');
    console.info(`workbench cancel took ${Date.now() - started} ms`);
    expect(Number(await figureCount())).toBeGreaterThan(300);
  });

  it('saves a query and opens it on the Compare page as a chart of its rows, reproduced by the link alone', async () => {
    const query = 'SELECT category, count(*) AS "数字(个)", count(DISTINCT indicator) AS "指标(个)"\nFROM figures\nGROUP BY category\nORDER BY category';
    await runSql(query);
    const tableRows = await s.page.locator('.wb-row').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent ?? '')));
    await s.page.getByRole('button', { name: '保存', exact: true }).click();
    await s.page.getByLabel('查询名称').fill('各类别数字与指标');
    await s.page.getByRole('button', { name: '确定保存' }).click();
    await expect.poll(() => s.page.locator('.wb-saved [data-saved-query]').allTextContents()).toEqual([expect.stringContaining('各类别数字与指标')]);
    const stored = await s.page.evaluate(() => JSON.parse(localStorage.getItem('figures-board:saved-queries:v1') ?? 'null') as unknown);
    expect(stored).toMatchObject({ version: 1, queries: [{ name: '各类别数字与指标', sql: query }] });

    await s.page.getByRole('link', { name: '在对比页查看' }).click();
    const url = new URL(s.page.url());
    expect([url.searchParams.get('view'), url.searchParams.get('mode'), url.searchParams.get('sql')]).toEqual(['compare', 'saved', query]);
    await expect.poll(() => s.page.getByRole('note').textContent()).toContain('筛选条件不作用于已存查询');
    // The rows the query returns, read independently through the workbench's table above.
    const expected = { names: tableRows.map((r) => r[0]), values: [tableRows.map((r) => Number(r[1])), tableRows.map((r) => Number(r[2]))] };
    // …and checked against the data file itself, so a fault shared by the table and the chart cannot hide.
    const categories = [...new Set(figures.map((f) => f.category))].sort();
    expect(expected.names).toEqual(categories);
    expect(expected.values[0]).toEqual(categories.map((c) => figures.filter((f) => f.category === c).length));
    const chart = '[data-chart="saved-query-0"]';
    await s.page.locator(chart).waitFor({ timeout: 30_000 });
    expect(await chartSeries(s.page, 'saved-query-0')).toEqual(expected);
    expect(await s.page.locator('[data-chart^="saved-query-"]').count()).toBe(1); // one unit (个): one axis

    const other = await openBrowser();
    try {
      await other.page.goto(url.toString());
      await other.page.locator(chart).waitFor({ timeout: 30_000 });
      expect(await chartSeries(other.page, 'saved-query-0')).toEqual(expected);
      expect(await other.page.evaluate(() => localStorage.getItem('figures-board:saved-queries:v1'))).toBeNull();
      await expect.poll(() => other.page.locator('.saved-query-name').textContent()).toBe('来自链接的查询');
      expect(other.requests.filter((u) => !isLocal(u))).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('keeps working, and says so, when the saved queries in storage are corrupted', async () => {
    await s.page.evaluate(() => localStorage.setItem('figures-board:saved-queries:v1', '{"version":1,"queries":'));
    await s.page.goto(`${s.baseUrl}/?view=sql`);
    await expect.poll(() => s.page.locator('.wb-saved [role=alert]').textContent()).toContain('已存查询无法读取');
    const history = await s.page.evaluate(() => JSON.parse(localStorage.getItem('figures-board:sql-history') ?? '[]') as string[]);
    expect(history.length).toBeGreaterThan(0);
    await expect.poll(() => s.page.locator('.wb-history li').count()).toBe(history.length);
    await runSql('SELECT 1 AS one');
  });
});
