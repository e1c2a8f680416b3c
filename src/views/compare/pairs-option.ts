import { chooseScale, formatAsWritten, formatNumber, scaled, unitLabel } from '../../lib/format';
import { t } from '../../i18n/zh';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';
import { barLabels, valueLabelRoom } from '../shared/figure-bars-option';
import type { FigurePair } from './pairs';

/**
 * Before/after bars for pairs that share one base unit: two bars per pair, “之前” and “之后”, on one 万/亿
 * axis, each labelled with its figure as written (11家, 900余家), and pairs named as figure bars name theirs.
 */
export function buildPairsOption(pairs: readonly FigurePair[], baseUnit: string, title: string) {
  const own = pairs.filter((p) => p.before.base_unit === baseUnit);
  const scale = chooseScale(own.flatMap((p) => [p.before.value_base, p.after.value_base]), baseUnit);
  const unit = unitLabel(baseUnit, scale);
  const labels = barLabels(own.map((p) => ({ ...p.after, indicator: p.after.indicator || p.before.indicator })));
  const item = (p: FigurePair, which: 'before' | 'after') => ({
    value: scaled(p[which].value_base, scale),
    figureId: p[which].id,
    written: formatAsWritten(p[which]),
    quote: p[which].quote,
  });
  return {
    ...baseOption(title),
    title: { text: title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
    legend: { top: 24, data: [t.compare.before, t.compare.after] },
    grid: {
      left: 8, right: valueLabelRoom(own.flatMap((p) => [formatAsWritten(p.before), formatAsWritten(p.after)]), 64),
      top: 60, bottom: 8, containLabel: true,
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; seriesName: string; data: ReturnType<typeof item> }) =>
        tooltipHtml([p.name, `${p.seriesName}：${p.data.written}`, p.data.quote], true),
    },
    xAxis: { type: 'value', name: unit, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { formatter: (v: string) => shortLabel(v, 16) } },
    series: (['before', 'after'] as const).map((which) => ({
      type: 'bar',
      name: which === 'before' ? t.compare.before : t.compare.after,
      cursor: 'pointer',
      barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: (p: { data: ReturnType<typeof item> }) => p.data.written },
      data: own.map((p) => item(p, which)),
    })),
  };
}
