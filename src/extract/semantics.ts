/**
 * What a figure means for an aggregate: whether it may be added (its aggregation class), which mentions state
 * one fact, and which figures are the stated parts of a total. General rules over the text; reviewed
 * overrides correct what they cannot decide.
 */
import { isClauseEnd, isSentenceEnd, unitEnd, unitStart } from './textIndex';
import type { AggregationClass, FigureRow, Kind } from './types';

/** Kinds whose values are never added: rates, shares, ages, multiples and durations. */
const NON_ADDITIVE_KINDS: ReadonlySet<Kind> = new Set(['percent_share', 'growth_rate', 'age', 'ratio', 'duration']);
/** Indicator words of averages, per-capita values and intensities. */
const NON_ADDITIVE_NAME = /平均|人均|均值|每(?:万|千|百)?(?:人|户|平方)|强度|密度|指数/;
/** A running total or a level held at a date. */
const STOCK_WORDS = /累计|共有|现有|拥有|总数|总量|存量|余额|保有|在库|在园|在校|在册|入库/;
/** Something that happened within the period: newly added, signed, held, done. */
const FLOW_WORDS = /新增|新建|新引进|新培育|新认定|新签约|新开工|新设立?|新注册|新选派|新招|新招收|引进|签约|开工|竣工|召开|举办|开展|查处|立案|发放|拨付|培训|招收|接待|办理|办结|处理/;

/** What the aggregation rules read of one figure. */
export interface ClassContext {
  kind: Kind;
  indicator: string;
  /** The clause up to the number (from the last ，。；). */
  clauseBefore: string;
  /** ISO start of the figure's period (empty for a point in time). */
  periodFrom: string;
  /** ISO end of the figure's period (empty when it has none). */
  periodEnd: string;
}

/**
 * The aggregation class: `non_additive` for rates, shares, ages, multiples, durations, averages and
 * per-capita values; `stock` for a level at a date (累计…, 现有…, or a count stated as of a date with no
 * word of change); `additive` for what happened in a period and for counts of disjoint things.
 */
export function aggregationClass(ctx: ClassContext): AggregationClass {
  if (NON_ADDITIVE_KINDS.has(ctx.kind) || NON_ADDITIVE_NAME.test(ctx.indicator)) return 'non_additive';
  if (STOCK_WORDS.test(ctx.clauseBefore) || STOCK_WORDS.test(ctx.indicator)) return 'stock';
  if (FLOW_WORDS.test(ctx.clauseBefore) || /^新/.test(ctx.indicator)) return 'additive';
  return ctx.periodEnd && !ctx.periodFrom ? 'stock' : 'additive';
}

/** The clause text up to offset `at` (the number's first character or its prefix qualifier). */
export function clauseBefore(text: string, at: number): string {
  return text.slice(unitStart(text, at, isClauseEnd), at);
}

const sameFactKey = (r: FigureRow): string =>
  JSON.stringify([r.doc_id, r.kind, r.agg, r.base_unit, r.value_base, r.indicator, r.subject]);

/**
 * Gives every row a fact id: mentions of one document that state the same value of the same indicator for the
 * same subject (and period, where both name one) are one fact, identified by the id of its first mention.
 * Mentions of one fact then read alike in every column an aggregate groups by: the first mention's category,
 * and the period where any mention names one; they differ only in section, line and quote.
 * Mutates and returns `rows` (in document order).
 */
export function assignFacts(rows: FigureRow[]): FigureRow[] {
  const facts = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const key = sameFactKey(row);
    const firsts = facts.get(key) ?? [];
    const first = firsts.find((f) => f.period === row.period || !f.period || !row.period);
    if (first) row.fact_id = first.fact_id;
    else {
      row.fact_id = row.id;
      firsts.push(row);
      facts.set(key, firsts);
    }
  }
  const byFact = new Map<string, FigureRow[]>();
  for (const row of rows) byFact.set(row.fact_id, [...(byFact.get(row.fact_id) ?? []), row]);
  for (const mentions of byFact.values()) {
    const [first] = mentions;
    const dated = mentions.find((m) => m.period !== '');
    if (!first || mentions.length === 1) continue;
    for (const m of mentions) {
      m.category = first.category;
      if (dated) [m.period, m.period_start, m.period_end] = [dated.period, dated.period_start, dated.period_end];
    }
  }
  return rows;
}

/** Words after a total that announce its parts: 其中, 包括, 分别为 …, or a partition (46个问题中…). */
const PARTS_FOLLOW = /^[^，,。；;！？!?]{0,8}[，,]?\s*(?:其中|包括|含|分别为|分别是|分别)|^[^，,。；;、！？!?0-9]{0,10}?(?:之)?中[，,]?/;
const EXACT = 1e-9;

/**
 * Marks the stated parts of a total: the figures after 其中/包括/分别/…中 in the same sentence, of the same
 * base unit and kind, that together do not exceed the total. `part_of` is the total's fact id; parts of a
 * repeated total point to its one fact. Mutates and returns `rows`; call after {@link assignFacts}.
 */
export function assignParts(text: string, rows: FigureRow[]): FigureRow[] {
  rows.forEach((total, i) => {
    if (total.agg === 'non_additive' || total.part_of) return;
    const next = rows[i + 1];
    if (!next) return;
    const sentenceEnd = unitEnd(text, total.end, isSentenceEnd);
    if (!PARTS_FOLLOW.test(text.slice(total.end, next.start))) return;
    const parts: FigureRow[] = [];
    for (const row of rows.slice(i + 1)) {
      if (row.start >= sentenceEnd || /[；;]/.test(text.slice(total.end, row.start))) break;
      if (row.base_unit === total.base_unit && row.kind === total.kind && row.agg !== 'non_additive') parts.push(row);
    }
    const sum = parts.reduce((s, p) => s + Number(p.value_base), 0);
    if (parts.length === 0 || sum > Number(total.value_base) * (1 + EXACT)) return;
    for (const p of parts) if (p.fact_id !== total.fact_id) p.part_of = total.fact_id;
  });
  // A fact is part of a total wherever one of its mentions is stated as such.
  const partOf = new Map<string, string>();
  for (const r of rows) if (r.part_of && !partOf.has(r.fact_id)) partOf.set(r.fact_id, r.part_of);
  for (const r of rows) r.part_of = partOf.get(r.fact_id) ?? '';
  return rows;
}
