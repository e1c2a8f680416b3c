/**
 * The workspace's data as the engine loads it: the build's own reports (`data/figures.csv`,
 * `data/documents.csv` and the texts under `data/source/`, served as assets of our own origin) and the reports
 * the analyst added (kept in the browser), with the analyst's own tables.
 */
import figuresCsvUrl from '../../data/figures.csv?url';
import documentsCsvUrl from '../../data/documents.csv?url';
import type { TableSources } from '../db';
import { parseCsvRecords } from './parse-csv';
import { loadStoredImports } from './imports-store';
import { loadKeptWorkspace, storeReports, type KeptWorkspace, type StoredReport } from './reports-store';
import { currentStamp } from './query-snapshot';
import { composeTableSources, figuresCurrent, withCurrentFigures, type ShippedData } from './workspace-sources';

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

/** The full text of a shipped document, by its `file` column in documents.csv (e.g. `source/x.txt`). */
export async function loadSourceText(file: string): Promise<string> {
  const key = `../../data/${file}`;
  const url = sourceTextUrls[key];
  if (!url) throw new Error(`The source document "${file}" is not part of this build`);
  return fetchText(url, file);
}

let shipped: Promise<ShippedData> | null = null;

/** The build's own reports, fetched once. */
function loadShipped(): Promise<ShippedData> {
  shipped ??= Promise.all([
    fetchText(figuresCsvUrl, 'data/figures.csv'),
    fetchText(documentsCsvUrl, 'data/documents.csv'),
  ]).then(async ([figuresCsv, documentsCsv]) => {
    const documents = parseCsvRecords(documentsCsv, ['doc_id', 'file']);
    const texts = await Promise.all(documents.filter((d) => d.file).map(async (d) => ({
      doc_id: d.doc_id ?? '', text: await loadSourceText(d.file ?? ''),
    })));
    return { figuresCsv, documentsCsv, texts };
  }).catch((error: unknown) => {
    shipped = null;
    throw error;
  });
  return shipped;
}

/** Reports whose kept figures could not be read or derived at start-up, with the reason (they stay kept). */
export const reportsNotLoaded: { doc_id: string; title: string; message: string }[] = [];

/**
 * The added reports with current figures: a report whose figures cannot be derived is left out of this load
 * (reported, and kept in storage, so nothing is lost); refreshed caches are written back, best effort.
 */
async function currentReports(kept: readonly StoredReport[]): Promise<StoredReport[]> {
  reportsNotLoaded.length = 0;
  const out: StoredReport[] = [];
  const refreshed: StoredReport[] = [];
  for (const report of kept) {
    try {
      const current = await withCurrentFigures(report);
      if (!figuresCurrent(report)) refreshed.push(current);
      out.push(current);
    } catch (error) {
      reportsNotLoaded.push({ doc_id: report.doc_id, title: report.title, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (refreshed.length > 0) void storeReports(refreshed).catch(() => undefined);
  return out;
}

/** The kept workspace, or nothing kept when storage cannot be read (then no version: `stamp` stays unset). */
const readKept = (): Promise<KeptWorkspace | null> => loadKeptWorkspace().catch(() => null);

let sources: Promise<TableSources> | null = null;

/**
 * The workspace's tables as CSV texts, composed once per load (see {@link forgetWorkspaceSources}). They carry
 * the workspace's stamp only when they hold all of what is kept under it: a load that could not read storage,
 * or left a report out, has none, so its answers are never kept as that version's.
 */
export function loadWorkspaceSources(): Promise<TableSources> {
  sources ??= Promise.all([loadShipped(), readKept()]).then(async ([data, kept]) => {
    const reports = await currentReports(kept?.reports ?? []);
    const hidden = kept?.hidden ?? [];
    const whole = kept !== null && reportsNotLoaded.length === 0;
    return {
      ...composeTableSources(data, reports, hidden), imports: loadStoredImports,
      stamp: (whole ? currentStamp(kept.version, reports.length, hidden.length) : null) ?? undefined,
    };
  }).catch((error: unknown) => {
    sources = null;
    throw error;
  });
  return sources;
}

/** Forgets the composed sources: the next load reads the kept reports again (after an add, a removal …). */
export function forgetWorkspaceSources(): void {
  sources = null;
}
