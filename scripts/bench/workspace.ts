/**
 * The workspace benchmark: a browser profile holding 1,000 added reports (about 300,000 figures), made of
 * synthetic report texts (src/bench/synthetic-reports.ts) whose figures this build's extractor derived, kept
 * in IndexedDB as the app keeps a saved report. Then, on that profile:
 * - starts: a new browser process with the HTTP and code caches emptied (the kept workspace stays): navigation
 *   → first overview chart, → engine ready (workspace loaded);
 * - filter clicks on the compare view over the whole workspace (the same walk as the interaction figures);
 * - adding 50,000-character reports through the 报告 view, one after another: paste, read the form, extract (off
 *   the page's thread) → review painted, then save → the status painted saying the engine holds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticReport } from '../../src/bench/synthetic-reports';
import { summarize, type Summary } from '../../src/bench/stats';
import { toFiguresCsv } from '../../src/extract/toFiguresCsv';
import { docIdFor, reportFigures, sha256Hex, type WorkspaceReport } from '../../src/workspace/report';
import { extractorHash } from '../extractor-hash';
import { openBrowser, waitForMark } from './browser';
import { measureInteraction, type InteractionResult } from './interaction';
import { METRIC_SERIES_MEASURE } from '../../src/queries/metrics-query';
import { WARMED_UP_MARK } from '../../src/queries/warm-up';
import { DUCKDB_READY_MARK, FIRST_CHART_MARK, FIRST_DRAWN_MARK, observeFirstChart, type LoadSample } from './load';

export interface WorkspaceBenchResult {
  reports: number;
  figures: number;
  textChars: number;
  figuresCsvBytes: number;
  /** Deriving the figures in Node and writing the records into the profile: set-up, not a user's figure. */
  seedMs: number;
  /** The first start after the workspace changed: nothing kept to draw, the first chart waits for the engine. */
  firstStart: LoadSample;
  /** Later starts: the answers drawn last time (same build and workspace version) are drawn at once. */
  starts: LoadSample[];
  firstChart: Summary | null;
  firstChartDrawn: Summary;
  duckdbReady: Summary;
  interaction: InteractionResult;
  /** The 指标 view over the whole workspace: each metric picked once (its trend's query, and the pick → chart drawn). */
  trends: TrendSample[];
  trend: { query: Summary; drawn: Summary };
  /** Reports added one after another; `add` summarises their times. */
  adds: AddSample[];
  add: { chars: number; figures: number; extract: Summary; extractionOwn: Summary; load: Summary; total: Summary };
  problems: string[];
}

/** One report added: what a person waits for (click → painted), and the extraction's own time in its worker. */
export interface AddSample {
  chars: number;
  figures: number;
  extractMs: number;
  extractionOwnMs: number;
  loadMs: number;
  totalMs: number;
}

/** A kept report as the app stores it (src/data/reports-store.ts StoredReport), figures derived here. */
async function storedReport(index: number, extractor: string, sentences: number) {
  const r = syntheticReport(index, sentences);
  const sha256 = await sha256Hex(r.text);
  const report: WorkspaceReport = {
    title: r.title, publisher: `${r.place}人民政府`, place: r.place, published: r.published, genre: 'work_report', url: '',
    doc_id: docIdFor(r.published, sha256), text: r.text, sha256,
    added_at: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(), corrections: [], excluded: [], included: [],
  };
  const figures = reportFigures(report);
  return { record: { ...report, figures: { extractor, csv: toFiguresCsv(figures) } }, figures: figures.length };
}

/** Writes records into the app's own database (opened by the app first, so its stores exist). */
async function putReports(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate((batch) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('figures-board');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['reports', 'settings'], 'readwrite');
      for (const r of batch) tx.objectStore('reports').put(r);
      // As the app's own writes do: a changed workspace has a new version (answers kept of the old are void).
      const version = tx.objectStore('settings').get('workspace-version');
      version.onsuccess = () => tx.objectStore('settings').put(((version.result as number | undefined) ?? 0) + 1, 'workspace-version');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  }), records);
}

export async function seedWorkspace(chromium: string, baseUrl: string, profile: string, count: number) {
  const extractor = extractorHash();
  const browser = await openBrowser(chromium, undefined, { profile });
  let figures = 0;
  let textChars = 0;
  let figuresCsvBytes = 0;
  try {
    await browser.page.goto(`${baseUrl}/?view=reports`);
    await browser.page.locator('[data-engine="ready"]').waitFor({ timeout: 60_000 });
    for (let from = 0; from < count; from += 50) {
      const batch = [];
      for (let i = from; i < Math.min(count, from + 50); i++) {
        const { record, figures: n } = await storedReport(i, extractor, 82);
        figures += n;
        textChars += record.text.length;
        figuresCsvBytes += Buffer.byteLength(record.figures.csv);
        batch.push(record);
      }
      await putReports(browser.page, batch);
    }
  } finally {
    await browser.close();
  }
  return { figures, textChars, figuresCsvBytes };
}

/** Empties the profile's HTTP and compiled-code caches; its storage (the workspace) stays. */
function emptyCaches(profile: string): void {
  for (const dir of ['Cache', 'Code Cache', 'GPUCache', 'Service Worker']) {
    rmSync(join(profile, 'Default', dir), { recursive: true, force: true });
  }
}

async function start(chromium: string, baseUrl: string, profile: string, reports: number): Promise<{ sample: LoadSample; problems: string[] }> {
  emptyCaches(profile);
  const browser = await openBrowser(chromium, undefined, { profile });
  await browser.context.addInitScript(observeFirstChart, FIRST_DRAWN_MARK);
  try {
    await browser.page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    const [firstChartDrawnMs, duckdbReadyMs] = await Promise.all([
      waitForMark(browser.page, FIRST_DRAWN_MARK, 180_000),
      waitForMark(browser.page, DUCKDB_READY_MARK, 180_000),
    ]).catch(async (error: unknown) => {
      // Say what the page showed: a start that never comes is a result to read, not only a timeout.
      const status = await browser.page.locator('.engine-status').textContent().catch(() => null);
      const marks = await browser.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)).catch(() => []);
      throw new Error(`The workspace's start did not finish: status “${status}”, marks ${marks.join(', ')}; ${browser.problems.join('; ')}`, { cause: error });
    });
    const firstChartMs = await waitForMark(browser.page, FIRST_CHART_MARK, 5_000).catch(() => null);
    const status = await browser.page.locator('.engine-status').textContent();
    if (!status?.includes(`${reports + 1} 份报告`)) throw new Error(`The workspace did not load whole: “${status}”`);
    // The app keeps the answers it drew a moment after the last (when idle): let it, as a visit would.
    await browser.page.waitForTimeout(2_500);
    return { sample: { firstChartMs, firstChartDrawnMs, duckdbReadyMs }, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}

/** One metric picked in the 指标 view: its series' own time in the page (query and rows), and pick → chart drawn. */
export interface TrendSample {
  metric: string;
  queryMs: number;
  drawnMs: number;
  points: number;
}

/**
 * Picks every metric the workspace states, one after another, in the 指标 view: the app measures each series it
 * fetches (METRIC_SERIES_MEASURE: the query, its rows made into points), and the pick → the chart of that metric
 * drawn is timed in the page. Every pick is a metric not asked for before (no cached answer).
 */
export async function measureTrends(chromium: string, baseUrl: string, profile: string): Promise<{ samples: TrendSample[]; problems: string[] }> {
  const browser = await openBrowser(chromium, undefined, { profile });
  const { page } = browser;
  try {
    await page.goto(`${baseUrl}/?view=metrics`);
    await page.locator('[data-engine="ready"]').waitFor({ timeout: 180_000 });
    await page.locator('.metric-panel').waitFor({ timeout: 60_000 });
    // The start's background warm-up over: a pick meanwhile queues behind whichever of its queries is running
    // (up to ~0.2 s here), which is the start's cost, not the trend's.
    await waitForMark(page, WARMED_UP_MARK, 120_000);
    const picker = page.getByLabel('指标', { exact: true });
    const metrics = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const first = await picker.inputValue();
    const samples: TrendSample[] = [];
    for (const metric of metrics.filter((m) => m !== first)) {
      await page.waitForTimeout(300);
      const drawnMs = await page.evaluate(async (id) => {
        const select = [...document.querySelectorAll('select')].find((el) => [...el.options].some((o) => o.value === id)) as HTMLSelectElement;
        const t0 = performance.now();
        select.value = id;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return new Promise<number>((resolve) => {
          const check = () => {
            const chart = document.querySelector(`[data-chart^="metric-${id}"]`);
            if (chart && !chart.hasAttribute('data-pending') && !chart.closest('[aria-busy="true"]')) resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          check();
        });
      }, metric);
      const measured = await page.evaluate(([name, id]) => performance.getEntriesByName(name).filter((e) => (e as PerformanceMeasure).detail === id).at(-1)?.duration ?? NaN,
        [METRIC_SERIES_MEASURE, metric] as const);
      const points = await page.locator('.metric-table tbody tr').count();
      samples.push({ metric, queryMs: measured, drawnMs, points });
    }
    return { samples, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}

/** A person reads the metadata form (title, date, place …) before asking for the figures. */
const FORM_READ_MS = 1_500;

/**
 * Marks, in the page, the moments an add is timed by: each click on 提取数字 / 保存到工作区 (at the event's own
 * time), and the frame after the review's first row, and then the status naming `window.benchExpectStatus`,
 * appeared (the first frame a person sees them in).
 */
function observeAdd(): void {
  const w = window as unknown as { benchExpectStatus?: string };
  const painted = (name: string) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  document.addEventListener('click', (event) => {
    const label = (event.target as Element | null)?.closest('button')?.textContent ?? '';
    if (label === '提取数字') performance.mark('bench:extract-click', { startTime: event.timeStamp });
    if (label === '保存到工作区') performance.mark('bench:save-click', { startTime: event.timeStamp });
  }, true);
  let reviewSeen = false;
  let statusSeen = '';
  new MutationObserver(() => {
    if (!reviewSeen && document.querySelector('[data-testid="review-table"] tbody tr[data-start]')) {
      reviewSeen = true;
      painted('bench:review-painted');
    }
    const expected = w.benchExpectStatus ?? '';
    if (expected !== '' && statusSeen !== expected && document.querySelector('.engine-status')?.textContent?.includes(expected)) {
      statusSeen = expected;
      reviewSeen = false;
      painted('bench:saved-painted');
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Milliseconds from the latest mark `from` in the page to the mark `to` that follows it (waited for). */
async function between(page: Page, from: string, to: string): Promise<number> {
  const gap = ([a, b]: readonly [string, string]) => {
    const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
    const ms = last(b) - last(a);
    return ms >= 0 ? { ms } : null;
  };
  const handle = await page.waitForFunction(gap, [from, to] as const, { timeout: 120_000 });
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

/**
 * Adds reports of about `chars` characters through the 报告 view, one after another, timing each as a person
 * sees it: from the click on 提取数字 (after reading the form) to the review painted, and from the click on
 * 保存到工作区 to the status painted with the report counted. The extraction's own time (its worker's, started
 * as the form showed) is recorded beside them.
 */
async function addReports(chromium: string, baseUrl: string, profile: string, reports: number, chars: number, count: number) {
  const browser = await openBrowser(chromium, undefined, { profile });
  await browser.context.addInitScript(observeAdd);
  const { page } = browser;
  const samples: AddSample[] = [];
  try {
    await page.goto(`${baseUrl}/?view=reports`);
    await page.locator('[data-engine="ready"]').waitFor({ timeout: 180_000 });
    for (let i = 0; i < count; i++) {
      let sentences = Math.round(chars / 53);
      let report = syntheticReport(100_000 + i, sentences);
      while (report.text.length < chars) report = syntheticReport(100_000 + i, (sentences += 10));
      await page.getByRole('button', { name: '添加报告' }).click();
      await page.getByLabel('粘贴报告正文').fill(report.text);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel(/^地区/).fill(report.place);
      await page.waitForTimeout(FORM_READ_MS);
      await page.getByRole('button', { name: '提取数字' }).click();
      const extractMs = await between(page, 'bench:extract-click', 'bench:review-painted');
      const ownMs = await between(page, 'figures-board:extraction-start', 'figures-board:extraction-done');
      const coverage = (await page.getByTestId('coverage').textContent()) ?? '';
      const figures = Number(/找到 (\d+) 个数字/.exec(coverage)?.[1] ?? NaN);
      await page.evaluate((expected) => {
        (window as unknown as { benchExpectStatus?: string }).benchExpectStatus = expected;
      }, `数据就绪 · ${reports + 2 + i} 份报告`);
      await page.getByRole('button', { name: '保存到工作区' }).click();
      const loadMs = await between(page, 'bench:save-click', 'bench:saved-painted');
      samples.push({ chars: report.text.length, figures, extractMs, extractionOwnMs: ownMs, loadMs, totalMs: extractMs + loadMs });
      await page.waitForTimeout(500);
    }
    return { samples, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}

export async function measureWorkspace(
  chromium: string, baseUrl: string, plan: { reports: number; starts: number; clicks: { uncached: number; cached: number }; addChars: number; adds: number },
  log: (message: string) => void,
): Promise<WorkspaceBenchResult> {
  const profile = mkdtempSync(join(tmpdir(), 'figures-board-workspace-'));
  try {
    log(`workspace: seeding ${plan.reports} reports`);
    const t0 = Date.now();
    const seeded = await seedWorkspace(chromium, baseUrl, profile, plan.reports);
    const seedMs = Date.now() - t0;
    const starts: LoadSample[] = [];
    const problems: string[] = [];
    for (let i = 0; i <= plan.starts; i++) {
      log(`workspace: start ${i + 1}/${plan.starts + 1}${i === 0 ? ' (first after the change)' : ''}`);
      const run = await start(chromium, baseUrl, profile, plan.reports);
      starts.push(run.sample);
      problems.push(...run.problems);
    }
    log(`workspace: ${plan.clicks.uncached} + ${plan.clicks.cached} filter clicks`);
    const interaction = await measureInteraction(chromium, baseUrl, plan.clicks, { profile });
    log('workspace: picking every metric in the 指标 view');
    const trends = await measureTrends(chromium, baseUrl, profile);
    log(`workspace: adding ${plan.adds} reports of ${plan.addChars.toLocaleString('en')} characters`);
    const added = await addReports(chromium, baseUrl, profile, plan.reports, plan.addChars, plan.adds);
    const adds = added.samples;
    const [firstStart, ...returning] = starts as [LoadSample, ...LoadSample[]];
    const marks = returning.map((s) => s.firstChartMs).filter((v): v is number => v !== null);
    return {
      reports: plan.reports, ...seeded, seedMs, firstStart, starts: returning,
      firstChart: marks.length > 0 ? summarize(marks) : null,
      firstChartDrawn: summarize(returning.map((s) => s.firstChartDrawnMs)),
      duckdbReady: summarize(returning.map((s) => s.duckdbReadyMs)),
      interaction, adds,
      trends: trends.samples,
      trend: { query: summarize(trends.samples.map((x) => x.queryMs)), drawn: summarize(trends.samples.map((x) => x.drawnMs)) },
      add: {
        chars: Math.round(summarize(adds.map((a) => a.chars)).median), figures: Math.round(summarize(adds.map((a) => a.figures)).median),
        extract: summarize(adds.map((a) => a.extractMs)), extractionOwn: summarize(adds.map((a) => a.extractionOwnMs)),
        load: summarize(adds.map((a) => a.loadMs)), total: summarize(adds.map((a) => a.totalMs)),
      },
      problems: [...problems, ...interaction.problems, ...trends.problems, ...added.problems],
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
