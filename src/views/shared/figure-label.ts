import type { FigureRecord } from '../../data/figure-record';

/**
 * Axis labels for a set of figures: the indicator, with the subject when the set spans several subjects.
 * Labels must be unique (a category axis shows one name per bar), so colliding ones are told apart by their
 * period, then their section, and only as a last resort by a number.
 */
export function figureLabels(figures: readonly FigureRecord[]): string[] {
  const subjects = new Set(figures.map((f) => f.subject));
  const base = figures.map((f) => {
    const indicator = f.indicator || f.unit;
    return subjects.size > 1 && f.subject ? `${indicator}·${f.subject}` : indicator;
  });
  const counts = new Map<string, number>();
  for (const label of base) counts.set(label, (counts.get(label) ?? 0) + 1);
  const withContext = base.map((label, i) => {
    const f = figures[i];
    if (!f || (counts.get(label) ?? 0) < 2) return label;
    const context = f.period || (f.section ? `${f.section}节` : '');
    return context ? `${label}（${context}）` : label;
  });
  const seen = new Map<string, number>();
  return withContext.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label}（${n}）`;
  });
}
