import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';

let s: BrowserSession;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

describe('when the query engine cannot start', () => {
  it('explains the failure in the view that needed the engine, with the header still working, and recovers on retry', async () => {
    let blockWasm = true;
    await s.context.route('**/*.wasm', (route) => (blockWasm ? route.abort('failed') : route.continue()));
    await s.page.goto(`${s.baseUrl}/`);
    await expect.poll(() => s.page.locator('.engine-status.error').textContent()).toMatch(/查询引擎启动失败/);
    // Every view reads the engine: the overview says what failed instead of going blank.
    const alert = s.page.locator('.error-box[role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/查询引擎启动失败.*could not download duckdb-.*\.wasm/);

    await s.page.getByRole('link', { name: '明细' }).click();
    // The explorer's own query tried the engine again, and says so (below the filter bar, not the overview's box).
    const explorerAlert = s.page.locator('.filter-bar ~ .error-box[role="alert"]');
    await expect.poll(() => explorerAlert.textContent()).toMatch(/查询引擎启动失败.*could not download duckdb-.*\.wasm/);

    blockWasm = false;
    await s.page.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => s.page.locator('.ft-row').count()).toBeGreaterThan(10);
    expect(await s.page.locator('[data-engine="ready"]').count()).toBe(1);
    await s.page.getByRole('link', { name: '总览' }).click();
    await expect.poll(() => s.page.locator('.kpi-value').count()).toBeGreaterThan(5);
  });

  it('frees the engine when its start fails after the engine came up, so a retry runs one engine, not two', async () => {
    let blockData = true;
    await s.context.route('**/documents*.csv', (route) => (blockData ? route.abort('failed') : route.continue()));
    await s.page.goto(`${s.baseUrl}/?view=explorer`);
    await expect.poll(() => s.page.locator('.engine-status.error').count(), { timeout: 30_000 }).toBe(1);
    // The engine's worker started (the wasm loads beside the data files) and was terminated with the failure.
    await expect.poll(() => s.page.workers().length, { timeout: 30_000 }).toBe(0);

    blockData = false;
    await s.page.getByRole('button', { name: '重试' }).first().click();
    await expect.poll(() => s.page.locator('.ft-row').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(s.page.workers()).toHaveLength(1);
  });
});
