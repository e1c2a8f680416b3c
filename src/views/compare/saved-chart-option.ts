import type { ReadOnlyResult } from '../../db';
import type { ExportTable } from '../../export/table';
import { t } from '../../i18n/zh';
import { formatNumber } from '../../lib/format';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';
import { isNumericColumn } from '../workbench/workbench-chart-option';

/** At most this many result rows are drawn per chart (the table shows them all). */
export const SAVED_CHART_MAX_ROWS = 100;

/** Text columns whose values name each row's unit (the figures' own columns): rows of different units are charted apart. */
const ROW_UNIT_COLUMNS = ['base_unit', 'unit'];

/** The unit a column name declares in trailing brackets: `合计(亿元)`, `total [CNY]`, `数量（个）`. */
export function columnUnit(name: string): string | null {
  const match = /[(（[]\s*([^()（）[\]]+?)\s*[)）\]]\s*$/.exec(name);
  return match?.[1] ?? null;
}

/** One chart of a saved query: category labels and one bar series per numeric column, all of one unit. */
export interface SavedChartPlan {
  id: string;
  title: string;
  /** The declared unit of its columns ('' when not declared). */
  unit: string;
  /** The row-unit value this chart is limited to (e.g. CNY), or null. */
  rowUnit: string | null;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Rows of this chart before the cap. */
  total: number;
}

export interface SavedChartLayout {
  category: string;
  /** The text column rows were split by (their unit), or null. */
  splitBy: string | null;
  charts: SavedChartPlan[];
}

/**
 * How a result is charted: the first text column gives the categories, numeric columns the bars. Columns
 * share one chart (one axis) only when all declare the same unit in their names; otherwise each numeric
 * column gets a chart of its own. When the result has a `base_unit`/`unit` column with several values, each
 * of them gets its own charts too, so 亿元 and 平方米 never stand on one axis. Null when there is nothing to chart.
 */
export function planSavedCharts(result: ReadOnlyResult, maxRows = SAVED_CHART_MAX_ROWS): SavedChartLayout | null {
  const numeric = result.columns.map((c) => c.name).filter((name) => isNumericColumn(result, name));
  const category = result.columns.find((c) => !numeric.includes(c.name))?.name;
  if (!category || numeric.length === 0) return null;
  const units = numeric.map(columnUnit);
  const shared = units.every((u) => u !== null && u === units[0]);
  const groups = shared || numeric.length === 1 ? [numeric] : numeric.map((n) => [n]);
  const splitColumn = result.columns.find((c) => c.name !== category && ROW_UNIT_COLUMNS.includes(c.name.toLowerCase()))?.name;
  const rowUnits = splitColumn ? [...new Set(result.rows.map((r) => String(r[splitColumn] ?? '')))] : [];
  const splitBy = splitColumn && rowUnits.length > 1 ? splitColumn : null;
  const slices = splitBy ? rowUnits.map((u) => ({ rowUnit: u as string | null, rows: result.rows.filter((r) => String(r[splitBy] ?? '') === u) }))
    : [{ rowUnit: null, rows: result.rows }];
  const charts = slices.flatMap(({ rowUnit, rows }) => groups.map((columns, g) => {
    const unit = columnUnit(columns[0] ?? '') ?? '';
    const shown = rows.slice(0, maxRows);
    return {
      id: `${g}${rowUnit === null ? '' : `-${rowUnit}`}`,
      title: [columns.join('、'), rowUnit].filter((p) => p !== null && p !== '').join(' · '),
      unit,
      rowUnit,
      categories: shown.map((r) => (r[category] === null ? 'NULL' : String(r[category]))),
      series: columns.map((name) => ({ name, values: shown.map((r) => (typeof r[name] === 'number' ? r[name] : null)) })),
      total: rows.length,
    };
  }));
  return { category, splitBy, charts };
}

/** Vertical bars of one planned chart; missing values are gaps, not zeros. */
export function buildSavedChartOption(plan: SavedChartPlan) {
  return {
    ...baseOption(plan.title),
    title: { text: plan.title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    legend: { show: plan.series.length > 1, top: 22, type: 'scroll' },
    grid: { left: 8, right: 24, top: plan.series.length > 1 ? 60 : 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; seriesName: string; value: number | null }) =>
        tooltipHtml([p.name, p.seriesName, p.value === null ? 'NULL' : formatNumber(p.value, 4)], false),
    },
    xAxis: {
      type: 'category', data: plan.categories,
      axisLabel: { interval: 0, rotate: plan.categories.length > 6 ? 30 : 0, formatter: (v: string) => shortLabel(v, 10) },
    },
    yAxis: { type: 'value', name: plan.unit, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: plan.series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((value) => ({ value })) })),
  };
}

/** The whole result as an export table (numbers stay numbers). */
export function resultTable(result: ReadOnlyResult): ExportTable {
  return {
    columns: result.columns.map((c) => ({ key: c.name, label: c.name, type: isNumericColumn(result, c.name) ? 'number' : 'text' })),
    rows: result.rows.map((r) => Object.fromEntries(result.columns.map((c) => {
      const v = r[c.name] ?? null;
      return [c.name, typeof v === 'boolean' ? String(v) : v];
    }))),
  };
}

/** A capped chart says so. */
export function cappedNote(plan: SavedChartPlan): string | null {
  return plan.total > plan.categories.length ? t.savedQueries.rowsCapped(plan.categories.length, plan.total) : null;
}
