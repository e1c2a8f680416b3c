/**
 * What the engine loads for the workspace: the shipped reports (the build's `data/` files) and the reports the
 * analyst added (kept in the browser), composed into one figures CSV, one documents CSV and one texts CSV, with
 * the lists of added and hidden documents. The one path by which every view's data arrives.
 */
import Papa from 'papaparse';
import { DOCUMENT_COLUMN_TYPES, type ReportRows, type TableSources } from '../db/tables';
import type { WorkspaceReport } from '../workspace';
import { EXTRACTOR, type StoredReport } from './reports-store';

/** The build's own reports: its figures and documents CSVs and each document's text. */
export interface ShippedData {
  figuresCsv: string;
  documentsCsv: string;
  texts: { doc_id: string; text: string }[];
}

/** The documents.csv columns, as the tables declare them (an added report fills each; `file` stays empty). */
const DOCUMENT_FIELDS = Object.keys(DOCUMENT_COLUMN_TYPES) as (keyof typeof DOCUMENT_COLUMN_TYPES)[];

const firstLineEnd = (csv: string): number => {
  const end = csv.indexOf('\n');
  return end < 0 ? csv.length : end + 1;
};

/** Whether a report's cached figures were made by this build's extractor. */
export function figuresCurrent(report: StoredReport): boolean {
  return report.figures !== null && report.figures.extractor === EXTRACTOR;
}

/**
 * The report with its figures derived (by this build's extractor) when the cache is missing or stale. The
 * extractor is loaded only then: a workspace whose caches are current starts without it.
 */
export async function withCurrentFigures(report: StoredReport): Promise<StoredReport> {
  if (figuresCurrent(report)) return report;
  const [{ reportFigures }, { toFiguresCsv }] = await Promise.all([import('../workspace/report'), import('../extract/toFiguresCsv')]);
  return { ...report, figures: { extractor: EXTRACTOR, csv: toFiguresCsv(reportFigures(report)) } };
}

/** documents.csv rows of added reports (`file` stays empty), with the header or without. */
function documentRows(reports: readonly WorkspaceReport[], header: boolean): string {
  const rows: Record<(typeof DOCUMENT_FIELDS)[number], string>[] = reports.map((r) => ({
    doc_id: r.doc_id, title: r.title, publisher: r.publisher, published: r.published, url: r.url, file: '',
    place: r.place, genre: r.genre,
  }));
  return `${Papa.unparse(rows, { header, columns: [...DOCUMENT_FIELDS], newline: '\n' })}\n`;
}

const textRows = (texts: readonly { doc_id: string; text: string }[]) =>
  `${Papa.unparse([...texts], { columns: ['doc_id', 'text'], newline: '\n' })}\n`;

/**
 * One added report's rows (its figures must be current), to add it to a loaded workspace or replace its
 * earlier version there (`appendReport`): the same rows a full load of the workspace gives it.
 */
export function reportRows(report: StoredReport, stamp?: string): ReportRows {
  const csv = report.figures?.csv;
  if (csv === undefined) throw new Error(`报告“${report.title}”的数字尚未提取`);
  return {
    doc_id: report.doc_id, figuresCsv: csv, documentsCsv: documentRows([report], true),
    textsCsv: textRows([{ doc_id: report.doc_id, text: report.text }]), stamp,
  };
}

/** The tables' CSV texts for the shipped data and the added reports (whose figures must be current). */
export function composeTableSources(
  shipped: ShippedData, reports: readonly StoredReport[], hidden: readonly string[],
): Omit<TableSources, 'imports'> {
  // The engine refuses a file whose lines end two ways: the shipped text is loaded as it is when nothing is
  // added; otherwise its line ends are made LF, as the extractor writes the added reports' rows.
  const header = shipped.figuresCsv.slice(0, firstLineEnd(shipped.figuresCsv)).replace(/\r?\n$/, '');
  const figures = [shipped.figuresCsv];
  for (const report of reports) {
    const csv = report.figures?.csv;
    if (csv === undefined) throw new Error(`报告“${report.title}”的数字尚未提取`);
    if (csv.slice(0, firstLineEnd(csv)).replace(/\r?\n$/, '') !== header) {
      throw new Error(`报告“${report.title}”的数字与本版本的列不一致，需要重新提取`);
    }
    figures.push(csv.slice(firstLineEnd(csv)));
  }
  if (reports.length > 0) {
    const shippedText = shipped.figuresCsv.replace(/\r\n/g, '\n');
    figures[0] = shippedText.endsWith('\n') ? shippedText : `${shippedText}\n`;
  }
  const documentsCsv = reports.length === 0
    ? shipped.documentsCsv
    : `${shipped.documentsCsv.replace(/\r\n/g, '\n').replace(/\n?$/, '\n')}${documentRows(reports, false)}`;
  const texts = [...shipped.texts, ...reports.map((r: WorkspaceReport) => ({ doc_id: r.doc_id, text: r.text }))];
  return {
    figuresCsv: figures.join(''),
    documentsCsv,
    textsCsv: textRows(texts),
    added: reports.map((r) => r.doc_id),
    hidden: [...hidden],
  };
}
