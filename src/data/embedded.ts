/**
 * The workspace's data as the engine loads it: the build's own reports (`data/figures.csv`,
 * `data/documents.csv` and the texts under `data/source/`, served as assets of our own origin) and the reports
 * the analyst added (kept in the browser), with the analyst's own tables.
 */
import figuresCsvUrl from '../../data/figures.csv?url';
import documentsCsvUrl from '../../data/documents.csv?url';
import type { NotLoadedReport, TableSources } from '../db';
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

/** The build's own reports: its figures and documents CSVs and each document's text. */
function loadShipped(): Promise<ShippedData> {
  return Promise.all([
    fetchText(figuresCsvUrl, 'data/figures.csv'),
    fetchText(documentsCsvUrl, 'data/documents.csv'),
  ]).then(async ([figuresCsv, documentsCsv]) => {
    const documents = parseCsvRecords(documentsCsv, ['doc_id', 'file']);
    const texts = await Promise.all(documents.filter((d) => d.file).map(async (d) => ({
      doc_id: d.doc_id ?? '', text: await loadSourceText(d.file ?? ''),
    })));
    return { figuresCsv, documentsCsv, texts };
  });
}

/**
 * The added reports with current figures: a report whose figures cannot be derived is left out of this load
 * (reported, and kept in storage, so nothing is lost); refreshed caches are written back, best effort.
 */
async function currentReports(kept: readonly StoredReport[]): Promise<{ reports: StoredReport[]; notLoaded: NotLoadedReport[] }> {
  const reports: StoredReport[] = [];
  const notLoaded: NotLoadedReport[] = [];
  const refreshed: StoredReport[] = [];
  for (const report of kept) {
    try {
      const current = await withCurrentFigures(report);
      if (!figuresCurrent(report)) refreshed.push(current);
      reports.push(current);
    } catch (error) {
      notLoaded.push({ doc_id: report.doc_id, title: report.title, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (refreshed.length > 0) void storeReports(refreshed).catch(() => undefined);
  return { reports, notLoaded };
}

/** The kept workspace, or nothing kept when storage cannot be read (then no version: `stamp` stays unset). */
const readKept = (): Promise<KeptWorkspace | null> => loadKeptWorkspace().catch(() => null);

/**
 * The workspace's tables as CSV texts, as the engine host loads them: created once at the composition root.
 * The build's data is fetched once; the kept reports are read again after {@link forget}. The sources carry the
 * workspace's stamp only when they hold all of what is kept under it: a load that could not read storage, or
 * left a report out, has none, so its answers are never kept as that version's.
 */
export class WorkspaceSources {
  private shipped: Promise<ShippedData> | null = null;
  private sources: Promise<TableSources> | null = null;

  load = (): Promise<TableSources> => {
    const shipped = (this.shipped ??= loadShipped().catch((error: unknown) => {
      this.shipped = null;
      throw error;
    }));
    this.sources ??= Promise.all([shipped, readKept()]).then(async ([data, kept]) => {
      const { reports, notLoaded } = await currentReports(kept?.reports ?? []);
      const hidden = kept?.hidden ?? [];
      const whole = kept !== null && notLoaded.length === 0;
      return {
        ...composeTableSources(data, reports, hidden), imports: loadStoredImports, notLoaded,
        stamp: (whole ? currentStamp(kept.version, reports.length, hidden.length) : null) ?? undefined,
      };
    }).catch((error: unknown) => {
      this.sources = null;
      throw error;
    });
    return this.sources;
  };

  /** Forgets the composed sources: the next load reads the kept reports again (after an add, a removal …). */
  forget = (): void => {
    this.sources = null;
  };
}
