import type { FigureRecord } from '../../data/figure-record';

/**
 * Axis labels for a set of figures: the indicator, with the subject when the set spans several subjects,
 * made unique (a category axis must not show two identical names for different bars).
 */
export function figureLabels(figures: readonly FigureRecord[]): string[] {
  const subjects = new Set(figures.map((f) => f.subject));
  const seen = new Map<string, number>();
  return figures.map((f) => {
    const indicator = f.indicator || f.unit;
    const base = subjects.size > 1 && f.subject ? `${indicator}·${f.subject}` : indicator;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}（${n}）`;
  });
}
