/**
 * 指标 in Chromium: two years of a fictional county's work reports added through the 报告 view, then one metric
 * over the years (outcomes and goals), a point opened to its sentence, goals against outcomes, and the checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSeries, engineReady, openWhenReady, type BrowserSession } from './browser';

const fixture = (year: number) => readFileSync(join(import.meta.dirname, `../fixtures/metrics/qingshui-${year}.txt`), 'utf8');

let s: BrowserSession;

beforeAll(async () => {
  s = await openWhenReady('/?view=reports');
  s.page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await s?.close();
});

/** Adds a pasted report with the metadata its text suggests (a title where it has none). */
async function addReport(year: number, reports: number, text = fixture(year), title = `清水县${year}年政府工作报告`): Promise<void> {
  await s.page.getByRole('button', { name: '添加报告' }).click();
  await s.page.getByLabel('粘贴报告正文').fill(text);
  await s.page.getByRole('button', { name: '下一步' }).click();
  expect(await s.page.getByLabel(/^地区/).inputValue()).toBe('清水县');
  await s.page.getByLabel(/^标题/).fill(title);
  await s.page.getByRole('button', { name: '提取数字' }).click();
  await s.page.getByTestId('review-table').waitFor({ timeout: 20_000 });
  await s.page.getByRole('button', { name: '保存到工作区' }).click();
  await s.page.locator('.engine-status', { hasText: `${reports} 份报告` }).waitFor({ timeout: 30_000 });
}

describe('a metric across places and years', () => {
  it('draws a metric the added reports state over their data years, goals apart from outcomes', async () => {
    await addReport(2021, 2);
    await addReport(2022, 3);
    await s.page.goto(`${s.baseUrl}/?view=metrics&metric=gdp_growth`);
    await engineReady(s.page);
    const { values } = await chartSeries(s.page, 'metric-gdp_growth');
    // Outcomes of 2020 and 2021 (each report reviews the year before it), goals of 2021 and 2022.
    expect(values).toEqual([[[2020, 6.5], [2021, 6.8]], [[2021, 7], [2022, 6.5]]]);
    const table = s.page.locator('.metric-table');
    expect(await table.locator('tbody tr').first().textContent()).toContain('6.8%');
    expect(await s.page.locator('.metric-targets tbody tr').first().textContent()).toBe('2021清水县约7%6.8%−0.2个百分点达成');
  });

  it('opens a point’s sentence in its own report', async () => {
    await s.page.locator('.metric-table').getByRole('button', { name: '6.8%' }).click();
    const panel = s.page.getByTestId('provenance');
    await panel.waitFor();
    await expect.poll(() => panel.textContent()).toContain('同比增长6.8%');
    expect(await panel.textContent()).toContain('清水县2022年政府工作报告');
    expect(await panel.textContent()).toContain('实际 · 2021 年');
    await panel.getByRole('button', { name: '关闭' }).click();
  });

  it('lists the checks, and switches metric from the picker (kept in the link)', async () => {
    const checks = s.page.locator('.metric-checks');
    await expect.poll(() => checks.locator('h2').textContent()).toBe('核对：没有发现不一致的数字。');
    await s.page.getByLabel('指标', { exact: true }).selectOption('public_budget_revenue');
    await expect.poll(() => new URL(s.page.url()).searchParams.get('metric')).toBe('public_budget_revenue');
    const { values } = await chartSeries(s.page, 'metric-public_budget_revenue');
    expect(values).toEqual([[[2020, 10], [2021, 11]]]);
    expect(s.problems).toEqual([]);
    expect(s.requests.filter((url) => !url.startsWith(s.baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('shows both values of a fact two reports state differently, each with its own sentence', async () => {
    // A later report of the same year restates 2021's budget revenue (11亿元, where the 2022 report said 11亿元 too)
    // and its investment (90亿元, where the 2022 report said 88亿元).
    const restating = '政 府 工 作 报 告\n\n——2022年3月1日在清水县第九届人民代表大会第七次会议上\n\n一、2021年工作回顾\n\n'
      + '全社会固定资产投资完成90亿元。\n';
    await s.page.goto(`${s.baseUrl}/?view=reports`);
    await addReport(2022, 4, restating, '清水县2021年工作情况（修订）');
    await s.page.goto(`${s.baseUrl}/?view=metrics&metric=fixed_asset_investment`);
    await engineReady(s.page);
    const { values } = await chartSeries(s.page, 'metric-fixed_asset_investment');
    // The line through the latest report's value, the other report's value beside it in the same year.
    expect(values).toEqual([[[2020, 80], [2021, 90]], [[2021, 88]]]);
    const cell = s.page.locator('.metric-table tbody tr').first();
    expect(await cell.textContent()).toContain('90亿元 ⚠');
    await cell.getByRole('button', { name: /^另：88亿元/ }).click();
    const panel = s.page.getByTestId('provenance');
    await expect.poll(() => panel.textContent()).toContain('清水县2022年政府工作报告');
    expect(await panel.textContent()).toContain('88亿元');
    await panel.getByRole('button', { name: '关闭' }).click();
    const checks = s.page.locator('.metric-checks');
    await expect.poll(() => checks.textContent()).toContain('90亿元');
  });
});
