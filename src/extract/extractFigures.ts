/**
 * The extractor: turns the text of a report into figure rows with provenance.
 */
import { basisOf, reportParts } from './basis';
import { categorize } from './categories';
import { distinguishCollisions, type NamePlace } from './collisions';
import { normalizeNumber, scaleDecimal, timesInteger } from './decimal';
import { indicatorFor, specificName, wholeNamed } from './indicators';
import { metricOf } from './metrics';
import { documentPlace } from './place';
import { applyOverrides } from './overrides';
import { findPeriods, periodLabel } from './periods';
import { scanNumbers } from './scanNumbers';
import type { Candidate } from './scanNumbers';
import { sectionsByLine } from './sections';
import { aggregationClass, assignFacts, assignParts } from './semantics';
import { findTitle, jurisdictionFromTitle, subjectFor } from './subjects';
import { isClauseEnd, isSentenceEnd, textUnits } from './textIndex';
import type { ExtractOptions, FigureRow, Kind } from './types';

const GROWTH_BEFORE = /(?:增长|下降|增速|增幅|提高|降低|减少|上升|回落|下滑|增加)了?(?:约|近)?$/;
const DECLINE_BEFORE = /(?:下降|降低|减少|回落|下滑)了?(?:约|近)?$/;

/** A paragraph is a line. */
const isLineEnd = (t: string, i: number): boolean => t.startsWith('\n', i);
/** A clause boundary for indicator purposes also falls at the enumeration comma 、. */
const isListEnd = (t: string, i: number): boolean => isClauseEnd(t, i) || t.startsWith('、', i);

function kindOf(text: string, c: Candidate): Kind {
  const kind = c.unit.spec.kind;
  if (c.unit.spec.base !== 'percent' || kind === 'growth_rate') return kind;
  return GROWTH_BEFORE.test(text.slice(Math.max(0, c.outerStart - 6), c.outerStart)) ? 'growth_rate' : kind;
}

function baseValue(text: string, c: Candidate, kind: Kind): string {
  const written = normalizeNumber(c.token.raw);
  const base = scaleDecimal(c.unit.spec.factor ? timesInteger(written, c.unit.spec.factor) : written, c.unit.power);
  const declining = kind === 'growth_rate' && DECLINE_BEFORE.test(text.slice(Math.max(0, c.outerStart - 6), c.outerStart));
  return declining && base !== '0' ? `-${base}` : base;
}

/** The rows (and their places, index for index) without those a reviewer excluded. */
function withoutExcluded(rows: FigureRow[], places: NamePlace[], opts: ExtractOptions): { rows: FigureRow[]; places: NamePlace[] } {
  const exclude = new Set(opts.exclude ?? []);
  if (exclude.size === 0) return { rows, places };
  const starts = new Set(rows.map((r) => r.start));
  for (const start of exclude) {
    if (!starts.has(start)) throw new Error(`stale exclusion: ${opts.docId} @${start}`);
  }
  const keep = rows.map((r) => !exclude.has(r.start));
  return { rows: rows.filter((_, i) => keep[i]), places: places.filter((_, i) => keep[i]) };
}

/**
 * Extracts every figure of `text` in document order. Pure: no I/O, runs in the browser.
 * Row ids are `${docId}:0001`, `${docId}:0002` … in order of offset.
 */
export function extractFigures(text: string, opts: ExtractOptions): FigureRow[] {
  const lines = text.split('\n');
  const sections = sectionsByLine(lines);
  const parts = reportParts(lines, opts.published ?? '');
  const defaultSubject = opts.subject ?? jurisdictionFromTitle(opts.title ?? findTitle(text));
  const published = opts.published ?? '';
  const place = documentPlace(text, opts);
  // A work report delivered in year Y reviews Y−1: its outcomes describe the year before, unless dated.
  const reviewsYearBefore = opts.genre === 'work_report' || /工作报告/.test(opts.title ?? findTitle(text)) || /^\s*政\s*府\s*工\s*作\s*报\s*告\s*$/m.test(text.slice(0, 200));
  const rows: FigureRow[] = [];
  const places: NamePlace[] = [];
  let previousEnd = -1;
  let previousSentence = -1;
  let previousIndicator = '';
  let whole = '';
  const include = new Set(opts.include ?? []);
  const scannedAll = opts.numbers ?? scanNumbers(text, include);
  const tokenStarts = new Set(scannedAll.map((s) => s.token.start));
  for (const start of include) {
    if (!tokenStarts.has(start)) throw new Error(`stale addition: ${opts.docId} @${start}`);
  }
  const paragraphs = textUnits(text, isLineEnd);
  const sentences = textUnits(text, isSentenceEnd);
  const clauses = textUnits(text, isClauseEnd);
  const items = textUnits(text, isListEnd);
  let read = 0;
  for (const scanned of scannedAll) {
    opts.onProgress?.(read++, scannedAll.length);
    if (scanned.status !== 'candidate') continue;
    const c = scanned.candidate;
    const sentenceStart = sentences.start(c.outerStart);
    if (sentenceStart !== previousSentence) [previousIndicator, whole] = ['', ''];
    const clauseStart = clauses.start(c.outerStart);
    const clause = text.slice(clauseStart, c.outerStart);
    let quoteStart = clauseStart;
    while (/\s/.test(text[quoteStart] ?? '')) quoteStart++;
    const quote = text.slice(quoteStart, clauses.end(c.outerEnd));
    const listStart = Math.max(items.start(c.outerStart), previousEnd);
    const pre = text.slice(listStart, c.outerStart);
    const post = text.slice(c.outerEnd, items.end(c.outerEnd));
    const sentenceBefore = text.slice(sentenceStart, c.outerStart);
    const kind = kindOf(text, c);
    whole = wholeNamed(text.slice(sentenceStart, c.outerStart)) || whole;
    const subject = subjectFor(sentenceBefore, defaultSubject);
    const generic = indicatorFor({
      pre,
      post,
      unit: c.unit.unit,
      kind,
      qualifier: c.qualifier,
      previous: previousIndicator,
      whole,
      sentenceBefore,
      subjectWords: [subject, defaultSubject],
    });
    const named = kind === 'count' ? specificName(generic, { pre, post, unit: c.unit.unit, sentenceBefore }) : generic;
    // 新增A27家、B59家: every item of the list is new, not only the first.
    const indicator = kind === 'count' && /新增/.test(clause) && !named.includes('新增') && !/^新/.test(named) ? `新增${named}` : named;
    const period = findPeriods(sentenceBefore, sentenceStart, published).at(-1);
    const section = sections[c.line - 1] ?? { section: '', title: '' };
    const sentence = text.slice(sentenceStart, sentences.end(c.outerEnd));
    const periodFrom = period?.from ?? '';
    const periodEnd = period?.end ?? '';
    places.push({ post, sentenceStart });
    const valueBase = baseValue(text, c, kind);
    const meaning = basisOf({
      sentenceBefore, paragraphBefore: text.slice(paragraphs.start(c.outerStart), sentenceStart), published, periodEnd,
      level: kind !== 'growth_rate' && kind !== 'percent_share', reviewsYearBefore,
      part: parts[c.line - 1]?.part ?? '', partHeading: parts[c.line - 1]?.heading ?? '',
    });
    rows.push({
      id: '',
      doc_id: opts.docId,
      line: c.line,
      start: c.token.start,
      end: c.end,
      section: section.section,
      section_title: section.title,
      value: normalizeNumber(c.token.raw),
      unit: c.unit.unit,
      qualifier: c.qualifier,
      value_base: valueBase,
      base_unit: c.unit.spec.base,
      kind,
      agg: aggregationClass({
        kind, indicator, clauseBefore: clause, periodFrom, periodEnd,
        threshold: (c.qualifier === '以上' || c.qualifier === '以下') && /^[\u4e00-\u9fff]/.test(text.slice(c.outerEnd, c.outerEnd + 1)),
      }),
      period: period ? periodLabel(periodFrom, periodEnd, period.text) : '',
      period_start: periodFrom,
      period_end: periodEnd,
      fact_id: '',
      mention: 1,
      part_of: '',
      parts: 0,
      category: categorize({
        indicator,
        item: pre + post,
        sentence,
        sentenceAt: c.outerStart - sentenceStart,
        paragraph: lines[c.line - 1] ?? '',
        paragraphAt: c.outerStart - paragraphs.start(c.outerStart),
        sectionTitle: section.title,
        unit: c.unit.unit,
        kind,
      }),
      indicator,
      subject,
      metric: metricOf({ sentenceBefore, kind, base_unit: c.unit.spec.base, unit: c.unit.unit, after: text.slice(c.end, c.end + 2) }),
      basis: meaning.basis,
      data_year: meaning.data_year,
      // A zone the text names (高新区, 开发区) is a place within the document's, named with it so two districts' zones
      // stay apart; only when the figure's own clause names it (开发区固定资产投资完成50亿元): a zone named earlier in
      // a long sentence of the place's achievements does not make the place's later figures the zone's.
      place: subject !== defaultSubject && subject !== '' && clause.includes(subject) ? (place && !subject.startsWith(place) ? `${place}${subject}` : subject) : place,
      quote,
    });
    // A rate passes on its stem (…增加值增长15.5%, 占…的14.53% names the 增加值's share).
    if (kind === 'growth_rate') previousIndicator = indicator.replace(/(?:同比)?增长率$/, '') || previousIndicator;
    else if (kind !== 'percent_share') previousIndicator = indicator;
    previousEnd = c.outerEnd;
    previousSentence = sentenceStart;
  }
  const kept = withoutExcluded(rows, places, opts);
  kept.rows.forEach((r, i) => (r.id = `${opts.docId}:${String(i + 1).padStart(4, '0')}`));
  distinguishCollisions(kept.rows, kept.places);
  const corrected = applyOverrides(kept.rows, (opts.overrides ?? []).filter((o) => o.doc_id === opts.docId));
  // Facts and parts are read from the corrected names: an override that renames an indicator changes them.
  return assignParts(text, assignFacts(corrected));
}
