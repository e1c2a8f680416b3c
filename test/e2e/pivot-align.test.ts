import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, openBrowser, type BrowserSession } from './browser';

/**
 * The pivot table's header and body are one grid: every header cell stays over its column at every viewport
 * width and horizontal scroll position, and the sticky row labels hide the numbers scrolled under them.
 */
let s: BrowserSession;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

const WIDTHS = [1024, 1440, 1920];
const SCROLLS = ['start', 'middle', 'end'] as const;
type Scroll = (typeof SCROLLS)[number];

/** Opens the pivot `spec` and waits for its grand total row; returns the number of value columns. */
async function openPivot(page: Page, spec: string): Promise<number> {
  await page.goto(`${s.baseUrl}/?view=pivot&pivot=${encodeURIComponent(spec)}`);
  await page.locator('.pivot-table .pt-row').first().waitFor({ timeout: 30_000 });
  return page.locator('.pivot-table .pt-head [role=columnheader]:not(.pt-corner)').count();
}

/** Two animation frames: layout, scroll and any re-render they cause have happened. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

async function scrollTable(page: Page, to: Scroll, vertical: 'top' | 'bottom' = 'top'): Promise<void> {
  await page.locator('.pivot-table .pt-scroll').evaluate((el, [where, v]) => {
    const max = el.scrollWidth - el.clientWidth;
    el.scrollLeft = where === 'start' ? 0 : where === 'middle' ? Math.round(max / 2) : max;
    el.scrollTop = v === 'top' ? 0 : el.scrollHeight;
  }, [to, vertical] as const);
  await settle(page);
}

/**
 * Every header cell's left and right edges against the cells of its column in the first `n` rows visible
 * below the header; one line per header more than 1 px off.
 */
function misalignments(page: Page, n = 4): Promise<string[]> {
  return page.locator('.pivot-table').evaluate((table, count) => {
    const scroller = table.querySelector('.pt-scroll');
    const head = table.querySelector('.pt-head');
    if (!scroller || !head) return ['no .pt-scroll or .pt-head'];
    const headers = [...head.querySelectorAll('[role=columnheader]')];
    const bottom = scroller.getBoundingClientRect().top + scroller.clientHeight;
    const headBottom = head.getBoundingClientRect().bottom;
    const rows = [...table.querySelectorAll('.pt-row')]
      .map((r) => ({ r, b: r.getBoundingClientRect() }))
      .filter(({ b }) => b.top >= headBottom - 1 && b.bottom <= bottom + 1)
      .sort((x, y) => x.b.top - y.b.top)
      .slice(0, count);
    if (rows.length === 0) return ['no row visible below the header'];
    const off: string[] = [];
    for (const { r } of rows) {
      const cells = [...r.children];
      if (cells.length !== headers.length) off.push(`row ${r.getAttribute('data-row-key')}: ${cells.length} cells, ${headers.length} headers`);
      headers.forEach((h, i) => {
        const cell = cells[i];
        if (!cell) return;
        const [hb, cb] = [h.getBoundingClientRect(), cell.getBoundingClientRect()];
        if (Math.abs(hb.left - cb.left) > 1 || Math.abs(hb.right - cb.right) > 1) {
          off.push(`column ${i} "${(h.textContent ?? '').trim()}": header ${hb.left.toFixed(0)}–${hb.right.toFixed(0)}, `
            + `row "${r.getAttribute('data-row-key')}" ${cb.left.toFixed(0)}–${cb.right.toFixed(0)}`);
        }
      });
    }
    return off;
  }, n);
}

/** Checks alignment at each viewport width and horizontal scroll position; returns the first misalignments. */
async function alignmentReport(page: Page): Promise<string[]> {
  const report: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page);
    for (const at of SCROLLS) {
      await scrollTable(page, at);
      const off = await misalignments(page);
      if (off.length > 0) report.push(`${width}px, scrolled to ${at}: ${off.length} off, e.g. ${off.slice(0, 2).join('; ')}`);
    }
  }
  return report;
}

/**
 * The sticky labels in view (the corner and each visible row's label): their computed backgrounds, and
 * whether the label is what is hit at its own centre (nothing scrolled under it paints over it).
 */
function stickyLabels(page: Page): Promise<{ what: string; background: string; onTop: boolean }[]> {
  return page.locator('.pivot-table').evaluate((table) => {
    const scroller = table.querySelector('.pt-scroll');
    const corner = table.querySelector('.pt-corner');
    if (!scroller || !corner) return [];
    // Row labels wholly inside the scroll box, below the sticky header and above the horizontal scrollbar.
    const [top, bottom] = [corner.getBoundingClientRect().bottom, scroller.getBoundingClientRect().top + scroller.clientHeight];
    const labels = [corner, ...[...table.querySelectorAll('.pt-row [role=rowheader]')].filter((el) => {
      const b = el.getBoundingClientRect();
      return b.top >= top - 1 && b.bottom <= bottom + 1;
    })];
    return labels.map((el) => {
      const b = el.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      const row = el.closest('.pt-row');
      return {
        what: row ? `${row.className} "${row.getAttribute('data-row-key')}"` : 'corner',
        background: getComputedStyle(el).backgroundColor,
        onTop: hit !== null && el.contains(hit),
      };
    });
  });
}

/** True for a colour with no transparency (`rgb(…)`, or `rgba(…)` with alpha 1). */
const opaque = (color: string) => /^rgb\(/.test(color) || /^rgba\(.*,\s*1\)$/.test(color);

describe('the wide pivot table in Chromium', () => {
  it('keeps every header over its column: category × subject, count', async () => {
    const columns = await openPivot(s.page, 'r=category;c=subject;m=count');
    expect(columns).toBeGreaterThanOrEqual(10);
    expect(await alignmentReport(s.page)).toEqual([]);
  });

  it('keeps every header over its column: category × subject, sum split by unit (30+ columns)', async () => {
    const columns = await openPivot(s.page, 'r=category;c=subject;m=sum');
    expect(columns, 'the sum pivot should split into 30+ unit columns').toBeGreaterThanOrEqual(30);
    expect(await alignmentReport(s.page)).toEqual([]);
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('prints the table unclipped, its columns still under their headers', async () => {
    await openPivot(s.page, 'r=category;c=subject;m=sum');
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await s.page.emulateMedia({ media: 'print' });
    try {
      await settle(s.page);
      const box = await s.page.locator('.pivot-table .pt-scroll').evaluate((el) => {
        const style = getComputedStyle(el);
        return { overflow: style.overflow, maxHeight: style.maxHeight, clipped: el.scrollHeight > el.clientHeight };
      });
      expect(box).toEqual({ overflow: 'visible', maxHeight: 'none', clipped: false });
      expect(await misalignments(s.page)).toEqual([]);
    } finally {
      await s.page.emulateMedia({ media: null });
    }
  });

  it('paints the sticky row labels opaque and above the cells scrolled under them', async () => {
    // Groups, leaves and the grand total each have their own row colour; heat colours fill the leaf cells.
    await openPivot(s.page, 'r=category,kind;c=subject;m=sum;h=1');
    await s.page.setViewportSize({ width: 1440, height: 900 });
    for (const vertical of ['top', 'bottom'] as const) {
      await scrollTable(s.page, 'middle', vertical);
      const labels = await stickyLabels(s.page);
      const kinds = new Set(labels.map((l) => l.what.replace(/ ".*/, '')));
      expect(kinds.size, `label kinds seen: ${[...kinds].join(', ')}`).toBeGreaterThanOrEqual(vertical === 'top' ? 3 : 2);
      expect(labels.filter((l) => !opaque(l.background) || !l.onTop)).toEqual([]);
    }
  });
});
