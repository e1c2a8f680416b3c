import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSeries, openBrowser, type BrowserSession } from './browser';
import { pngPixels, pngSize } from './png';

let s: BrowserSession;

async function pin(page: Page, chartId: string) {
  const menu = page.locator(`[data-export-for="${chartId}"]`);
  await menu.locator('summary').click();
  await menu.getByRole('button', { name: '钉到演示' }).click();
  await expect.poll(() => menu.getByRole('status').textContent()).toMatch(/已钉到演示/);
}

const cards = (page: Page) => page.locator('.deck-card');
const titles = (page: Page) => cards(page).locator('header input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

describe('the deck in Chromium', () => {
  it('pins charts with their filters, redraws them from that state, and keeps them across a reload', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare&category=talent`);
    await s.page.locator('[data-chart="compare-bars-person"]').waitFor();
    const pinned = await chartSeries(s.page, 'compare-bars-person');
    await pin(s.page, 'compare-bars-person');
    await s.page.goto(`${s.baseUrl}/`);
    await s.page.locator('[data-chart="overview-investment-CNY"]').waitFor();
    await pin(s.page, 'overview-investment-CNY');

    await s.page.goto(`${s.baseUrl}/?view=deck`);
    await expect.poll(() => titles(s.page)).toEqual(['人数（单位：人）', '招商引资/投资：主要数字（单位：亿元）']);
    const first = await cards(s.page).first().getAttribute('data-slide');
    await s.page.locator(`[data-chart="deck-${first}"]`).waitFor();
    expect(await chartSeries(s.page, `deck-${first}`)).toEqual(pinned);
    await expect.poll(() => cards(s.page).first().locator('footer').textContent()).toContain('筛选：类别=人才与干部');

    await cards(s.page).first().getByRole('button', { name: '下移' }).click();
    await cards(s.page).first().locator('header input').fill('投资一览');
    await s.page.reload();
    await expect.poll(() => titles(s.page)).toEqual(['投资一览', '人数（单位：人）']);
  });

  it('opens the same deck from its shared URL in a fresh browser', async () => {
    await expect.poll(() => new URL(s.page.url()).searchParams.get('deck')).toMatch(/^[A-Za-z0-9_-]+$/);
    const other = await openBrowser();
    try {
      await other.page.goto(s.page.url());
      await expect.poll(() => titles(other.page)).toEqual(['投资一览', '人数（单位：人）']);
      await other.page.locator('.deck-card [data-chart]').nth(1).waitFor();
    } finally {
      await other.close();
    }
  });

  it('presents full screen with a slide counter, arrow keys and Esc', async () => {
    await s.page.getByRole('button', { name: '开始演示' }).first().click();
    const counter = s.page.getByTestId('slide-counter');
    await expect.poll(() => counter.textContent()).toBe('1 / 2');
    await expect.poll(() => s.page.locator('.deck-slide h2').textContent()).toBe('投资一览');
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => counter.textContent()).toBe('2 / 2');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('ArrowLeft');
    await expect.poll(() => counter.textContent()).toBe('1 / 2');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.locator('.deck-present').count()).toBe(0);
  });

  it('exports a PPTX package with one slide per pinned chart, each with its image and source note', async () => {
    await s.page.locator('.deck-card [data-chart]').nth(1).waitFor();
    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '导出 PPTX' }).click()]);
    expect(file.suggestedFilename()).toBe('演示.pptx');
    const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort();
    expect(slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain('投资一览');
    expect(first).toContain('来源：中共天津市滨海新区委员会，2022-08-04');
    expect(Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n))).toHaveLength(2);
    expect(s.problems).toEqual([]);
  });

  it('exports the slides as a ZIP of 2× PNGs, one per slide in deck order, with safe names', async () => {
    await cards(s.page).nth(1).locator('header input').fill('../人数/汇总');
    // Renamed after a reload of a deck URL: the edit must stick (the address is this deck, not a link to adopt).
    await expect.poll(() => titles(s.page)).toEqual(['投资一览', '../人数/汇总']);
    const ids = await cards(s.page).evaluateAll((els) => els.map((e) => e.getAttribute('data-slide')!));
    const sizes = await s.page.evaluate((slideIds) => slideIds.map((id) => {
      const hook = (window as unknown as { __figuresBoardChart: (el: Element) => { getWidth(): number; getHeight(): number } })
        .__figuresBoardChart;
      const chart = hook(document.querySelector(`[data-chart="deck-${id}"]`)!);
      return { width: chart.getWidth(), height: chart.getHeight() };
    }), ids);
    const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '导出 PNG 组' }).click()]);
    expect(file.suggestedFilename()).toBe('演示.zip');
    const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(['01-投资一览.png', '02-._人数_汇总.png']);
    for (const [i, name] of names.entries()) {
      const bytes = Buffer.from(await zip.file(name)!.async('uint8array'));
      const { width, height } = pngSize(bytes);
      expect(width).toBe(2 * sizes[i]!.width);
      expect(height).toBeGreaterThan(2 * sizes[i]!.height); // framed with title and source lines
      const pixels = await pngPixels(s.page, bytes, [28, 76]); // the title line at 2×
      expect([pixels.width, pixels.height]).toEqual([width, height]);
      expect(pixels.band).toBeGreaterThan(200);
    }
    expect(s.problems).toEqual([]);
  });

  it('starts empty with a readable error when the saved deck is corrupted', async () => {
    await s.page.evaluate(() => localStorage.setItem('figures-board:deck:v1', '{broken'));
    await s.page.goto(`${s.baseUrl}/?view=deck`);
    await expect.poll(() => s.page.getByRole('alert').textContent()).toContain('已保存的演示无法读取');
    expect(await cards(s.page).count()).toBe(0);
  });
});
