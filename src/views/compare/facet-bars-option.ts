import type { FacetRow } from '../../queries';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { PALETTE } from '../../charts/theme';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';

const MUTED = '#c5ced8';

/**
 * Figures per value of one dimension (under every other filter), as clickable bars: the cross-filter control.
 * Selected values are coloured, the rest muted while a selection exists.
 */
export function buildFacetBarsOption(rows: readonly FacetRow[], selected: readonly string[], title: string, limit = 15) {
  const top = [...rows].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit).reverse();
  const dimension = rows[0]?.dimension ?? 'category';
  const accent = PALETTE[0] ?? '#2f5d8a';
  return {
    ...baseOption(title),
    title: { text: title, left: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
    grid: { left: 4, right: 36, top: 34, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; value: number }) =>
        tooltipHtml([dimensionValueLabel(dimension, p.name), t.common.figures(p.value), t.common.clickToFilter], false),
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.value),
      axisTick: { show: false },
      axisLabel: { formatter: (v: string) => shortLabel(dimensionValueLabel(dimension, v), 9) },
    },
    series: [
      {
        type: 'bar',
        cursor: 'pointer',
        barMaxWidth: 14,
        label: { show: true, position: 'right', fontSize: 11 },
        data: top.map((r) => ({
          value: r.count,
          itemStyle: { color: selected.length === 0 || selected.includes(r.value) ? accent : MUTED },
        })),
      },
    ],
  };
}
