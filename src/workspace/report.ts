/**
 * A report an analyst added to the workspace: its text, what it is (metadata) and the reviewer's corrections.
 * The figures are never stored: `reportFigures` derives them from these, the same way in the browser and in the
 * CLI (`npm run extract -- --workspace <file>`), so both hold identical figures for one report.
 */
// The extractor's own module, not its index: the index also offers the overrides.csv parser, which the worker
// that runs this for pasted reports does not need.
import { extractFigures } from '../extract/extractFigures';
import type { ExtractOptions, FigureRow, Override } from '../extract';

/** What kind of document a report is (the metadata form offers these). */
export const GENRES = ['rectification', 'work_report', 'statistical_bulletin', 'investment_summary', 'other'] as const;
export type Genre = (typeof GENRES)[number];

/** What the metadata form asks for. */
export interface ReportMeta {
  title: string;
  publisher: string;
  /** The place the report is about (滨海新区, 某某县 …). */
  place: string;
  /** ISO date, YYYY-MM-DD. */
  published: string;
  genre: Genre;
  /** Where the text was published, or ''. */
  url: string;
}

/** The fields a report must have before it is saved. */
export const REQUIRED_META: readonly (keyof ReportMeta)[] = ['title', 'published', 'place'];

/** A correction of one figure, keyed by its start offset in the text (as `data/overrides.csv` rows are). */
export type Correction = Omit<Override, 'doc_id'>;

export interface WorkspaceReport extends ReportMeta {
  doc_id: string;
  text: string;
  /** SHA-256 of the text (hex): the same text added twice is found by it. */
  sha256: string;
  /** ISO timestamp of when it was added. */
  added_at: string;
  corrections: Correction[];
  /** Start offsets of figures the reviewer excluded as not figures. */
  excluded: number[];
  /** Start offsets of numbers the reviewer added as figures (selected in the text) that a rule had excluded. */
  included: number[];
}

/**
 * The figures of a report: the extractor's rules, then the reviewer's exclusions and corrections. `onProgress`
 * hears how many of the text's numbers have been read; `numbers` are the text's numbers when the caller has read
 * them already (see {@link ExtractOptions}).
 */
export function reportFigures(
  report: Pick<WorkspaceReport, 'doc_id' | 'text' | 'published' | 'title' | 'place' | 'genre' | 'corrections' | 'excluded' | 'included'>,
  { onProgress, numbers }: Pick<ExtractOptions, 'onProgress' | 'numbers'> = {},
): FigureRow[] {
  return extractFigures(report.text, {
    onProgress,
    numbers,
    docId: report.doc_id,
    published: report.published,
    title: report.title,
    place: report.place,
    genre: report.genre,
    overrides: report.corrections.map((c) => ({ ...c, doc_id: report.doc_id })),
    exclude: report.excluded,
    include: report.included,
  });
}

/** SHA-256 of a text's UTF-8 bytes, as hex (Web Crypto: the browser and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The document id of a report: its date and the first 8 hex digits of its text's hash. It depends only on what
 * the report is, so a workspace file read in another browser or by the CLI gives the same ids (and row ids).
 */
export function docIdFor(published: string, sha256: string): string {
  return `${published || 'undated'}-${sha256.slice(0, 8)}`;
}
