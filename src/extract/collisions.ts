/**
 * Indicator names unique within a report for different concepts: where one name (for one subject, period and
 * class) holds different values, each is told apart by what the sentence says about it.
 */
import { WHICH_AFTER } from './indicators';
import type { FigureRow } from './types';

/** Where a figure's name was read: the clause text after its unit, and the start of its sentence. */
export interface NamePlace {
  post: string;
  sentenceStart: number;
}

/**
 * Renames colliding figures in place: an amount right after a count in its sentence is that count's amount
 * (承接非首都功能项目905个，协议投资额1975亿元 → 承接非首都功能项目协议投资额); a count takes the short predicate
 * after its noun (…地块正在开展土地出让 → 正在开展土地出让地块数). A value stated twice keeps its name (it may be
 * one fact), and a name no rule can tell apart stays as it is.
 */
export function distinguishCollisions(rows: FigureRow[], places: readonly NamePlace[]): void {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = JSON.stringify([r.indicator, r.subject, r.period, r.agg, r.base_unit]);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    const stated = new Map<string | undefined, number>();
    for (const i of members) stated.set(rows[i]?.value_base, (stated.get(rows[i]?.value_base) ?? 0) + 1);
    if (stated.size < 2) continue;
    for (const i of members) {
      const [row, place, previous, previousPlace] = [rows[i], places[i], rows[i - 1], places[i - 1]];
      // A value stated more than once may be one fact restated: its mentions keep one name.
      if (!row || !place || (stated.get(row.value_base) ?? 0) > 1) continue;
      if (row.kind === 'amount' && previous?.kind === 'count' && previousPlace?.sentenceStart === place.sentenceStart
        && previous.indicator !== row.indicator) {
        row.indicator = `${previous.indicator.replace(/数$/, '')}${row.indicator}`;
      } else if (row.kind === 'count') {
        const head = row.indicator.replace(/数$/, '');
        const rest = place.post.startsWith(head) ? place.post.slice(head.length) : '';
        const which = WHICH_AFTER.exec(rest)?.[1];
        if (which && !/^[中并]/.test(which)) row.indicator = `${which.replace(/^(?:已|均)/, '')}${head}数`;
      }
    }
  }
}
