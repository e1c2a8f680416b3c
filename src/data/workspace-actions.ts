/**
 * The changes an analyst makes to the workspace — save a reviewed report, remove one, hide a shipped one,
 * import a workspace file — each written to the browser's storage in one transaction; the caller then loads the
 * kept workspace into the engine again (the app's `reloadWorkspace`). A change that cannot be written leaves what
 * was kept as it was.
 */
import { docIdFor, parseWorkspaceFile, serializeWorkspace, sha256Hex, type ReportMeta, type WorkspaceReport } from '../workspace';
import {
  deleteStoredReport, EXTRACTOR, findStoredReportBySha, loadHiddenReports, loadStoredReport, loadStoredReports, storeHiddenReports,
  storeReports, storeReportsFromDraft, type ReportDraft, type StoredReport,
} from './reports-store';
import { withCurrentFigures } from './workspace-sources';

/** A kept report whose text is the same as `text`, if any (the same text is not added twice). */
export async function findSameText(text: string): Promise<StoredReport | null> {
  const sha = await sha256Hex(text);
  return findStoredReportBySha(sha);
}

/**
 * The report a draft becomes: a new report gets an id from its date and text; a revised one keeps its id, so
 * links to its figures stay valid.
 */
export async function reportFromDraft(draft: ReportDraft, now = new Date()): Promise<WorkspaceReport> {
  const sha256 = await sha256Hex(draft.text);
  const kept = draft.replaces ? await loadStoredReport(draft.replaces) : null;
  return {
    ...draft.meta,
    doc_id: kept?.doc_id ?? docIdFor(draft.meta.published, sha256),
    text: draft.text,
    sha256,
    added_at: kept?.added_at ?? now.toISOString(),
    corrections: draft.corrections,
    excluded: draft.excluded,
    included: draft.included ?? [],
  };
}

/** Keeps a reviewed report with its figures (figures.csv text made by this build's extractor); returns it as kept. */
export async function saveReport(report: WorkspaceReport, figuresCsv: string): Promise<StoredReport> {
  const kept: StoredReport = { ...report, figures: { extractor: EXTRACTOR, csv: figuresCsv } };
  await storeReportsFromDraft([kept]);
  return kept;
}

export async function removeReport(docId: string): Promise<void> {
  await deleteStoredReport(docId);
}

/** Hides a shipped report (its figures are no longer loaded) or shows it again. */
export async function setReportHidden(docId: string, hidden: boolean): Promise<void> {
  const now = new Set(await loadHiddenReports());
  if (hidden) now.add(docId);
  else now.delete(docId);
  await storeHiddenReports([...now]);
}

/** The kept workspace as one file's text (reports without their derived figures, and the hidden list). */
export async function exportWorkspaceFile(): Promise<string> {
  const [reports, hidden] = await Promise.all([loadStoredReports(), loadHiddenReports()]);
  return serializeWorkspace(reports.map(({ figures: _figures, ...report }) => report), hidden);
}

/** What importing a workspace file would do, for the analyst to confirm. */
export interface WorkspaceImportPlan {
  reports: WorkspaceReport[];
  hidden: string[];
  /** doc_ids of kept reports the file replaces. */
  replaced: string[];
}

export async function planWorkspaceImport(json: string, fileName: string): Promise<WorkspaceImportPlan> {
  const file = parseWorkspaceFile(json, fileName);
  const kept = new Set((await loadStoredReports()).map((r) => r.doc_id));
  return { reports: file.reports, hidden: file.hidden, replaced: file.reports.filter((r) => kept.has(r.doc_id)).map((r) => r.doc_id) };
}

/**
 * Imports a planned workspace file: every report's figures are derived first (a report whose corrections no
 * longer fit its text fails the whole import, naming it), then all are kept in one transaction.
 */
export async function importWorkspace(plan: WorkspaceImportPlan): Promise<void> {
  const derived: StoredReport[] = [];
  for (const report of plan.reports) {
    try {
      derived.push(await withCurrentFigures({ ...report, figures: null }));
    } catch (error) {
      throw new Error(`报告“${report.title}”（${report.doc_id}）的数字无法提取：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const hidden = [...new Set([...(await loadHiddenReports()), ...plan.hidden])];
  await storeReports(derived, hidden);
}

/** Every field the metadata form requires that is still empty. */
export function missingMeta(meta: ReportMeta, required: readonly (keyof ReportMeta)[]): (keyof ReportMeta)[] {
  return required.filter((key) => String(meta[key]).trim() === '');
}
