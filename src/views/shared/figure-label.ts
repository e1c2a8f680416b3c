import type { FigureRecord } from '../../data/figure-record';
import { t } from '../../i18n/zh';

/**
 * Axis labels for a set of figures: the indicator, with the subject where it is not the set's usual one
 * (a report mostly speaks of itself: 滨海新区 goes without saying, 高新区 does not).
 * Labels must be unique (a category axis shows one name per bar), so colliding ones are told apart by their
 * period or else their section — whichever separates them all — and only as a last resort by a number.
 */
export function figureLabels(figures: readonly FigureRecord[]): string[] {
  const dominant = mostCommonSubject(figures);
  const base = figures.map((f) => {
    const indicator = f.indicator || f.unit;
    return f.subject && f.subject !== dominant ? `${indicator}·${f.subject}` : indicator;
  });
  // Within each group of equal labels, use the first context that tells all its members apart.
  const groups = new Map<string, number[]>();
  base.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  const withContext = [...base];
  for (const [label, members] of groups) {
    if (members.length < 2) continue;
    const contexts = [(f: FigureRecord) => f.period, (f: FigureRecord) => (f.section ? t.figureLabel.section(f.section) : '')];
    const pick = contexts.find((c) => {
      const values = members.map((i) => (figures[i] ? c(figures[i]) : ''));
      return values.every(Boolean) && new Set(values).size === values.length;
    });
    if (!pick) continue;
    for (const i of members) {
      const f = figures[i];
      if (f) withContext[i] = `${label}（${pick(f)}）`;
    }
  }
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
