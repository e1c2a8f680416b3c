/** Workspace reports made from the test fixtures (texts written for these tests, not real reports). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredReport } from '../../src/data/reports-store';
import { docIdFor, guessMetadata, sha256Hex, type WorkspaceReport } from '../../src/workspace';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const ROOT = join(__dirname, '..', '..');

export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** A report as the add flow makes it: the text, the guessed metadata, no corrections yet. */
export async function fixtureReport(name: string, changes: Partial<WorkspaceReport> = {}): Promise<WorkspaceReport> {
  const text = fixtureText(name);
  const sha256 = await sha256Hex(text);
  const meta = guessMetadata(text);
  return {
    ...meta, doc_id: docIdFor(meta.published, sha256), text, sha256, added_at: '2026-12-01T08:00:00.000Z',
    corrections: [], excluded: [], included: [], ...changes,
  };
}

export const stored = (report: WorkspaceReport): StoredReport => ({ ...report, figures: null });

/** The build's shipped data, read as the browser fetches it. */
export function shippedData() {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  return {
    figuresCsv: read('data/figures.csv'),
    documentsCsv: read('data/documents.csv'),
    texts: [{ doc_id: 'binhai-2022-08-04', text: read('data/source/binhai-2022-08-04.txt') }],
  };
}
