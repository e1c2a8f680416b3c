import type { GroupRow } from '../../queries';
import { chooseScale, formatNumber, scaled, unitLabel } from '../../lib/format';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';

export interface GroupedBarsSettings {
  title: string;
  baseUnit: string;
  byDimension: string;
  seriesDimension: string | null;
}

/**
 * Grouped bars of sums per group (x) and series (one colour each), for one base unit. Sums come from DuckDB;
 * the chart only scales and labels them.
 */
export function buildGroupedBarsOption(rows: readonly GroupRow[], settings: GroupedBarsSettings) {
  const own = rows.filter((r) => r.base_unit === settings.baseUnit);
  const totals = new Map<string, number>();
  for (const r of own) totals.set(r.key, (totals.get(r.key) ?? 0) + r.total);
  const keys = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  const seriesNames = [...new Set(own.map((r) => r.series))].sort();
  const scale = chooseScale(own.map((r) => r.total), settings.baseUnit);
  const unit = unitLabel(settings.baseUnit, scale);
  const cell = new Map(own.map((r) => [`${r.key}\u0000${r.series}`, r]));
  const seriesLabel = (s: string) => (settings.seriesDimension ? dimensionValueLabel(settings.seriesDimension, s) : unit);
  return {
    ...baseOption(settings.title),
    title: { text: settings.title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
    legend: { show: seriesNames.length > 1, top: 24, type: 'scroll' },
    grid: { left: 8, right: 24, top: seriesNames.length > 1 ? 64 : 44, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; seriesName: string; value: number; data: { count: number } }) =>
        tooltipHtml(
          [
            dimensionValueLabel(settings.byDimension, p.name),
            settings.seriesDimension ? p.seriesName : '',
            `${formatNumber(p.value, 4)}${unit}`,
            t.common.figures(p.data.count),
          ].filter(Boolean),
          false,
        ),
    },
    xAxis: {
      type: 'category',
      data: keys,
      axisLabel: {
        interval: 0,
        rotate: keys.length > 6 ? 30 : 0,
        formatter: (v: string) => shortLabel(dimensionValueLabel(settings.byDimension, v), 10),
      },
    },
    yAxis: { type: 'value', name: unit, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: seriesNames.map((s) => ({
      type: 'bar',
      name: seriesLabel(s),
      cursor: 'pointer',
      data: keys.map((k) => {
        const r = cell.get(`${k}\u0000${s}`);
        return { value: r ? scaled(r.total, scale) : 0, count: r?.count ?? 0 };
      }),
    })),
  };
}
