/**
 * Page-load figures: navigation → first overview chart and → DuckDB ready, cold (fresh profile) and warm
 * (second navigation in the same profile), plus what the cold load fetched and the JS heap after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openBrowser, waitForMark } from './browser';
import type { SentResponse, Served } from './serve';

export const FIRST_CHART_MARK = 'figures-board:first-chart';
export const DUCKDB_READY_MARK = 'figures-board:duckdb-ready';

/** Marked by the benchmark's own observer: the first chart instance exists and has drawn its option. */
export const FIRST_DRAWN_MARK = 'bench:first-chart-drawn';

export interface LoadSample {
  /** The app's mark: the first chart's ECharts `finished` (its initial animation over); null if it never came. */
  firstChartMs: number | null;
  /** The first chart's option drawn (the moment its initial animation starts). */
  firstChartDrawnMs: number;
  duckdbReadyMs: number;
}

/**
 * Runs in the page before its scripts: ECharts tags a container with `_echarts_instance_` on init, and the
 * app calls setOption (which draws synchronously) in the same effect flush, so the first tag seen after that
 * flush is the first chart drawn.
 */
export function observeFirstChart(markName: string) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-chart][_echarts_instance_]')) return;
    performance.mark(markName);
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['_echarts_instance_'] });
}

/** A file the server sent during the cold load, with what gzip would make of it for comparison. */
export interface FetchedFile {
  method: string;
  path: string;
  status: number;
  /** Body bytes the server wrote (after any content-encoding). */
  sentBytes: number;
  contentEncoding: string | null;
  /** The built file's size, and its size gzip-compressed (node zlib, default level). */
  fileBytes: number;
  fileGzipBytes: number;
}

/** Everything the cold load fetched from the server, and its engine files (wasm, worker) in detail. */
export interface ColdFetches {
  requests: number;
  sentBytes: number;
  engineFiles: FetchedFile[];
}

export interface HeapUsage {
  /** V8 heap of the page's main thread right after load (no forced GC). */
  usedBytes: number;
  /** The same after a forced garbage collection. */
  usedAfterGcBytes: number;
}

export interface LoadRun {
  cold: LoadSample;
  warm: LoadSample;
  /** What the cold load fetched (only recorded when asked). */
  fetched: ColdFetches | null;
  heap: HeapUsage | null;
  problems: string[];
}

function engineFile(sent: SentResponse, outDir: string): FetchedFile {
  const content = readFileSync(join(outDir, decodeURIComponent(sent.path)));
  return {
    method: sent.method, path: sent.path, status: sent.status, sentBytes: sent.bytes, contentEncoding: sent.contentEncoding,
    fileBytes: content.length, fileGzipBytes: gzipSync(content).length,
  };
}

async function loadOnce(page: Page, url: string): Promise<LoadSample> {
  await page.goto(url, { waitUntil: 'commit' });
  const [firstChartDrawnMs, duckdbReadyMs] = await Promise.all([
    waitForMark(page, FIRST_DRAWN_MARK),
    waitForMark(page, DUCKDB_READY_MARK),
  ]);
  // The app's mark follows the first chart's animation; give it a few seconds, and record its absence.
  const firstChartMs = await waitForMark(page, FIRST_CHART_MARK, 5_000).catch(() => null);
  return { firstChartMs, firstChartDrawnMs, duckdbReadyMs };
}

/** One launch with a fresh profile: a cold load of the overview, then a warm reload of it. */
export async function measureLoad(chromium: string, served: Served, details: boolean): Promise<LoadRun> {
  const browser = await openBrowser(chromium);
  await browser.context.addInitScript(observeFirstChart, FIRST_DRAWN_MARK);
  try {
    served.takeSent();
    const cold = await loadOnce(browser.page, `${served.baseUrl}/`);
    const sent = served.takeSent();
    const fetched: ColdFetches | null = details
      ? {
        requests: sent.length,
        sentBytes: sent.reduce((n, r) => n + r.bytes, 0),
        engineFiles: sent.filter((r) => /\.wasm$|worker[^/]*\.js$/.test(r.path)).map((r) => engineFile(r, served.outDir)),
      }
      : null;
    let heap: HeapUsage | null = null;
    if (details) {
      const cdp = await browser.context.newCDPSession(browser.page);
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      await cdp.send('HeapProfiler.collectGarbage');
      const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      heap = { usedBytes: before, usedAfterGcBytes: after };
      await cdp.detach();
    }
    const warm = await loadOnce(browser.page, `${served.baseUrl}/`);
    return { cold, warm, fetched, heap, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}

/**
 * The engine-start floor: a cold load (fresh profile) of bench/engine.html, which starts the app's engine and
 * loads its tables with nothing else on the page. Returns its DuckDB-ready mark.
 */
export async function measureEngineFloor(chromium: string, pageUrl: string): Promise<{ readyMs: number; problems: string[] }> {
  const browser = await openBrowser(chromium);
  try {
    await browser.page.goto(pageUrl, { waitUntil: 'commit' });
    const readyMs = await waitForMark(browser.page, DUCKDB_READY_MARK);
    return { readyMs, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}

/**
 * The interaction floor: on a fresh floor page, once its engine is ready, the compare view's queries for each
 * of `states` (URL query strings) with nothing drawn (src/bench/query-floor.ts). Returns the time per state.
 */
export async function measureQueryFloor(chromium: string, pageUrl: string, states: readonly string[]): Promise<{ samples: number[]; problems: string[] }> {
  const browser = await openBrowser(chromium);
  try {
    await browser.page.goto(pageUrl);
    await waitForMark(browser.page, DUCKDB_READY_MARK);
    type FloorWindow = { __figuresBoardQueryFloor: (states: readonly string[]) => Promise<{ samples: number[] }> };
    const { samples } = await browser.page.evaluate(
      (list) => (window as unknown as FloorWindow).__figuresBoardQueryFloor(list), [...states]);
    return { samples, problems: [...browser.problems] };
  } finally {
    await browser.close();
  }
}
