/** Headless Chromium for the benchmark: a fresh profile (cold cache) per launch unless a profile is reused. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../ensure-chromium.mjs';


export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far (a benchmark of a broken page is no benchmark). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium on a fresh profile, deleted on close; or on `profile` (a directory the caller owns, kept on
 * close: what the browser stored there, IndexedDB included, is there at the next launch).
 */
export async function openBrowser(
  executablePath: string, viewport = { width: 1400, height: 1000 }, options: { profile?: string } = {},
): Promise<BenchBrowser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'figures-board-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_FLAGS], viewport });
  // Functions handed to page.evaluate are compiled by tsx, which wraps named inner functions in `__name(…)`.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    context, page, problems,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A `performance.mark` of the page, in ms since navigation start, once it exists. */
export async function waitForMark(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? false,
    name,
    { timeout: timeoutMs, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}
