import type { FigureRecord } from '../../data/figure-record';
import { chooseScale, formatAsWritten, formatNumber, scaled, unitLabel } from '../../lib/format';
import { dimensionValueLabel } from '../../i18n/zh';
import { baseOption, tooltipHtml } from '../options-common';

interface TreemapNode {
  name: string;
  value: number;
  category?: string;
  figureId?: string;
  children?: TreemapNode[];
}

/**
 * A treemap of CNY amounts: categories, then the figures in them. USD is never added in; callers pass CNY
 * figures only (anything else is a programming error).
 */
export function buildTreemapOption(figures: readonly FigureRecord[], title: string) {
  const wrong = figures.find((f) => f.base_unit !== 'CNY');
  if (wrong) throw new Error(`The amount treemap sums CNY only; got ${wrong.base_unit} (${wrong.id})`);
  const scale = chooseScale(figures.map((f) => f.value_base), 'CNY');
  const unit = unitLabel('CNY', scale);
  const byCategory = new Map<string, FigureRecord[]>();
  for (const f of figures) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const data: TreemapNode[] = [...byCategory.entries()].map(([category, own]) => ({
    name: dimensionValueLabel('category', category),
    category,
    value: scaled(own.reduce((sum, f) => sum + f.value_base, 0), scale),
    children: own.map((f) => ({
      name: `${f.indicator}${f.subject ? `·${f.subject}` : ''}`,
      value: scaled(f.value_base, scale),
      figureId: f.id,
    })),
  }));
  return {
    ...baseOption(title),
    title: { text: title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
    tooltip: {
      confine: true,
      formatter: (p: { name: string; value: number; data: TreemapNode }) => {
        const f = p.data.figureId ? byId.get(p.data.figureId) : undefined;
        return f
          ? tooltipHtml([f.indicator, formatAsWritten(f), f.subject, f.period, f.quote], true)
          : tooltipHtml([p.name, `${formatNumber(p.value, 4)}${unit}`], false);
      },
    },
    series: [
      {
        type: 'treemap',
        name: unit,
        top: 36,
        left: 0,
        right: 0,
        bottom: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        leafDepth: 2,
        upperLabel: { show: true, height: 22, formatter: (p: { name: string; value: number }) => `${p.name} ${formatNumber(p.value)}${unit}` },
        label: { formatter: (p: { name: string; value: number }) => `${p.name}\n${formatNumber(p.value)}${unit}` },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
        ],
        data,
      },
    ],
  };
}
