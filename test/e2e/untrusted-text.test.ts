import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, showTooltip, type BrowserSession } from './browser';

const HOSTILE = '<img src=x onerror=window.__xss=1>';
let s: BrowserSession;

/** Serves the app's own figures.csv with one more row whose indicator, subject and quote are markup. */
async function serveHostileFixture(session: BrowserSession) {
  // The original is fetched once and the fixture served from memory on every load after (one request to the
  // server instead of one per page load: fewer chances for a busy machine to drop one).
  let body: string | null = null;
  await session.context.route('**/assets/figures-*.csv', async (route) => {
    if (body !== null) {
      await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body });
      return;
    }
    const original = await (await route.fetch()).text();
    const parsed = Papa.parse<Record<string, string>>(original, { header: true, skipEmptyLines: true });
    const template = parsed.data[0];
    if (!template) throw new Error('figures.csv has no rows');
    const hostile = {
      ...template, id: 'fixture:9999', indicator: HOSTILE, subject: HOSTILE, quote: HOSTILE,
      value: '9999', unit: '亿元', value_base: '999900000000', base_unit: 'CNY', kind: 'amount', category: 'investment',
    };
    body = Papa.unparse({ fields: parsed.meta.fields ?? [], data: [...parsed.data, hostile] });
    await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body });
  });
}

beforeAll(async () => {
  s = await openBrowser();
  await serveHostileFixture(s);
});
afterAll(async () => {
  await s?.close();
});

describe('document text is data, never markup', () => {
  it('renders a hostile figure literally in the table, a chart tooltip and the provenance panel', async () => {
    await s.page.goto(`${s.baseUrl}/?view=explorer&q=onerror`);
    const row = s.page.locator('.ft-row[data-figure="fixture:9999"]');
    await expect.poll(() => row.locator('.cell-indicator').textContent()).toBe(HOSTILE);
    await row.click();
    await expect.poll(() => s.page.getByTestId('provenance-quote').textContent()).toBe(HOSTILE);
    expect(await s.page.locator('.provenance img, .figure-table img').count()).toBe(0);

    await s.page.goto(`${s.baseUrl}/?view=compare&q=onerror`);
    await s.page.locator('[data-chart="compare-bars-CNY"]').waitFor();
    await showTooltip(s.page, 'compare-bars-CNY', 0);
    const tooltip = s.page.locator('[data-chart="compare-bars-CNY"] div').filter({ hasText: 'onerror' }).last();
    await expect.poll(() => tooltip.textContent()).toContain(HOSTILE);
    expect(await s.page.locator('[data-chart] img').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(s.problems).toEqual([]);
  });
});
