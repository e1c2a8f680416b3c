import type { ReportDraft } from '../../data/reports-store';
import type { WorkspaceReport } from '../../workspace';

/**
 * The draft that revises a kept report: reviewed again (its text, metadata and review as kept) or given a new
 * text (its metadata kept, the review of the old text dropped, since its offsets would point elsewhere).
 */
export function reviseDraft(kept: WorkspaceReport, action: 'review' | 'replace'): ReportDraft {
  const { title, publisher, place, published, genre, url } = kept;
  const meta = { title, publisher, place, published, genre, url };
  if (action === 'replace') {
    return { replaces: kept.doc_id, step: 'source', text: '', fileName: '', meta, corrections: [], excluded: [], included: [] };
  }
  return {
    replaces: kept.doc_id, step: 'review', text: kept.text, fileName: '', meta,
    corrections: kept.corrections, excluded: kept.excluded, included: kept.included ?? [],
  };
}
