import type { FigureRecord } from '../../data/figure-record';

/** A before/after pair the report states as “由 A … 到 B” (e.g. 由11家减少到5家). */
export interface FigurePair {
  before: FigureRecord;
  after: FigureRecord;
  /** The words between the two numbers, e.g. 减少到. */
  link: string;
}

/** Within this many characters before the first number, 由/从 must open the pair. */
const LEAD_WINDOW = 4;
/** The words between the numbers: a short verb phrase ending in 到/至/为, no clause break. */
const LINK = /^[^，。；,;：:、\n]{0,8}?(?:到|至|为)$/;

/**
 * Finds before/after pairs among figures of one document: consecutive figures on the same line with the same
 * unit, the first preceded by 由/从 and the two joined by a phrase ending in 到/至/为.
 */
export function findPairs(figures: readonly FigureRecord[], sourceText: string): FigurePair[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  const pairs: FigurePair[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const before = sorted[i];
    const after = sorted[i + 1];
    if (!before || !after || before.line !== after.line || before.base_unit !== after.base_unit) continue;
    const lead = sourceText.slice(Math.max(0, before.start - LEAD_WINDOW), before.start);
    const link = sourceText.slice(before.end, after.start);
    if (/[由从]/.test(lead) && LINK.test(link)) pairs.push({ before, after, link });
  }
  return pairs;
}
