/** Headless Debian Chromium for end-to-end tests: a fresh profile per launch, every request recorded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../scripts/ensure-chromium.mjs';
import { inject } from 'vitest';


export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
  close(): Promise<void>;
}

/** True for the hosts the app may talk to: its own server on loopback, or in-page data/blob URLs. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export async function openBrowser(viewport = { width: 1400, height: 1000 }): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'figures-board-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromium'), headless: true, args: [...CHROMIUM_FLAGS], viewport, acceptDownloads: true,
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return {
    context, page, baseUrl: inject('baseUrl'), requests, problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the page's engine has started and loaded its tables (the status badge says so). */
export async function engineReady(page: Page): Promise<void> {
  await page.locator('[data-engine="ready"]').waitFor({ timeout: 30_000 });
}

/** A fresh browser on `path` of the app, once its engine is ready. */
export async function openWhenReady(path: string): Promise<BrowserSession> {
  const session = await openBrowser();
  await session.page.goto(`${session.baseUrl}${path}`);
  await engineReady(session.page);
  return session;
}

/**
 * Scrolls the chart `[data-chart=…]` into view and waits until its current option is drawn (charts away from
 * the viewport are only created, and only redrawn, once they come near it; `data-pending` marks an option
 * not drawn yet) and is the answer of the page's current state (a view shows the last answer, busy, until then).
 */
export async function scrollToChart(page: Page, chartId: string): Promise<void> {
  await page.locator(`[data-chart="${chartId}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-chart="${id}"]`);
    const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => unknown }).__figuresBoardChart;
    return Boolean(el && hook?.(el) && !el.hasAttribute('data-pending') && !el.closest('[aria-busy="true"]'));
  }, chartId);
}

/** The bars of a cross-filter facet list, top first, as the page shows them. */
export async function facetList(page: Page, dimension: string): Promise<{ value: string; label: string; count: number; pressed: boolean; muted: boolean }[]> {
  return page.locator(`[data-facet="${dimension}"] button`).evaluateAll((buttons) => buttons.map((b) => ({
    value: b.getAttribute('data-value') ?? '',
    label: b.querySelector('.facet-label')?.textContent ?? '',
    count: Number(b.querySelector('.facet-count')?.textContent),
    pressed: b.getAttribute('aria-pressed') === 'true',
    muted: b.classList.contains('muted'),
  })));
}

/** The data of the ECharts instance inside `[data-chart=…]`, read through ECharts itself (not pixels). */
export async function chartSeries(page: Page, chartId: string): Promise<{ names: string[]; values: number[][] }> {
  await scrollToChart(page, chartId);
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-chart="${id}"]`);
    const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => { getOption(): unknown } | undefined })
      .__figuresBoardChart;
    const chart = el && hook?.(el);
    if (!chart) throw new Error(`No chart ${id}`);
    const option = chart.getOption() as { yAxis?: { data?: string[] }[]; xAxis?: { data?: string[] }[]; series: { data: ({ value: number } | number)[] }[] };
    const names = option.yAxis?.[0]?.data ?? option.xAxis?.[0]?.data ?? [];
    const values = option.series.map((s) => s.data.map((d) => (typeof d === 'number' ? d : d.value)));
    return { names, values };
  }, chartId);
}

/** Shows the tooltip of one data item of a chart, as hovering would. */
export async function showTooltip(page: Page, chartId: string, dataIndex: number): Promise<void> {
  await scrollToChart(page, chartId);
  await page.evaluate(
    ([id, index]) => {
      const el = document.querySelector(`[data-chart="${id}"]`);
      const hook = (window as unknown as { __figuresBoardChart?: (el: Element) => { dispatchAction(a: unknown): void } | undefined })
        .__figuresBoardChart;
      const chart = el && hook?.(el);
      if (!chart) throw new Error(`No chart ${id}`);
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
    },
    [chartId, dataIndex] as const,
  );
}

