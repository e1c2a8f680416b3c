/**
 * The data shipped with the build: `data/figures.csv`, `data/documents.csv` and the source texts under
 * `data/source/`, all served as assets of our own origin.
 */
import figuresCsvUrl from '../../data/figures.csv?url';
import documentsCsvUrl from '../../data/documents.csv?url';
import type { TableSources } from '../db';
import { loadStoredImports } from './imports-store';

const sourceTextUrls = import.meta.glob('../../data/source/*.txt', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

async function fetchText(url: string, what: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (HTTP ${response.status})`);
  return response.text();
}

let sources: Promise<TableSources> | null = null;

/** The embedded CSV texts, fetched once and shared by the fast first render and the engine. */
export function loadEmbeddedSources(): Promise<TableSources> {
  sources ??= Promise.all([
    fetchText(figuresCsvUrl, 'data/figures.csv'),
    fetchText(documentsCsvUrl, 'data/documents.csv'),
  ]).then(
    // The analyst's own tables kept from earlier visits come with them (read only when the engine loads).
    ([figuresCsv, documentsCsv]) => ({ figuresCsv, documentsCsv, imports: loadStoredImports }),
    (error: unknown) => {
      sources = null;
      throw error;
    },
  );
  return sources;
}

/** The full text of a source document, by its `file` column in documents.csv (e.g. `source/x.txt`). */
export async function loadSourceText(file: string): Promise<string> {
  const key = `../../data/${file}`;
  const url = sourceTextUrls[key];
  if (!url) throw new Error(`The source document "${file}" is not part of this build`);
  return fetchText(url, file);
}
