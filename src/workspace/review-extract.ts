/**
 * What the add and review steps need from the extractor for one report: its figures as the rules find them
 * (before the reviewer's exclusions, so an excluded figure can be taken back), the figures with the review
 * applied (what is saved, as figures.csv text) and the coverage account, with each unaccounted digit run's
 * context for review. Pure, so it runs in a worker and in tests alike.
 */
// The extractor's modules, not its index (which would bring the overrides.csv parser into the worker).
import { coverageAccount } from '../extract/coverageAccount';
import { documentPlace } from '../extract/place';
import { toFiguresCsv } from '../extract/toFiguresCsv';
import { scanNumbers } from '../extract/scanNumbers';
import { matchUnit } from '../extract/units';
import type { ExclusionReason, FigureRow } from '../extract';
import { reportFigures, type WorkspaceReport } from './report';

export interface UnaccountedRun {
  start: number;
  end: number;
  digits: string;
  line: number;
  /** The text around the run, with the run itself at `[at, at + digits.length)`. */
  context: string;
  at: number;
}

/** A number of the text: a figure candidate, excluded by a rule (and whether a unit follows it), or unaccounted. */
export interface ReviewNumber {
  start: number;
  end: number;
  status: 'candidate' | 'excluded' | 'unaccounted';
  reason?: ExclusionReason;
  /** For an excluded number: a unit follows it (a reviewer may add any number; one without a unit is a bare count). */
  hasUnit?: boolean;
}

export interface ReviewExtraction {
  /** Every figure the rules find: no exclusion and no correction applied (the reviewer's edits go over these). */
  found: FigureRow[];
  /** The figures as saved: exclusions and corrections applied. */
  figures: FigureRow[];
  /** `figures` in the figures.csv contract. */
  csv: string;
  account: { extracted: number; excluded: number; byReason: Partial<Record<ExclusionReason, number>>; unaccounted: UnaccountedRun[] };
  /** Every number of the text, as the rules see it (a selection in the text is matched against these). */
  numbers: ReviewNumber[];
  /** The document's place the figures name (see `placedReview`: the review names the analyst's after). */
  place: string;
}

export type ReviewInput = Pick<WorkspaceReport, 'doc_id' | 'text' | 'published' | 'title' | 'place' | 'genre' | 'corrections' | 'excluded' | 'included'>;

/** Hears how far an extraction has come: the fraction of its work done, from 0 to 1. */
export type ExtractProgress = (fraction: number) => void;

/** The progress of a pass over the text's numbers, as the part `[from, to]` of the whole work. */
const stage = (onProgress: ExtractProgress | undefined, from: number, to: number) =>
  onProgress && ((done: number, total: number) => onProgress(from + ((to - from) * done) / Math.max(1, total)));

/** Reading the numbers into figures is nearly all of the work; the account and the numbers list are the rest. */
const FIGURES_SHARE = 0.9;

const CONTEXT = 24;

export function reviewExtraction(report: ReviewInput, onProgress?: ExtractProgress): ReviewExtraction {
  // Without exclusions and corrections the figures as saved are the rules' own: one pass makes both.
  const twoPasses = report.excluded.length > 0 || report.corrections.length > 0;
  const split = twoPasses ? FIGURES_SHARE / 2 : FIGURES_SHARE;
  // The text's numbers are read once: the figures, the account and the numbers list are all made of them.
  const scanned = scanNumbers(report.text, new Set(report.included));
  const found = reportFigures({ ...report, corrections: [], excluded: [] }, { onProgress: stage(onProgress, 0, split), numbers: scanned });
  // Offsets of figures the rules no longer find (the text was replaced) are dropped, not an error.
  const foundStarts = new Set(found.map((f) => f.start));
  const stillFound = report.excluded.filter((start) => foundStarts.has(start));
  const figures = twoPasses
    ? reportFigures({ ...report, excluded: stillFound }, { onProgress: stage(onProgress, split, FIGURES_SHARE), numbers: scanned })
    : found;
  onProgress?.(FIGURES_SHARE);
  // The rules' figures (no exclusion, no correction) are what the account covers: `found` is them.
  const account = coverageAccount(report.text, found, scanned);
  const numbers = scanned.map((s): ReviewNumber => {
    const { start, end } = s.token;
    if (s.status !== 'excluded') return { start, end, status: s.status };
    return { start, end, status: s.status, reason: s.reason, hasUnit: matchUnit(report.text, end) !== null };
  });
  const unaccounted = account.entries.filter((e) => e.status === 'unaccounted').map((e): UnaccountedRun => {
    const from = Math.max(0, e.start - CONTEXT);
    return {
      start: e.start, end: e.end, digits: e.digits, line: e.line,
      context: report.text.slice(from, Math.min(report.text.length, e.end + CONTEXT)).replace(/\s+/g, ' '),
      at: report.text.slice(from, e.start).replace(/\s+/g, ' ').length,
    };
  });
  const result = {
    found, figures, csv: toFiguresCsv(figures), numbers, place: documentPlace(report.text, report),
    account: { extracted: account.extracted, excluded: account.excluded, byReason: account.byReason, unaccounted },
  };
  onProgress?.(1);
  return result;
}

/** What saving a reviewed report needs: its figures as figures.csv text, and how many there are. */
export interface SavedFigures {
  csv: string;
  count: number;
}

/** The figures a reviewed report is saved with (one pass: no account, no numbers list). */
export function savedFigures(report: ReviewInput, onProgress?: ExtractProgress): SavedFigures {
  const figures = reportFigures(report, { onProgress: stage(onProgress, 0, FIGURES_SHARE) });
  const result = { csv: toFiguresCsv(figures), count: figures.length };
  onProgress?.(1);
  return result;
}
