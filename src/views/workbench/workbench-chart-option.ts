import type { ReadOnlyResult } from '../../db';
import { formatNumber } from '../../lib/format';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';

/** A column holds numbers: some in the first 200 rows, and nothing else but NULL. */
export function isNumericColumn(result: ReadOnlyResult, name: string): boolean {
  const sample = result.rows.slice(0, 200);
  return sample.some((r) => typeof r[name] === 'number') && sample.every((r) => r[name] === null || typeof r[name] === 'number');
}

/** The columns a quick chart uses: the first text column for labels and the first numeric one for values. */
export function pickChartColumns(result: ReadOnlyResult): { label: string; value: string } | null {
  const isNumeric = (name: string) => isNumericColumn(result, name);
  const value = result.columns.find((c) => isNumeric(c.name))?.name;
  const label = result.columns.find((c) => c.name !== value && !isNumeric(c.name))?.name;
  return value && label ? { label, value } : null;
}

/** Bars of a result's first numeric column by its first text column (the first 50 rows, in result order). */
export function buildWorkbenchChartOption(result: ReadOnlyResult, columns: { label: string; value: string }) {
  const rows = result.rows.slice(0, 50);
  const names = rows.map((r) => String(r[columns.label] ?? ''));
  return {
    ...baseOption(columns.value),
    title: { text: `${columns.value} / ${columns.label}`, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; value: number }) => tooltipHtml([p.name, formatNumber(p.value, 4)], false),
    },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, formatter: (v: string) => shortLabel(v, 10) } },
    yAxis: { type: 'value', name: columns.value, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [{ type: 'bar', name: columns.value, data: rows.map((r) => ({ value: Number(r[columns.value] ?? 0) })) }],
  };
}
