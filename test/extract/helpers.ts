import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { extractFigures, parseOverridesCsv, toFiguresCsv } from '../../src/extract/index';
import type { FigureRow } from '../../src/extract/index';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const read = (rel: string): string => readFileSync(resolve(ROOT, rel), 'utf8');

interface DocumentEntry {
  doc_id: string;
  title: string;
  published: string;
  file: string;
}

/** Every document of data/documents.csv with its text. */
export function documents(): Array<DocumentEntry & { text: string }> {
  const docs = Papa.parse<DocumentEntry>(read('data/documents.csv'), { header: true, skipEmptyLines: true }).data;
  return docs.map((d) => ({ ...d, text: read(`data/${d.file}`) }));
}

/** A fresh run over all documents, as `npm run extract` does it. */
export function freshRun(): { rows: FigureRow[]; csv: string } {
  const overrides = parseOverridesCsv(read('data/overrides.csv'));
  const rows = documents().flatMap((d) =>
    extractFigures(d.text, { docId: d.doc_id, published: d.published, title: d.title, overrides }),
  );
  return { rows, csv: toFiguresCsv(rows) };
}

/** Rows of a small text, for rule tests. */
export const figuresOf = (text: string, published = ''): FigureRow[] =>
  extractFigures(text, { docId: 't', published, subject: '本区' });
