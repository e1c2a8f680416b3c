import type { FigureRecord } from '../data/figure-record';
import { t } from '../i18n/zh';
import { valueLabel, type DocumentTitles } from '../views/shared/value-label';
import { chooseScale, scaled, unitLabel } from '../lib/format';
import type { Dimension, GroupRow } from '../queries';
import type { ChartExportSpec } from './ChartExportMenu';
import type { ExportTable } from './table';

const sums = (rows: readonly GroupRow[]): number[] => rows.flatMap((r) => (r.total === null ? [] : [r.total]));

/**
 * The rows behind a grouped-bars chart of one base unit: each group's exact sum from DuckDB, the value drawn
 * (in the chart's 万/亿 scale) and the documents the group's figures come from.
 */
export function groupsTable(
  rows: readonly GroupRow[], baseUnit: string, by: Dimension, figures: readonly FigureRecord[], seriesBy: Dimension | null = null,
  titles: DocumentTitles = new Map(),
): ExportTable {
  const own = rows.filter((r) => r.base_unit === baseUnit);
  const scale = chooseScale(sums(own), baseUnit);
  const docsOf = (key: string) =>
    [...new Set(figures.filter((f) => f.base_unit === baseUnit && String(f[by] ?? '') === key).map((f) => f.doc_id))].join(';');
  const c = t.exporter.columns;
  return {
    columns: [
      { key: 'key', label: c.group, type: 'text' },
      { key: 'series', label: c.series, type: 'text' },
      { key: 'count', label: t.pivot.exportColumns.count, type: 'number' },
      { key: 'total', label: c.total, type: 'number' },
      { key: 'qualifier', label: c.qualifier, type: 'text' },
      { key: 'base_unit', label: t.pivot.exportColumns.baseUnit, type: 'text' },
      { key: 'shown', label: t.pivot.exportColumns.shown, type: 'number' },
      { key: 'shown_unit', label: t.pivot.exportColumns.shownUnit, type: 'text' },
      { key: 'doc_ids', label: c.docId, type: 'text' },
      { key: 'refused', label: c.refused, type: 'text' },
    ],
    rows: own.map((r) => ({
      key: valueLabel(by, r.key, titles), series: seriesBy ? valueLabel(seriesBy, r.series, titles) : r.series, count: r.count, total: r.total, qualifier: r.qualifier, base_unit: r.base_unit,
      shown: r.total === null ? null : scaled(r.total, scale), shown_unit: unitLabel(baseUnit, scale), doc_ids: docsOf(r.key),
      refused: r.refused ? (t.refusals[r.refused] ?? r.refused) : '',
    })),
  };
}

/** The export spec of a grouped-bars chart: its sums as rows, period and source from the figures summed. */
export function groupsExportSpec(
  title: string, baseUnit: string, rows: readonly GroupRow[], figures: readonly FigureRecord[], by: Dimension,
  seriesBy: Dimension | null = null, titles: DocumentTitles = new Map(),
): ChartExportSpec {
  const own = rows.filter((r) => r.base_unit === baseUnit);
  return {
    title,
    unit: unitLabel(baseUnit, chooseScale(sums(own), baseUnit)),
    figures: figures.filter((f) => f.base_unit === baseUnit),
    table: groupsTable(rows, baseUnit, by, figures, seriesBy, titles),
  };
}
