import type { FigureRecord } from '../../data/figure-record';

/**
 * Axis labels for a set of figures: the indicator, with the subject where it is not the set's usual one
 * (a report mostly speaks of itself: 滨海新区 goes without saying, 高新区 does not).
 * Labels must be unique (a category axis shows one name per bar), so colliding ones are told apart by their
 * period, then their section, and only as a last resort by a number.
 */
export function figureLabels(figures: readonly FigureRecord[]): string[] {
  const dominant = mostCommonSubject(figures);
  const base = figures.map((f) => {
    const indicator = f.indicator || f.unit;
    return f.subject && f.subject !== dominant ? `${indicator}·${f.subject}` : indicator;
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

/** The subject more figures of the set share than any other, or '' when none stands out. */
function mostCommonSubject(figures: readonly FigureRecord[]): string {
  const counts = new Map<string, number>();
  for (const f of figures) counts.set(f.subject, (counts.get(f.subject) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return '';
  return first[0];
}
