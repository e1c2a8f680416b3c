/**
 * What a figure's value is (an outcome, a goal, an estimate, a plan period's total) and the year it describes,
 * read from the part of the report it sits in, its sentence and paragraph, and the document's date. A work
 * report delivered in year Y reviews Y−1 (一、2011年工作回顾), then sets Y's goals (二、2012年工作安排) and, some
 * years, a five-year plan's (“十三五”…主要目标): its parts say which figures are outcomes and which are goals.
 */

/** What a figure's value is. */
export const BASES = ['actual', 'target', 'estimate', 'plan_period_total'] as const;
export type Basis = (typeof BASES)[number];

/** What a part of a report is about: a review, this year's goals, a plan period's goals, or not known. */
export type ReportPart = 'review' | 'year_plan' | 'period_plan' | '';

/** Five-year plans by their ordinal: the year each ends. */
const PLAN_END: Readonly<Record<string, number>> = {
  十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035,
};
const PLAN_ORDINAL: Readonly<Record<string, string>> = { 十一: '十一五', 十二: '十二五', 十三: '十三五', 十四: '十四五', 十五: '十五五', 十六: '十六五' };
const PLAN = /(十[一二三四五六]五)|第(十[一二三四五六])个五年/g;

const LEVEL1_HEADING = /^[\s]*[一二三四五六七八九十]+、(.{1,80})$/;

/** The part a level-1 heading opens (given the year the report was delivered). */
function partOf(heading: string, year: number | null): ReportPart {
  if (/回顾/.test(heading)) return 'review';
  if (/五年规划|个五年|十[一二三四五六]五/.test(heading) && /目标|任务|规划|纲要/.test(heading)) return 'period_plan';
  if (/今年|工作安排|工作任务|重点工作|主要任务|总体要求|建议/.test(heading) || (year !== null && heading.includes(`${year}年`))) return 'year_plan';
  return '';
}

/**
 * The part of the report each line (index 0 = line 1) sits in. A heading that names no part continues the one
 * before it once this year's work has begun (四、深入推进政府治理创新 is more of this year's work).
 */
export function reportParts(lines: readonly string[], published: string): { part: ReportPart; heading: string }[] {
  const year = /^[0-9]{4}/.test(published) ? Number(published.slice(0, 4)) : null;
  let current: { part: ReportPart; heading: string } = { part: '', heading: '' };
  return lines.map((line) => {
    const heading = LEVEL1_HEADING.exec(line)?.[1];
    if (heading !== undefined && !/。./.test(heading)) {
      const named = partOf(heading, year);
      if (named !== '') current = { part: named, heading };
      else if (current.part !== 'year_plan' && current.part !== 'period_plan') current = { part: '', heading };
    }
    return current;
  });
}

/**
 * Words before a figure, in its own clause, that make it a goal outside a work report's known parts (a progress
 * report's 力争到2025年新增学位7110个); a clause there that only mentions a plan (督查计划) states progress.
 */
const GOAL = /(?:预期目标|主要目标|目标是|目标为|奋斗目标|力争|计划(?:到|于|在|新增|完成|建成|实现)|要实现|将实现)/;
/** A paragraph that sets goals. */
const GOAL_PARAGRAPH = /(?:主要预期目标|主要目标是|预期目标是|发展目标是|主要任务和目标|预期目标)/;
/** Words that say a goal was met in the past (a review of last year's goals states outcomes). */
const REVIEW = /(?:完成了?|实现了?|超额完成|圆满完成)[^，,。；;]*(?:目标|任务)/;
/** A sentence of a goals part that looks back: its figures are outcomes. */
const LOOKS_BACK = /(?:以来|五年来|过去五年|这五年|过去一年|去年|上年|成就|成效)/;
const ESTIMATE = /预计/;
/** A sum or cumulative change. */
const CUMULATIVE = /(?:累计|累积|合计|共计)[^，,。；;]{0,20}$/;
/** A phrase that makes the figure describe a whole past period. */
const FIVE_YEARS = /(?:过去五年|五年来|这五年|五年间|五年中|五年|以来)/;
/** Words right before a level that make it a point value (达到X, 从X, 突破X), not a period's sum. */
const POINT_VALUE = /(?:达到|达|到|从|由|突破|迈上|超过|提高|增加|增长|为|总量|的)[^，,。；;]{0,2}$/;

export interface BasisInput {
  /** The sentence up to the number. */
  sentenceBefore: string;
  /** The paragraph (line) up to the sentence. */
  paragraphBefore: string;
  /** ISO date the document was published, or ''. */
  published: string;
  /** The end of the period the extractor found for the figure (ISO), or ''. */
  periodEnd: string;
  /** Whether the figure is a level (an amount, a count) rather than a rate. */
  level: boolean;
  /** The document reviews the year before its date (a work report): its undated outcomes describe that year. */
  reviewsYearBefore: boolean;
  /** The part of the report the figure sits in. */
  part: ReportPart;
  /** The heading of that part (its plan: “十三五”…目标 ends in 2020). */
  partHeading: string;
}

export interface BasisAndYear {
  basis: Basis;
  /** The year the value describes, or null when no date anchors it. */
  data_year: number | null;
}

/** The end year of the last plan named in `text` (十二五, 第十五个五年规划 …). */
function lastPlan(text: string): number | null {
  let end: number | null = null;
  for (const m of text.matchAll(PLAN)) end = PLAN_END[m[1] ?? PLAN_ORDINAL[m[2] ?? ''] ?? ''] ?? end;
  return end;
}

const lastYear = (text: string): number | null => {
  const years = [...text.matchAll(/((?:19|20)[0-9]{2})年/g)].map((m) => Number(m[1]));
  return years.at(-1) ?? null;
};

/** The year the figure's own clause, or its sentence's opening (2011年，…), states. */
function statedYear(sentenceBefore: string): number | null {
  // 由2017年的95亿元增加到…: that year is the baseline's, an earlier number's, not this figure's.
  const clause = sentenceBefore.slice(sentenceBefore.search(/[^，,、；;：:]*$/)).replace(/(?:由|从)(?:19|20)[0-9]{2}年的?[0-9.]+/g, '');
  return lastYear(clause) ?? lastYear(/^[\s]*(?:19|20)[0-9]{2}年/.exec(sentenceBefore)?.[0] ?? '');
}

/** Whether `clause` sets a date after the document's year (到2025年…, 2025年前…). */
function futureYear(clause: string, year: number | null): boolean {
  const m = /(?:到|至|于)((?:19|20)[0-9]{2})年/.exec(clause);
  return m !== null && year !== null && Number(m[1]) > year;
}

/** The basis and data year of one figure. */
export function basisOf(input: BasisInput): BasisAndYear {
  const { sentenceBefore, paragraphBefore, published, periodEnd, level, reviewsYearBefore, part, partHeading } = input;
  const year = /^[0-9]{4}/.test(published) ? Number(published.slice(0, 4)) : null;
  const reviewed = year === null ? null : reviewsYearBefore ? year - 1 : year;
  if (ESTIMATE.test(sentenceBefore)) return { basis: 'estimate', data_year: reviewed };
  const context = paragraphBefore + sentenceBefore;
  // The part's own plan first (一、“十二五”时期和2015年工作回顾): a paragraph may name the one before it too.
  const plan = lastPlan(partHeading) ?? lastPlan(context);
  const explicit = statedYear(sentenceBefore);
  const clause = sentenceBefore.slice(sentenceBefore.search(/[^，,；;]*$/));
  const to = /到((?:19|20)[0-9]{2})年/.exec(sentenceBefore);
  const goal = part === 'year_plan' || part === 'period_plan'
    ? !LOOKS_BACK.test(context)
    : part === '' && (GOAL.test(clause) || GOAL_PARAGRAPH.test(paragraphBefore) || futureYear(clause, year)) && !REVIEW.test(sentenceBefore);
  if (goal) {
    const future = to ? Number(to[1]) : plan !== null && year !== null && plan > year ? plan : null;
    return { basis: 'target', data_year: future ?? (explicit !== null && year !== null && explicit >= year ? explicit : year) };
  }
  const pastPlan = plan !== null && year !== null && plan < year ? plan : null;
  const fiveYears = pastPlan !== null || FIVE_YEARS.test(context);
  // 从4.16万亿元提高到…: the baseline is the year before the period began.
  if (explicit === null && /(?:从|由)$/.test(sentenceBefore) && (fiveYears || FIVE_YEARS.test(partHeading)) && reviewed !== null) {
    return { basis: 'actual', data_year: (pastPlan ?? reviewed) - 5 };
  }
  const cumulative = (CUMULATIVE.test(sentenceBefore) && !/达到?$/.test(sentenceBefore))
    || (level && explicit === null && fiveYears && !/年均|平均|年末|每年/.test(clause) && !POINT_VALUE.test(clause) && /五年/.test(context));
  if (cumulative && (level || /下降|降低/.test(sentenceBefore.slice(-8)))) {
    return { basis: 'plan_period_total', data_year: pastPlan ?? reviewed };
  }
  if (explicit !== null && (year === null || explicit < year)) return { basis: 'actual', data_year: explicit };
  if (pastPlan !== null) return { basis: 'actual', data_year: pastPlan };
  if (periodEnd && year !== null && Number(periodEnd.slice(0, 4)) <= year && !reviewsYearBefore) return { basis: 'actual', data_year: Number(periodEnd.slice(0, 4)) };
  return { basis: 'actual', data_year: reviewed };
}
