/** Helpers of the semantics tests: find a figure by its text, hand-made rows, and invariants over a document. */
import { expect } from 'vitest';
import type { FigureRow } from '../../src/extract/index';
import { figuresOf } from './helpers';

/** Offset of the `nth` (0-based) occurrence of `needle` in `text`; fails loudly when there is none. */
export function nthIndex(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`occurrence ${nth} of ${needle} not in the text`);
  }
  return at;
}

/** The row whose number starts where `span` stands inside the `nth` occurrence of `needle`. */
export function figureAt(rows: readonly FigureRow[], text: string, needle: string, span: string, nth = 0): FigureRow {
  const within = needle.indexOf(span);
  if (within === -1) throw new Error(`${span} is not inside ${needle}`);
  const start = nthIndex(text, needle, nth) + within;
  const found = rows.find((r) => r.start === start);
  expect(found && text.slice(found.start, found.end), `${needle} / ${span}`).toBe(span);
  return found as FigureRow;
}

/** The rows of a one-off text, each looked up by its span (the first row whose span reads so). */
export function sentence(text: string, published = ''): (span: string, nth?: number) => FigureRow {
  const rows = figuresOf(text, published);
  return (span, nth = 0) => {
    const found = rows.filter((r) => text.slice(r.start, r.end) === span)[nth];
    expect(found, `${span} in ${text}`).toBeDefined();
    return found as FigureRow;
  };
}

/** A hand-made row for the fact and part rules alone. */
export const mention = (n: number, over: Partial<FigureRow>): FigureRow => ({
  id: `t:${n}`,
  doc_id: 't',
  line: 1,
  start: n * 10,
  end: n * 10 + 3,
  section: '',
  section_title: '',
  value: '20',
  unit: '家',
  qualifier: '',
  value_base: '20',
  base_unit: '家',
  kind: 'count',
  agg: 'additive',
  period: '',
  period_start: '',
  period_end: '',
  fact_id: '',
  mention: 1,
  part_of: '',
  parts: 0,
  category: 'enterprises',
  indicator: '新增企业数',
  subject: '本区',
  metric: '',
  basis: 'actual',
  data_year: null,
  place: '本区',
  quote: '',
  ...over,
});

/** Every part's total is a fact of the same kind and base unit, and no total is exceeded by its parts. */
export function expectPartsWithinTotals(rows: readonly FigureRow[]): void {
  const facts = new Map(rows.filter((r) => r.fact_id === r.id).map((r) => [r.id, r]));
  const sums = new Map<string, number>();
  const counted = new Set<string>();
  for (const p of rows.filter((r) => r.part_of)) {
    const total = facts.get(p.part_of);
    expect(total, `${p.id} → ${p.part_of}`).toBeDefined();
    expect([p.kind, p.base_unit], p.id).toEqual([total?.kind, total?.base_unit]);
    if (counted.has(p.fact_id)) continue;
    counted.add(p.fact_id);
    sums.set(p.part_of, (sums.get(p.part_of) ?? 0) + Number(p.value_base));
  }
  for (const [id, sum] of sums) expect(sum, id).toBeLessThanOrEqual(Number(facts.get(id)?.value_base));
}

/** Mentions of one fact read alike in every column an aggregate groups by. */
export function expectFactsConsistent(rows: readonly FigureRow[]): void {
  const first = new Map<string, FigureRow>();
  for (const r of rows) {
    const f = first.get(r.fact_id) ?? r;
    first.set(r.fact_id, f);
    const columns = (x: FigureRow) => [x.value_base, x.base_unit, x.kind, x.agg, x.period, x.period_start, x.period_end, x.category, x.indicator, x.subject, x.part_of];
    expect(columns(r), r.id).toEqual(columns(f));
  }
}

