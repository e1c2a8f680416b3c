/**
 * What a figure means for an aggregate: whether it may be added (its aggregation class), which mentions state
 * one fact, and which figures are the stated parts of a total. General rules over the text; reviewed
 * overrides correct what they cannot decide.
 */
import { isSentenceEnd, textUnits } from './textIndex';
import type { AggregationClass, FigureRow, Kind } from './types';

/** Kinds whose values are never added: rates, shares, ages, multiples and durations. */
const NON_ADDITIVE_KINDS: ReadonlySet<Kind> = new Set(['percent_share', 'growth_rate', 'age', 'ratio', 'duration']);
/** Indicator words of averages, per-capita values, intensities and caps (单个企业最高奖励500万元). */
const NON_ADDITIVE_NAME = /平均|人均|均值|每(?:万|千|百)?(?:人|户|平方)|强度|密度|指数|最高|最低|单个|单笔/;
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
  /** True when the figure is a bound that describes the things after it (10亿元以上项目, 45岁以下的干部). */
  threshold?: boolean;
}

/**
 * The aggregation class: `non_additive` for rates, shares, ages, multiples, durations, averages,
 * per-capita values and thresholds (a bound written before a noun: 10亿元以上项目); `stock` for a level at a date (累计…, 现有…, or a count stated as of a date with no
 * word of change); `additive` for what happened in a period and for counts of disjoint things.
 */
export function aggregationClass(ctx: ClassContext): AggregationClass {
  if (NON_ADDITIVE_KINDS.has(ctx.kind) || NON_ADDITIVE_NAME.test(ctx.indicator) || ctx.threshold) return 'non_additive';
  if (STOCK_WORDS.test(ctx.clauseBefore) || STOCK_WORDS.test(ctx.indicator)) return 'stock';
  if (FLOW_WORDS.test(ctx.clauseBefore) || /^新/.test(ctx.indicator)) return 'additive';
  return ctx.periodEnd && !ctx.periodFrom ? 'stock' : 'additive';
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
  // A fact's period is the first one any of its mentions names: an undated mention must not join
  // mentions dated 2022 and 2023 into one fact.
  const facts = new Map<string, Array<{ id: string; period: string }>>();
  for (const row of rows) {
    const key = sameFactKey(row);
    const known = facts.get(key) ?? [];
    const fact = known.find((f) => f.period === row.period || !f.period || !row.period);
    if (fact) {
      row.fact_id = fact.id;
      fact.period ||= row.period;
    } else {
      row.fact_id = row.id;
      known.push({ id: row.id, period: row.period });
      facts.set(key, known);
    }
  }
  const byFact = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const mentions = byFact.get(row.fact_id);
    if (mentions) mentions.push(row);
    else byFact.set(row.fact_id, [row]);
  }
  for (const mentions of byFact.values()) {
    mentions.forEach((m, i) => (m.mention = i + 1));
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

/** Stands for a figure between a total and its parts that cannot be one of them (a rate, another unit). */
const OTHER = '#';
/** Clauses holding only such figures may come between a total and 其中 (412.5亿元，同比增长18.6%，其中…). */
const OTHER_CLAUSES = `(?:[，,][^，,。；;！？!?]*${OTHER}[^，,。；;！？!?]*)*`;
/** The rest of the marker's own clause: the first part is stated in it. */
const SAME_CLAUSE = '[^，,。；;:：！？!?]*$';
/**
 * The text from a total to its first possible part announces parts: 其中, 包括, 分别为 …, or a partition
 * (46个问题中…, whose 中 is not the first character of a word such as 中小企业).
 */
const PARTS_FOLLOW = new RegExp(
  `^[^，,。；;！？!?]{0,8}${OTHER_CLAUSES}[，,]?\\s*(?:其中|包括|含|分别为|分别是|分别)[，,:：]?${SAME_CLAUSE}` +
    `|^[^，,。；;、！？!?0-9${OTHER}]{0,10}?(?:之)?中(?:[，,]|(?=[0-9０-９]|已|有|共|各|均|的|$))${SAME_CLAUSE}`,
);
/** A list announced with a colon (其中：A；B。) runs on across semicolons to the sentence end. */
const PARTS_LISTED = /(?:其中|包括|含|分别为|分别是)\s*[:：]/;
const EXACT = 1e-9;

/** Whether `row` may be a stated part of `total`: addable, of the same kind and base unit. */
const mayBePart = (row: FigureRow, total: FigureRow): boolean =>
  row.agg !== 'non_additive' && row.kind === total.kind && row.base_unit === total.base_unit;

/**
 * Marks the stated parts of a total: the figures after 其中/包括/分别/…中 in the same sentence, of the same
 * base unit and kind, that together do not exceed the total. Figures of another unit or kind, and rates,
 * between the total and the marker are passed over. `part_of` is the total's fact id; parts of a repeated
 * total point to its one fact. Mutates and returns `rows` (in document order); call after {@link assignFacts}.
 */
export function assignParts(text: string, rows: FigureRow[]): FigureRow[] {
  const sentences = textUnits(text, isSentenceEnd);
  rows.forEach((total, i) => {
    if (total.agg === 'non_additive' || total.part_of) return;
    // The rows after the total in its sentence (rows are in document order: up to the first past its end).
    const sentenceEnd = sentences.end(total.end);
    let restEnd = i + 1;
    while ((rows[restEnd]?.start ?? Infinity) < sentenceEnd) restEnd++;
    const rest = rows.slice(i + 1, restEnd);
    const first = rest.findIndex((r) => mayBePart(r, total));
    const firstPart = rest[first];
    if (!firstPart) return;
    let gap = text.slice(total.end, firstPart.start);
    for (const r of rest.slice(0, first).reverse()) {
      gap = gap.slice(0, r.start - total.end) + OTHER + gap.slice(r.end - total.end);
    }
    if (!PARTS_FOLLOW.test(gap)) return;
    const listed = PARTS_LISTED.test(gap);
    const parts: FigureRow[] = [];
    for (const row of rest.slice(first)) {
      if (!listed && /[；;]/.test(text.slice(total.end, row.start))) break;
      if (mayBePart(row, total)) parts.push(row);
    }
    const sum = parts.reduce((s, p) => s + Number(p.value_base), 0);
    if (sum > Number(total.value_base) * (1 + EXACT)) return;
    for (const p of parts) if (p.fact_id !== total.fact_id) p.part_of = total.fact_id;
  });
  // A fact is part of a total wherever one of its mentions is stated as such.
  const partOf = new Map<string, string>();
  for (const r of rows) if (r.part_of && !partOf.has(r.fact_id)) partOf.set(r.fact_id, r.part_of);
  for (const r of rows) r.part_of = partOf.get(r.fact_id) ?? '';
  const parts = new Map<string, number>();
  for (const r of rows) if (r.part_of && r.id === r.fact_id) parts.set(r.part_of, (parts.get(r.part_of) ?? 0) + 1);
  for (const r of rows) r.parts = parts.get(r.fact_id) ?? 0;
  return rows;
}
