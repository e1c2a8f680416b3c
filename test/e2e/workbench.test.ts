import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, openBrowser, type BrowserSession } from './browser';

let s: BrowserSession;

beforeAll(async () => {
  s = await openBrowser();
  await s.page.goto(`${s.baseUrl}/?view=sql`);
  await s.page.locator('[data-engine="ready"]').waitFor({ timeout: 30_000 });
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
      .toEqual(['documents', 'figures']);
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
});
