/**
 * Filter interaction on `?view=compare`: each click toggles one filter through the FilterBar's menus, and
 * the time runs from just before the change event to the moment every chart on screen afterwards has been
 * updated (charts below the fold are redrawn when they come near the viewport, and are not counted). The
 * cross-filter facet lists (HTML bars, `[data-facet]`) count as charts: they announce their update as charts do.
 * Two moments are recorded per chart, both after the change:
 * - drawn: its ECharts `setOption` returned (the new data is on screen; update animations start here);
 * - settled: ECharts `finished` (animations over), the moment the app's `figures-board:chart-rendered`
 *   announces; the probe listens itself because the app attaches its listener after `setOption`, and so
 *   misses charts that finish inside it (nothing to animate). Both counts are kept per click.
 * A click is complete when no chart event has arrived for a quiet window, which is not counted.
 * The first phase walks distinct filter states (never seen, so TanStack Query must query DuckDB); the second
 * toggles back and forth between two seen states (answered from the query cache).
 */
import type { Page } from 'playwright-core';
import { summarize, type Summary } from '../../src/bench/stats';
import { t } from '../../src/i18n/zh';
import { openBrowser } from './browser';

/** The FilterBar menus the walk uses, by their accessible names. */
const MENUS = (['category', 'subject', 'kind', 'base_unit'] as const).map((d) => t.filters.add(t.dimensions[d]));
const QUIET_MS = 150;

interface MenuOption {
  menu: string;
  value: string;
  selected: boolean;
}

export interface ClickSample {
  /** The filter state after the click, as the URL query. */
  state: string;
  drawnMs: number;
  settledMs: number;
  charts: number;
  /** Charts that fired ECharts `finished` after the click, and `figures-board:chart-rendered` events seen. */
  finishedEvents: number;
  appEvents: number;
}

export interface InteractionResult {
  uncached: { drawn: Summary; settled: Summary };
  cached: { drawn: Summary; settled: Summary };
  all: { drawn: Summary; settled: Summary };
  quietWindowMs: number;
  /** ECharts `finished` events after which the app's own `figures-board:chart-rendered` never came. */
  appEventsMissed: number;
  samples: { uncached: ClickSample[]; cached: ClickSample[] };
  problems: string[];
}

/** Installs `window.__figuresBoardBenchProbe` in the page (evaluated in the browser). */
function installProbe(menus: string[]) {
  type Chart = {
    setOption: (...args: unknown[]) => unknown;
    getDom(): HTMLElement;
    on(event: string, handler: () => void): void;
    off(event: string, handler: () => void): void;
  };
  const w = window as unknown as Record<string, unknown>;
  const hook = w.__figuresBoardChart as (el: Element) => Chart | undefined;
  const anyChart = [...document.querySelectorAll('[data-chart]')].map((el) => hook(el)).find(Boolean);
  if (!anyChart) throw new Error('No chart on the page to hook');
  // Every instance shares ECharts' prototype. Wrapping setOption notes when each chart has drawn an option
  // (setOption renders synchronously) and when it has finished; the listener goes on before the call because
  // ECharts fires `finished` inside setOption when nothing animates.
  const drawnAt = new Map<Element, number>();
  const settledAt = new Map<Element, number>();
  let lastEvent = 0;
  let appEvents = 0;
  const proto = Object.getPrototypeOf(anyChart) as Chart;
  const setOption = proto.setOption;
  proto.setOption = function (this: Chart, ...args: unknown[]) {
    const dom = this.getDom();
    const onFinished = () => {
      this.off('finished', onFinished);
      lastEvent = performance.now();
      settledAt.set(dom, lastEvent);
    };
    this.on('finished', onFinished);
    const result = setOption.apply(this, args);
    lastEvent = performance.now();
    drawnAt.set(dom, lastEvent);
    return result;
  };
  // The app's own announcement, counted to report whether it kept up with ECharts' `finished`. It also comes
  // for a chart whose content the click left unchanged (the app then skips setOption): that chart is up to date.
  document.addEventListener('figures-board:chart-rendered', (event) => {
    appEvents += 1;
    const dom = event.target as Element;
    lastEvent = performance.now();
    if (!drawnAt.has(dom)) drawnAt.set(dom, lastEvent);
    if (!settledAt.has(dom)) settledAt.set(dom, lastEvent);
  }, true);
  // On screen: charts away from the viewport are not redrawn until they come near it (and are not counted).
  const onScreen = () => [...document.querySelectorAll('[data-chart], [data-facet]')].filter((el) => {
    const rect = el.getBoundingClientRect();
    return rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
  });
  const menu = (label: string) =>
    [...document.querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === label);
  w.__figuresBoardBenchProbe = {
    options(): MenuOption[] {
      return menus.flatMap((label) =>
        [...(menu(label)?.options ?? [])].filter((o) => o.value !== '').map((o) => ({
          menu: label, value: o.value, selected: (o.textContent ?? '').startsWith('✓'),
        })));
    },
    /** Menus enabled (facets loaded) and no chart event for the quiet window. */
    idle(quietMs: number): boolean {
      return menus.every((label) => menu(label) && !menu(label)?.disabled)
        && performance.now() - lastEvent >= quietMs && document.querySelector('[data-chart], [data-facet]') !== null;
    },
    click(label: string, value: string, quietMs: number, timeoutMs: number) {
      const select = menu(label);
      if (!select) throw new Error(`No menu ${label}`);
      drawnAt.clear();
      settledAt.clear();
      appEvents = 0;
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const poll = () => {
          const now = performance.now();
          // Where the charts are is read once the page has gone quiet, not at every poll: a read while the app
          // is mid-update would force the page's layout early, and the harness would slow what it measures.
          if (settledAt.size > 0 && now - lastEvent >= quietMs) {
            const visible = onScreen();
            if (visible.length > 0 && visible.every((el) => settledAt.has(el) && drawnAt.has(el))) {
              resolve({
                state: location.search,
                drawnMs: Math.max(...visible.map((el) => drawnAt.get(el) as number)) - t0,
                settledMs: Math.max(...visible.map((el) => Math.max(settledAt.get(el) as number, drawnAt.get(el) as number))) - t0,
                charts: visible.length,
                finishedEvents: settledAt.size,
                appEvents,
              });
              return;
            }
          }
          if (now - t0 > timeoutMs) {
            const visible = onScreen();
            const missing = visible.filter((el) => !settledAt.has(el) || !drawnAt.has(el))
              .map((el) => `${el.getAttribute('data-chart') ?? `facet ${el.getAttribute('data-facet') ?? ''}`}${drawnAt.has(el) ? ' (drawn, never settled)' : ''}`);
            reject(new Error(`Charts did not update within ${timeoutMs} ms after ${label} ${value}: `
              + `${visible.length} visible, ${settledAt.size} settled events; waiting for ${missing.join(', ') || 'a chart'}`));
          } else {
            setTimeout(poll, 5);
          }
        };
        poll();
      });
    },
  };
}

interface Probe {
  options(): MenuOption[];
  idle(quietMs: number): boolean;
  click(label: string, value: string, quietMs: number, timeoutMs: number): Promise<ClickSample>;
}
// Callbacks of page.evaluate run in the page and cannot close over Node values: each one names the probe itself.
type ProbeWindow = { __figuresBoardBenchProbe: Probe };

const readOptions = () => (window as unknown as ProbeWindow).__figuresBoardBenchProbe.options();

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction((q) => (window as unknown as ProbeWindow).__figuresBoardBenchProbe.idle(q), QUIET_MS, { timeout: 30_000, polling: 20 });
}

async function click(page: Page, option: MenuOption): Promise<ClickSample> {
  await waitIdle(page);
  return page.evaluate(([m, v, q]) => (window as unknown as ProbeWindow).__figuresBoardBenchProbe.click(m, v, q, 20_000), [option.menu, option.value, QUIET_MS] as const);
}

const key = (selected: readonly MenuOption[]) => selected.map((o) => `${o.menu}${o.value}`).sort().join('&');

/** A small deterministic generator, so every run walks the same states. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

/**
 * The next toggle to a filter state not seen before: add while fewer than two filters are set, remove at
 * three; among the choices, one at random (seeded).
 */
function nextUnseen(options: MenuOption[], seen: Set<string>, rand: () => number): MenuOption | null {
  const selected = options.filter((o) => o.selected);
  const toggled = (o: MenuOption) => (o.selected ? selected.filter((s) => s !== o) : [...selected, o]);
  const fresh = options.filter((o) => !seen.has(key(toggled(o))) && toggled(o).length > 0);
  const preferred = fresh.filter((o) => (selected.length < 2 ? !o.selected : selected.length >= 3 ? o.selected : true));
  const pool = preferred.length > 0 ? preferred : fresh;
  return pool[Math.floor(rand() * pool.length)] ?? null;
}

const both = (s: ClickSample[]) => ({ drawn: summarize(s.map((c) => c.drawnMs)), settled: summarize(s.map((c) => c.settledMs)) });

export async function measureInteraction(
  chromium: string, baseUrl: string, clicks: { uncached: number; cached: number }, options: { profile?: string } = {},
): Promise<InteractionResult> {
  const browser = await openBrowser(chromium, undefined, options);
  try {
    const { page } = browser;
    await page.goto(`${baseUrl}/?view=compare`);
    await page.waitForSelector('[data-chart]', { timeout: 60_000 });
    await page.evaluate(installProbe, MENUS);
    const rand = random(7);
    const seen = new Set<string>(['']);
    const uncached: ClickSample[] = [];
    while (uncached.length < clicks.uncached) {
      await waitIdle(page);
      const options = await page.evaluate(readOptions);
      seen.add(key(options.filter((o) => o.selected)));
      const option = nextUnseen(options, seen, rand);
      if (!option) throw new Error(`Ran out of unseen filter states after ${uncached.length} clicks`);
      uncached.push(await click(page, option));
    }
    // Toggle one filter on and off: both states are now in the query cache.
    await waitIdle(page);
    const toggle = (await page.evaluate(readOptions)).find((o) => !o.selected);
    if (!toggle) throw new Error('No filter left to toggle');
    const cached: ClickSample[] = [];
    await click(page, toggle);
    await click(page, toggle);
    while (cached.length < clicks.cached) cached.push(await click(page, toggle));
    return {
      uncached: both(uncached), cached: both(cached), all: both([...uncached, ...cached]),
      quietWindowMs: QUIET_MS, samples: { uncached, cached }, problems: [...browser.problems],
      appEventsMissed: [...uncached, ...cached].reduce((n, c) => n + Math.max(0, c.finishedEvents - c.appEvents), 0),
    };
  } finally {
    await browser.close();
  }
}
