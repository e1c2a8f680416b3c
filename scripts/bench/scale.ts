/** Drives bench/bench.html: one fresh browser per table size, so each size starts from an empty engine. */
import type { ScaleBenchOptions, ScaleBenchResult } from '../../src/bench/scale-bench';
import { openBrowser } from './browser';

export type ScaleOutcome =
  | ({ ok: true } & ScaleBenchResult)
  | { ok: false; rows: number; error: string };

const TIMEOUT_MS = 600_000;

export async function measureScale(chromium: string, pageUrl: string, options: ScaleBenchOptions): Promise<ScaleOutcome> {
  const browser = await openBrowser(chromium);
  try {
    await browser.page.goto(pageUrl);
    await browser.page.waitForFunction(() => '__figuresBoardScaleBench' in window, null, { timeout: 30_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    });
    const crashed = new Promise<never>((_, reject) => browser.page.on('crash', () => reject(new Error('the page crashed'))));
    const result = await Promise.race([
      browser.page.evaluate(
        (o) => (window as unknown as { __figuresBoardScaleBench: (o: ScaleBenchOptions) => Promise<ScaleBenchResult> })
          .__figuresBoardScaleBench(o),
        options,
      ),
      timeout,
      crashed,
    ]).finally(() => clearTimeout(timer));
    return { ok: true, ...result };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    const seen = browser.problems.length > 0 ? ` (page: ${browser.problems.slice(0, 3).join('; ')})` : '';
    return { ok: false, rows: options.rows, error: `${message}${seen}` };
  } finally {
    await browser.close().catch(() => {});
  }
}
