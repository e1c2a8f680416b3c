import type { GroupRow } from '../../queries';
import { chooseScale, formatNumber, formatScaled, scaled, unitLabel } from '../../lib/format';
import { t } from '../../i18n/zh';
import { valueLabel, type DocumentTitles } from '../shared/value-label';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';

export interface GroupedBarsSettings {
  title: string;
  baseUnit: string;
  byDimension: string;
  /** Report titles, so a group or series of a report is named by its title. */
  titles?: DocumentTitles;
  seriesDimension: string | null;
}

/**
 * Grouped bars of sums per group (x) and series (one colour each), for one base unit. Sums come from DuckDB,
 * honest ones only: a group whose figures must not be added draws no bar, and its tooltip says why;
 * the chart only scales and labels them: the axis in one 万/亿 scale, each tooltip in the sum's own scale
 * (56.2万元 beside bars of 亿元, never 0.01亿元).
 */
export function buildGroupedBarsOption(rows: readonly GroupRow[], settings: GroupedBarsSettings) {
  const own = rows.filter((r) => r.base_unit === settings.baseUnit);
  const totals = new Map<string, number>();
  for (const r of own) totals.set(r.key, (totals.get(r.key) ?? 0) + (r.total ?? 0));
  const keys = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  const seriesNames = [...new Set(own.map((r) => r.series))].sort();
  const scale = chooseScale(own.flatMap((r) => (r.total === null ? [] : [r.total])), settings.baseUnit);
  const unit = unitLabel(settings.baseUnit, scale);
  const cell = new Map(own.map((r) => [`${r.key}\u0000${r.series}`, r]));
  const titles = settings.titles ?? new Map<string, string>();
  const seriesLabel = (s: string) => (settings.seriesDimension ? valueLabel(settings.seriesDimension, s, titles) : unit);
  // Refused groups draw no bar: the chart says so, on screen and in every export of it.
  const refused = own.filter((r) => r.total === null).length;
  const note = refused > 0 ? t.compare.refusedBars(refused) : '';
  const top = (seriesNames.length > 1 ? 64 : 44) + (note ? 18 : 0);
  return {
    ...baseOption(settings.title),
    title: {
      text: settings.title,
      left: 0,
      textStyle: { fontSize: 15, fontWeight: 600 },
      ...(note ? { subtext: note, itemGap: 4, subtextStyle: { fontSize: 12, color: '#6b7280' } } : {}),
    },
    legend: { show: seriesNames.length > 1, top: note ? 42 : 24, type: 'scroll' },
    grid: { left: 8, right: 24, top, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; seriesName: string; data: { total: number | null; count: number; refused: string | null; qualifier: string } }) =>
        tooltipHtml(
          [
            valueLabel(settings.byDimension, p.name, titles),
            settings.seriesDimension ? p.seriesName : '',
            p.data.total === null
              ? `${t.pivot.refusedCell} ${p.data.refused ? (t.refusals[p.data.refused] ?? '') : ''}`
              : formatScaled(p.data.total, settings.baseUnit, chooseScale([p.data.total], settings.baseUnit), p.data.qualifier),
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
        formatter: (v: string) => shortLabel(valueLabel(settings.byDimension, v, titles), 10),
      },
    },
    yAxis: { type: 'value', name: unit, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: seriesNames.map((s) => ({
      type: 'bar',
      name: seriesLabel(s),
      cursor: 'pointer',
      data: keys.map((k) => {
        const r = cell.get(`${k}\u0000${s}`);
        if (r && r.total === null) return { value: null, total: null, count: r.count, refused: r.refused, qualifier: '' };
        return { value: r ? scaled(r.total ?? 0, scale) : 0, total: r?.total ?? 0, count: r?.count ?? 0, refused: null, qualifier: r?.qualifier ?? '' };
      }),
    })),
  };
}
