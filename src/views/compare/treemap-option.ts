import type { FigureRecord } from '../../data/figure-record';
import { distinctFacts, honestSum } from '../../lib/additivity';
import { chooseScale, formatAsWritten, formatNumber, scaled, unitLabel } from '../../lib/format';
import { dimensionValueLabel } from '../../i18n/zh';
import { baseOption, tooltipHtml } from '../options-common';

interface TreemapNode {
  name: string;
  value: number;
  subject?: string;
  figureId?: string;
  children?: TreemapNode[];
}

/** The CNY amounts a treemap may show as one composition, and their honest total (the treemap's root). */
export interface TreemapComposition {
  /** The facts drawn (a part is left out where its total is drawn). */
  figures: FigureRecord[];
  total: number;
  indicator: string;
  period: string;
  /** Other sets of CNY amounts in the selection that could not join this one (different indicator or period). */
  others: number;
}

/**
 * The largest set of CNY amounts that may be added together: one indicator, one aggregation class, one period
 * (each fact once, no rates). A treemap is a composition, so it never shows amounts that must not be added.
 * Null when no two amounts may be added.
 */
export function treemapComposition(figures: readonly FigureRecord[]): TreemapComposition | null {
  const facts = distinctFacts(figures.filter((f) => f.base_unit === 'CNY' && f.agg !== 'non_additive'));
  const families = new Map<string, FigureRecord[]>();
  for (const f of facts) {
    const key = JSON.stringify([f.indicator, f.agg, f.period]);
    families.set(key, [...(families.get(key) ?? []), f]);
  }
  const ranked = [...families.values()]
    .map((own) => ({ own, sum: honestSum(own) }))
    .filter((c) => c.own.length >= 2 && c.sum.ok)
    .sort((a, b) => b.own.length - a.own.length || (b.sum.ok && a.sum.ok ? b.sum.value - a.sum.value : 0));
  const best = ranked[0];
  if (!best?.sum.ok) return null;
  const present = new Set(best.own.map((f) => f.fact_id));
  const [first] = best.own;
  return {
    figures: best.own.filter((f) => !(f.part_of !== '' && present.has(f.part_of))),
    total: best.sum.value,
    indicator: first?.indicator ?? '',
    period: first?.period ?? '',
    others: families.size - 1,
  };
}

/**
 * A treemap of one composition of CNY amounts (see {@link treemapComposition}): subjects, then the figures of
 * each. USD is never added in; callers pass CNY figures only (anything else is a programming error).
 */
export function buildTreemapOption(figures: readonly FigureRecord[], title: string) {
  const wrong = figures.find((f) => f.base_unit !== 'CNY');
  if (wrong) throw new Error(`The amount treemap sums CNY only; got ${wrong.base_unit} (${wrong.id})`);
  const scale = chooseScale(figures.map((f) => f.value_base), 'CNY');
  const unit = unitLabel('CNY', scale);
  const bySubject = new Map<string, FigureRecord[]>();
  for (const f of figures) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const data: TreemapNode[] = [...bySubject.entries()].map(([subject, own]) => ({
    name: dimensionValueLabel('subject', subject),
    subject,
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
