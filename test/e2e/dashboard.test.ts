import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSeries, engineReady, facetList, isLocal, openBrowser, type BrowserSession } from './browser';
import { PATCH_MARKER } from '../../scripts/duckdb-link-patch';

let s: BrowserSession;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

describe('the dashboard in Chromium', () => {
  it('loads the overview with the headline figures, no console errors and no request to another host', async () => {
    await s.page.goto(`${s.baseUrl}/`);
    const investment = s.page.locator('[data-theme="investment"]');
    await expect.poll(() => investment.locator('.kpi-value').allTextContents()).toContain('1975亿元');
    const infrastructure = s.page.locator('[data-theme="infrastructure"]');
    await expect.poll(() => infrastructure.locator('.kpi-value').allTextContents()).toContain('5137个');
    await engineReady(s.page);
    expect(s.requests.length).toBeGreaterThan(3);
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it("runs DuckDB's worker script as patched by the build (start-up linking made lazy)", async () => {
    await s.page.goto(`${s.baseUrl}/`);
    await engineReady(s.page);
    const workers = [...new Set(s.requests.filter((u) => /duckdb-browser-(eh|mvp)\.worker[^/]*\.js$/.test(u)))];
    expect(workers).toHaveLength(1);
    const script = await s.page.evaluate(async (url) => (await fetch(url)).text(), workers[0] ?? '');
    expect(script.startsWith(PATCH_MARKER)).toBe(true);
    expect(script).toContain('lazyGOT');
  });

  it('is served with a Content-Security-Policy header', async () => {
    const response = await s.page.goto(`${s.baseUrl}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
  });

  it('changes a chart’s data when a filter is applied', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    const chart = s.page.locator('[data-chart="compare-bars-CNY"]');
    await chart.waitFor();
    const before = await chartSeries(s.page, 'compare-bars-CNY');
    await s.page.getByLabel('按类别筛选').selectOption('=investment');
    await expect.poll(async () => (await chartSeries(s.page, 'compare-bars-CNY')).names).not.toEqual(before.names);
    expect(new URL(s.page.url()).searchParams.getAll('category')).toEqual(['investment']);
    await expect.poll(() => s.page.locator('.chip').allTextContents()).toEqual(['类别：招商引资与投资×']);
  });

  it("measures chart labels in the theme's family, never in a bare sans-serif (font fallback for every character)", async () => {
    // A page of its own: the measuring probe must not stay in the page the other tests use.
    const page = await s.context.newPage();
    try {
      await page.addInitScript(() => {
        const fonts = new Set<string>();
        (window as unknown as { __measuredFonts: Set<string> }).__measuredFonts = fonts;
        const measure = CanvasRenderingContext2D.prototype.measureText;
        CanvasRenderingContext2D.prototype.measureText = function (this: CanvasRenderingContext2D, text: string) {
          fonts.add(this.font);
          return measure.call(this, text);
        };
      });
      await page.goto(`${s.baseUrl}/?view=compare`);
      await page.locator('[data-chart="compare-bars-CNY"]').waitFor();
      const before = await chartSeries(page, 'compare-bars-CNY');
      await page.getByLabel('按类别筛选').selectOption('=investment');
      await expect.poll(async () => (await chartSeries(page, 'compare-bars-CNY')).names).not.toEqual(before.names);
      const fonts = await page.evaluate(() => [...(window as unknown as { __measuredFonts: Set<string> }).__measuredFonts]);
      expect(fonts.length).toBeGreaterThan(0);
      // The canvas normalises a font list's quotes; what matters is that the CJK family comes first.
      expect(fonts.filter((font) => !/Noto Sans CJK SC/.test(font))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('draws a chart below the fold only once it nears the viewport, with the data of the latest filter', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    await s.page.locator('[data-chart="compare-bars-CNY"]').waitFor();
    const drawn = (id: string) => s.page.evaluate((chartId) => {
      const el = document.querySelector(`[data-chart="${chartId}"]`);
      const hook = (window as unknown as { __figuresBoardChart: (el: Element) => unknown }).__figuresBoardChart;
      return Boolean(el && hook(el));
    }, id);
    await expect.poll(() => drawn('compare-bars-CNY')).toBe(true);
    // 1 000 px viewport: the percent chart sits well below it.
    expect(await drawn('compare-bars-percent')).toBe(false);
    await s.page.getByLabel('按主体筛选').selectOption('=滨海新区');
    await expect.poll(() => s.page.locator('.chip').count()).toBe(1);
    const filteredUrl = s.page.url();
    const afterScroll = await chartSeries(s.page, 'compare-bars-percent');
    // What it shows once scrolled to is the filtered answer, the same as a page opened on that filter…
    await s.page.goto(filteredUrl);
    expect(await chartSeries(s.page, 'compare-bars-percent')).toEqual(afterScroll);
    // …and not what it would have shown before the filter.
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    const unfiltered = await chartSeries(s.page, 'compare-bars-percent');
    expect(unfiltered.names).not.toEqual(afterScroll.names);
    // Drawn, then far away while a filter changes it: back in view, it shows the filtered answer.
    await s.page.evaluate(() => window.scrollTo(0, 0));
    await s.page.getByLabel('按主体筛选').selectOption('=滨海新区');
    await expect.poll(() => s.page.locator('.chip').count()).toBe(1);
    expect(await chartSeries(s.page, 'compare-bars-percent')).toEqual(afterScroll);
  });

  it('draws every chart, however far down, when the page is printed', async () => {
    await s.page.goto(`${s.baseUrl}/`);
    await s.page.locator('[data-chart="overview-investment-CNY"]').waitFor();
    const drawnCount = () => s.page.evaluate(() => {
      const hook = (window as unknown as { __figuresBoardChart: (el: Element) => unknown }).__figuresBoardChart;
      const charts = [...document.querySelectorAll('[data-chart]')];
      return { all: charts.length, drawn: charts.filter((el) => hook(el)).length };
    });
    await expect.poll(async () => (await drawnCount()).drawn).toBeGreaterThan(0);
    const before = await drawnCount();
    expect(before.drawn).toBeLessThan(before.all);
    // The print layout is taken right after beforeprint: every chart must be drawn by the time it returns.
    const during = await s.page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      type Chart = { getOption(): { series?: unknown[] } };
      const hook = (window as unknown as { __figuresBoardChart: (el: Element) => Chart | undefined }).__figuresBoardChart;
      const charts = [...document.querySelectorAll('[data-chart]')];
      const drawn = charts.filter((el) => (hook(el)?.getOption().series?.length ?? 0) > 0).length;
      window.dispatchEvent(new Event('afterprint'));
      return { all: charts.length, drawn };
    });
    expect(during).toEqual({ all: before.all, drawn: before.all });
  });

  it("sends a filter click's queries to the engine before the page renders the click, the figures first", async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    await s.page.locator('[data-chart="compare-bars-CNY"]').waitFor();
    await engineReady(s.page);
    await expect.poll(() => s.page.getByLabel('按类别筛选').isEnabled()).toBe(true);
    // Record each query sent to the engine's worker with what the page showed at that moment.
    type Post = { chips: number; sql: string };
    await s.page.evaluate(() => {
      const posts: Post[] = [];
      (window as unknown as { __posts: Post[] }).__posts = posts;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
        const m = message as { type?: string; data?: unknown[] } | null;
        if (m?.type === 'RUN_QUERY') posts.push({ chips: document.querySelectorAll('.chip').length, sql: String(m.data?.[1] ?? '') });
        return post.call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    await s.page.getByLabel('按类别筛选').selectOption('=talent');
    await expect.poll(() => s.page.locator('.chip').count()).toBe(1);
    const posts = await s.page.evaluate(() => (window as unknown as { __posts: Post[] }).__posts);
    const figures = posts.findIndex((p) => p.sql.includes('overall_rank') && p.sql.includes("'talent'"));
    const counts = posts.findIndex((p) => p.sql.includes('AS dimension,') && p.sql.includes("'talent'"));
    expect(figures).toBeGreaterThanOrEqual(0);
    expect(counts).toBeGreaterThan(figures);
    // Both left while the page still showed the state before the click (no chip yet).
    expect([posts[figures]?.chips, posts[counts]?.chips]).toEqual([0, 0]);
  });

  it('skips laying out the off-screen pick list while browsing, but prints it whole', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    const list = s.page.locator('.pick-list');
    await list.waitFor({ state: 'attached' });
    const visibility = () => list.evaluate((el) => getComputedStyle(el).getPropertyValue('content-visibility'));
    expect(await visibility()).toBe('auto');
    await s.page.emulateMedia({ media: 'print' });
    try {
      expect(await visibility()).toBe('visible');
    } finally {
      await s.page.emulateMedia({ media: 'screen' });
    }
  });

  it('leaves a chart whose content a filter does not change as it is, and redraws the ones it changes', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    await s.page.locator('[data-chart="compare-bars-USD"]').waitFor();
    await expect.poll(() => s.page.getByLabel('按类别筛选').isEnabled()).toBe(true);
    const usd = await chartSeries(s.page, 'compare-bars-USD');
    const cny = await chartSeries(s.page, 'compare-bars-CNY');
    // Count setOption calls per chart from here on.
    await s.page.evaluate(() => {
      const hook = (window as unknown as { __figuresBoardChart: (el: Element) => { setOption: (...a: unknown[]) => unknown } }).__figuresBoardChart;
      const counts: Record<string, number> = {};
      (window as unknown as { __drawCounts: Record<string, number> }).__drawCounts = counts;
      for (const id of ['compare-bars-CNY', 'compare-bars-USD']) {
        const chart = hook(document.querySelector(`[data-chart="${id}"]`) as Element);
        const original = chart.setOption.bind(chart);
        counts[id] = 0;
        chart.setOption = (...args: unknown[]) => {
          counts[id] = (counts[id] ?? 0) + 1;
          return original(...args);
        };
      }
    });
    // Investment figures only: both USD figures are investment figures (the same bars), the CNY bars change.
    await s.page.getByLabel('按类别筛选').selectOption('=investment');
    await expect.poll(async () => (await chartSeries(s.page, 'compare-bars-CNY')).names).not.toEqual(cny.names);
    const counts = await s.page.evaluate(() => (window as unknown as { __drawCounts: Record<string, number> }).__drawCounts);
    expect(counts['compare-bars-CNY']).toBeGreaterThan(0);
    // Not left waiting either (a chart far off screen would be): it was up to date with the new answer.
    expect(await s.page.locator('[data-chart="compare-bars-USD"]').getAttribute('data-pending')).toBeNull();
    expect(counts['compare-bars-USD']).toBe(0);
    expect(await chartSeries(s.page, 'compare-bars-USD')).toEqual(usd);
  });

  it('keeps the chart of a unit a filter takes away, hidden, and shows it again updated rather than rebuilt', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    const usd = s.page.locator('[data-chart="compare-bars-USD"]');
    await usd.waitFor();
    const before = await chartSeries(s.page, 'compare-bars-USD');
    const instanceId = await usd.getAttribute('_echarts_instance_');
    expect(instanceId).toBeTruthy();
    await s.page.getByLabel('按单位筛选').selectOption('=CNY');
    await expect.poll(() => usd.isVisible()).toBe(false);
    await s.page.getByRole('button', { name: /移除.*人民币/ }).click();
    await expect.poll(() => usd.isVisible()).toBe(true);
    expect(await usd.getAttribute('_echarts_instance_')).toBe(instanceId);
    expect(await chartSeries(s.page, 'compare-bars-USD')).toEqual(before);
  });

  it('cross-filters: a category bar is a toggle button that filters the other charts and lists', async () => {
    await s.page.goto(`${s.baseUrl}/?view=compare`);
    const categories = s.page.locator('[data-facet="category"] button');
    await categories.first().waitFor();
    const subjectsBefore = await facetList(s.page, 'subject');
    expect(subjectsBefore.length).toBeGreaterThan(1);
    const largest = (await facetList(s.page, 'category'))[0];
    expect(largest).toBeDefined();
    // By keyboard: focus the largest category's bar and press Enter.
    await categories.first().focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => new URL(s.page.url()).searchParams.getAll('category')).toEqual([largest?.value]);
    await expect.poll(() => categories.first().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await facetList(s.page, 'subject')).map((b) => b.count)).not.toEqual(subjectsBefore.map((b) => b.count));
    const subjects = await facetList(s.page, 'subject');
    expect(subjects.reduce((sum, b) => sum + b.count, 0)).toBe(largest?.count);
    // The other categories stay listed (counted under the other filters), muted; pressing again clears.
    expect((await facetList(s.page, 'category')).filter((b) => b.muted).length).toBeGreaterThan(0);
    await categories.first().click();
    await expect.poll(() => new URL(s.page.url()).searchParams.getAll('category')).toEqual([]);
  });

  it('lists a total’s stated parts in its provenance, each one click away', async () => {
    await s.page.goto(`${s.baseUrl}/?view=explorer&fig=binhai-2022-08-04:0228`);
    const parts = s.page.getByTestId('provenance').locator('.part-list button');
    await expect.poll(() => parts.allTextContents()).toEqual(['经开区 173名', '保税区 20名', '高新区 556名', '东疆保税港区 147名', '生态城 15名']);
    await parts.nth(2).click();
    await expect.poll(() => s.page.getByTestId('provenance-quote').textContent()).toContain('556');
  });

  it('finds 5G基站 in the explorer and shows its verbatim quote in the provenance panel', async () => {
    await s.page.goto(`${s.baseUrl}/?view=explorer`);
    await s.page.getByLabel('搜索').fill('5G基站');
    const rows = s.page.locator('.ft-row');
    // The table keeps its previous rows while the search runs (marked aria-busy): wait for the answer.
    await expect.poll(() => s.page.locator('.figure-table[aria-busy="false"]').count()).toBe(1);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const firstQuote = await rows.first().locator('.cell-quote').textContent();
    expect(firstQuote).toContain('5G基站');
    await rows.first().click();
    const quote = s.page.getByTestId('provenance-quote');
    await expect.poll(() => quote.textContent()).toBe(firstQuote);
    const mark = await s.page.getByTestId('provenance-paragraph').locator('mark').textContent();
    expect(firstQuote).toContain(mark ?? '∅');
  });

  it('restores the same view from a copied URL, and walks back with the history', async () => {
    await s.page.goto(`${s.baseUrl}/?view=explorer&q=5G`);
    await s.page.locator('.ft-row').first().click();
    const url = s.page.url();
    expect(new URL(url).searchParams.get('fig')).toMatch(/:\d{4}$/);
    const other = await openBrowser();
    try {
      await other.page.goto(url);
      await expect.poll(() => other.page.getByLabel('搜索').inputValue()).toBe('5G');
      await expect.poll(() => other.page.getByTestId('provenance-quote').textContent())
        .toBe(await s.page.getByTestId('provenance-quote').textContent());
    } finally {
      await other.close();
    }
    await s.page.goBack();
    await expect.poll(() => s.page.getByTestId('provenance').count()).toBe(0);
  });
});
