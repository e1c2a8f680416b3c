import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords, parseFiguresCsv } from '../../src/data/parse-csv';
import { DOCUMENT_COLUMN_TYPES, FIGURE_COLUMNS, loadTables } from '../../src/db';
import type { Slide } from '../../src/export/deck-codec';
import type { FigureRecord } from '../../src/data/figure-record';
import { t } from '../../src/i18n/zh';
import { fetchDocumentText, fetchFigures, fetchGroups, type DocumentRow } from '../../src/queries';
import { parseState } from '../../src/app/url-state';
import { compareBarsCharts } from '../../src/views/compare/compare-charts';
import { treemapComposition } from '../../src/views/compare/treemap-option';
import { findPairs } from '../../src/views/compare/pairs';
import { buildOverview } from '../../src/views/overview/build-overview';
import {
  canRenderSlide, describeSlideFilters, renderSlide, SlideGoneError, type RenderedSlide, type SlideSources,
} from '../../src/views/deck/slide-renderers';
import { documentTitles } from '../../src/views/shared/value-label';
import { createTestEngine } from '../util/test-db';
import { optionSnapshot } from '../util/sample-records';

// The shipped dataset, so every chart the views draw from it exists here too.
const DATA = join(import.meta.dirname, '../../data');
const figuresCsv = readFileSync(join(DATA, 'figures.csv'), 'utf8');
const documentsCsv = readFileSync(join(DATA, 'documents.csv'), 'utf8');
// The expected figures, parsed straight from the shipped files.
const embedded: { figures: FigureRecord[]; documents: DocumentRow[] } = {
  figures: parseFiguresCsv(figuresCsv, FIGURE_COLUMNS),
  documents: parseCsvRecords(documentsCsv, Object.keys(DOCUMENT_COLUMN_TYPES)) as unknown as DocumentRow[],
};
let sources: SlideSources;

const slide = (chartId: string, query = ''): Slide => ({ id: 's1', chartId, title: '标题', query });
const drawnIds = (rendered: RenderedSlide) =>
  ((rendered.option as { series: { data: { figureId?: string }[] }[] }).series[0]?.data ?? []).map((d) => d.figureId);
const ids = (figures: readonly { id: string }[]) => figures.map((f) => f.id);

beforeAll(async () => {
  const engine = await createTestEngine();
  const text = readFileSync(join(DATA, 'source/binhai-2022-08-04.txt'), 'utf8');
  await loadTables(engine, { figuresCsv, documentsCsv, textsCsv: Papa.unparse([{ doc_id: 'binhai-2022-08-04', text }]) });
  sources = {
    runner: engine.runner,
    sourceText: (docId) => fetchDocumentText(engine.runner, docId),
  };
});

describe('slide renderers', () => {
  it('redraws every overview chart (overview-<theme>-<unit>) with the figures of its panel', async () => {
    const charts = buildOverview(embedded.figures).flatMap((panel) =>
      panel.charts.map((chart) => ({ id: `overview-${panel.theme.key}-${chart.baseUnit}`, figures: chart.figures })));
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      expect(canRenderSlide(chart.id)).toBe(true);
      const rendered = await renderSlide(slide(chart.id), sources);
      expect(ids(rendered.spec.figures ?? [])).toEqual(ids(chart.figures));
      expect(drawnIds(rendered).sort()).toEqual(ids(chart.figures).sort());
    }
  });

  it('rebuilds a compare-bars slide from its saved state with the same builder output as the compare view', async () => {
    const query = '?view=compare&category=investment&category=talent';
    const state = parseState(query);
    // What CompareView's bars mode draws for this state: the filtered figures, largest first, through the same
    // chart builder; the slide must fetch, order and pick the figures the same way to match it.
    const rows = await fetchFigures(sources.runner, { filters: state.filters, sort: { column: 'value_base', desc: true } });
    const charts = compareBarsCharts(rows);
    expect(charts.length).toBeGreaterThan(1);
    for (const chart of charts) {
      const rendered = await renderSlide(slide(`compare-bars-${chart.baseUnit}`, query), sources);
      expect(optionSnapshot(rendered.option)).toBe(optionSnapshot(chart.option));
      expect(rendered.spec).toMatchObject({ title: chart.title, unit: chart.unit });
      expect(ids(rendered.spec.figures ?? [])).toEqual(ids(chart.figures));
      expect(rendered.height).toBe(chart.height);
    }
  });

  it('keeps a compare slide to the figures picked when it was pinned', async () => {
    const rows = await fetchFigures(sources.runner, {
      filters: parseState('?category=investment').filters, sort: { column: 'value_base', desc: true },
    });
    const picked = rows.filter((r) => r.base_unit === 'CNY').slice(1, 3);
    expect(picked).toHaveLength(2);
    const query = `?view=compare&category=investment&${picked.map((p) => `pick=${encodeURIComponent(p.id)}`).join('&')}`;
    const rendered = await renderSlide(slide('compare-bars-CNY', query), sources);
    expect(drawnIds(rendered).sort()).toEqual(ids(picked).sort());
    expect(describeSlideFilters(query, new Map())).toBe('筛选：类别=招商引资与投资；勾选 2 个数字');
  });

  it('names a report the slide was filtered to by its title in its filter line', () => {
    const titles = documentTitles(embedded.documents);
    expect(describeSlideFilters('?view=compare&doc_id=binhai-2022-08-04', titles))
      .toBe('筛选：报告=滨海新区关于十一届市委第九轮巡视整改进展情况的通报');
  });

  it('redraws grouped bars, the treemap and before/after pairs from their saved state', async () => {
    const groupsQuery = '?view=compare&mode=groups&by=subject';
    const groupRows = await fetchGroups(sources.runner, {
      filters: parseState(groupsQuery).filters, by: 'subject', series: 'category', baseUnits: [],
    });
    const groupUnit = groupRows[0]!.base_unit;
    const grouped = await renderSlide(slide(`compare-groups-${groupUnit}`, groupsQuery), sources);
    expect(grouped.spec.title).toBe(`按${t.dimensions.subject}汇总：${t.baseUnits[groupUnit] ?? groupUnit}`);

    const treemap = await renderSlide(slide('compare-treemap', '?view=compare&mode=treemap'), sources);
    // The slide draws what the view draws: the one composition of CNY amounts that may be added.
    const composition = treemapComposition(embedded.figures);
    expect(composition?.figures.length).toBeGreaterThan(1);
    expect(ids(treemap.spec.figures ?? []).sort()).toEqual(ids(composition?.figures ?? []).sort());

    const pairs = embedded.documents.flatMap((doc) =>
      findPairs(embedded.figures.filter((f) => f.doc_id === doc.doc_id), readFileSync(join(DATA, doc.file), 'utf8')));
    const pairUnit = pairs[0]?.before.base_unit;
    expect(pairUnit).toBeDefined();
    const rendered = await renderSlide(slide(`compare-pairs-${pairUnit}`, '?view=compare&mode=pairs'), sources);
    const own = pairs.filter((p) => p.before.base_unit === pairUnit);
    expect(ids(rendered.spec.figures ?? [])).toEqual(own.flatMap((p) => [p.before.id, p.after.id]));
  });

  it('says readably when a chart id has no renderer or its data is gone under the saved filters', async () => {
    for (const id of ['facet-category', 'deck-slide-1', 'compare-bars', 'overview']) {
      expect(canRenderSlide(id)).toBe(false);
      await expect(renderSlide(slide(id), sources)).rejects.toThrow(`无法重现图表“${id}”：该图表类型不能放入演示。`);
    }
    const gone = renderSlide(slide('compare-treemap', '?view=compare&base_unit=percent'), sources);
    await expect(gone).rejects.toBeInstanceOf(SlideGoneError);
    await expect(gone).rejects.toThrow(`${t.deck.chartGone}（compare-treemap）`);
    await expect(renderSlide(slide('overview-investment-nounit'), sources)).rejects.toBeInstanceOf(SlideGoneError);
    await expect(renderSlide(slide('compare-bars-CNY', '?category=talent&base_unit=person'), sources)).rejects
      .toBeInstanceOf(SlideGoneError);
  });
});
