import type { FigureRecord } from '../../data/figure-record';
import { distinctFacts, honestSum } from '../../lib/additivity';
import { chooseScale, formatAsWritten, formatNumber, scaled, unitLabel } from '../../lib/format';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { baseOption, tooltipHtml } from '../options-common';

interface TreemapNode {
  name: string;
  value: number;
  subject?: string;
  figureId?: string;
  children?: TreemapNode[];
}

/** Figures that may be drawn as one whole and its pieces, and the whole's honest value (the treemap's root). */
export interface TreemapComposition {
  /** The pieces drawn: a total whose parts are present is drawn as its parts. */
  figures: FigureRecord[];
  /** What a total holds beyond the parts the report lists (未列明), or 0. */
  remainder: number;
  /** The honest sum of the set: the root of the treemap, equal to its pieces plus the remainder. */
  total: number;
  baseUnit: string;
  indicator: string;
  period: string;
  /** Other sets in the selection that may not be added to this one (another unit, indicator or period). */
  others: number;
}

/** The family a fact is composed in: one unit, class and period, and its total's indicator when it is a part. */
function familyKey(f: FigureRecord, indicatorOf: ReadonlyMap<string, string>): string {
  return JSON.stringify([f.base_unit, f.agg, f.period, (f.part_of && indicatorOf.get(f.part_of)) || f.indicator]);
}

/**
 * The largest set of figures that may be added together (one unit, class, period and indicator, or one total
 * with its stated parts; each fact once, no rates or ages), as a composition: a total is drawn as its parts
 * plus what they leave unlisted. Null when no two figures of the selection may be added.
 */
export function treemapComposition(figures: readonly FigureRecord[]): TreemapComposition | null {
  const facts = distinctFacts(figures.filter((f) => f.agg !== 'non_additive'));
  const indicatorOf = new Map(facts.map((f) => [f.fact_id, f.indicator]));
  const families = new Map<string, FigureRecord[]>();
  for (const f of facts) families.set(familyKey(f, indicatorOf), [...(families.get(familyKey(f, indicatorOf)) ?? []), f]);
  const candidates = [...families.values()].flatMap((own) => {
    const sum = honestSum(own);
    if (!sum.ok) return [];
    const totals = new Set(own.filter((f) => own.some((p) => p.part_of === f.fact_id)).map((f) => f.fact_id));
    const pieces = own.filter((f) => !totals.has(f.fact_id));
    // The totals hold what their listed parts leave out.
    const remainder = sum.value - pieces.reduce((s, f) => s + f.value_base, 0);
    return pieces.length >= 2 ? [{ pieces, total: sum.value, remainder: Math.max(0, remainder) }] : [];
  });
  candidates.sort((a, b) => b.pieces.length - a.pieces.length || (a.pieces[0]?.base_unit === 'CNY' ? -1 : 1));
  const best = candidates[0];
  const first = best?.pieces[0];
  if (!best || !first) return null;
  return {
    figures: best.pieces,
    remainder: best.remainder,
    total: best.total,
    baseUnit: first.base_unit,
    indicator: (first.part_of && indicatorOf.get(first.part_of)) || first.indicator,
    period: first.period,
    others: families.size - 1,
  };
}

/**
 * A treemap of one composition (see {@link treemapComposition}): subjects, then the figures of each, and the
 * unlisted remainder of a total. Figures of another unit than the first are a programming error.
 */
export function buildTreemapOption(composition: Pick<TreemapComposition, 'figures' | 'remainder'>, title: string) {
  const { figures, remainder } = composition;
  const baseUnit = figures[0]?.base_unit ?? 'CNY';
  const wrong = figures.find((f) => f.base_unit !== baseUnit);
  if (wrong) throw new Error(`A treemap adds one unit only; got ${wrong.base_unit} beside ${baseUnit} (${wrong.id})`);
  const scale = chooseScale([...figures.map((f) => f.value_base), remainder], baseUnit);
  const unit = unitLabel(baseUnit, scale);
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
  if (remainder > 0) {
    data.push({ name: t.compare.treemapRemainder, value: scaled(remainder, scale), children: [{ name: t.compare.treemapRemainder, value: scaled(remainder, scale) }] });
  }
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
