import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useAppEngine } from '../../app/engine-context';
import type { ReportDraft } from '../../data/reports-store';
import { findSameText, reportFromDraft, saveReport } from '../../data/workspace-actions';
import { t } from '../../i18n/zh';
import { extractOffThread, figuresOffThread, type ExtractWorkers } from '../../workspace/extract-off-thread';
import { DRAFT_QUERIES } from '../../queries';
import type { Correction } from '../../workspace';
import type { SavedFigures } from '../../workspace/review-extract';
import { placedReview } from '../../workspace/review-place';
import { ErrorBox } from '../shared/QueryState';
import { ReviewFigures } from './ReviewFigures';

const NONE: number[] = [];

export interface ReviewStepProps {
  draft: ReportDraft;
  onChange: (draft: ReportDraft) => void;
  onDone: (message: string) => void;
  /** Where the extraction's worker, started ahead of time, waits. */
  workers?: ExtractWorkers;
}

/**
 * The review: the rules' figures, extracted off the page's thread with its progress shown (and a way back while
 * it runs), the reviewer's edits over them, then the report saved — unless it has no figure to keep, or its
 * text was kept meanwhile as another report (another tab).
 */
export function ReviewStep({ draft, onChange, onDone, workers }: ReviewStepProps) {
  const [progress, setProgress] = useState(0);
  // The rules' figures for this text (the review's edits go over them without extracting again). After a number
  // is added, the table stays while the text is extracted again.
  const extraction = useQuery({
    queryKey: [DRAFT_QUERIES, 'extraction', draft.text, draft.meta.published, draft.meta.title, draft.meta.place, draft.meta.genre, draft.included ?? []],
    queryFn: async ({ signal }) => {
      setProgress(0);
      const report = { ...(await reportFromDraft(draft)), corrections: [], excluded: [] };
      // Extracted without the place (so the one started as the form showed serves whatever place is settled).
      return placedReview(await extractOffThread(report, { signal, onProgress: setProgress, workers }), report.place);
    },
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  const rules = extraction.data && !extraction.isPlaceholderData ? extraction.data : null;
  const foundStarts = useMemo(() => new Set(extraction.data?.found.map((f) => f.start)), [extraction.data]);
  // Exclusions of figures the rules no longer find were dropped from the review: so they are from the report.
  const excluded = draft.excluded.filter((start) => foundStarts.has(start));
  const [saveProgress, setSaveProgress] = useState(0);
  // The figures the report is saved with, derived while the analyst reviews (again after each edit), so saving
  // does not wait for them: without edits they are the rules' own, which the review's extraction made already.
  const saved = queryOptions({
    queryKey: [DRAFT_QUERIES, 'saved', draft.text, draft.meta.published, draft.meta.title, draft.meta.place, draft.meta.genre, draft.included ?? [], draft.corrections, excluded],
    queryFn: async ({ signal }): Promise<SavedFigures> => {
      if (!rules) throw new Error(t.reports.review.notExtracted);
      if (draft.corrections.length === 0 && excluded.length === 0) return { csv: rules.csv, count: rules.figures.length };
      setSaveProgress(0);
      return figuresOffThread(await reportFromDraft({ ...draft, excluded }), { signal, onProgress: setSaveProgress });
    },
    enabled: rules !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const derived = useQuery(saved);
  const queryClient = useQueryClient();
  const { addReport } = useAppEngine();
  const [saving, setSaving] = useState<'deriving' | 'loading' | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The table renders again only when the review changes (not as saving progresses).
  const onEdit = useCallback((corrections: Correction[], excluded: number[], included: number[]) =>
    onChange({ ...draft, corrections, excluded, included }), [draft, onChange]);

  if (extraction.isError) return <ErrorBox error={extraction.error} onRetry={() => void extraction.refetch()} />;
  if (!extraction.data) {
    return <ExtractProgress fraction={progress} label={t.reports.review.extractProgress} onCancel={() => onChange({ ...draft, step: 'meta' })} />;
  }
  const { found } = extraction.data;
  const kept = found.length - excluded.length;
  const refusal = found.length === 0 ? t.reports.review.noFigures : kept === 0 ? t.reports.review.nothingKept : null;

  const save = async () => {
    setSaving('deriving');
    setError(null);
    try {
      const report = await reportFromDraft({ ...draft, excluded });
      const same = await findSameText(report.text);
      if (same && same.doc_id !== draft.replaces && same.doc_id !== report.doc_id) throw new Error(t.reports.review.sameOnSave(same.title));
      // Ready since the last edit, or being derived: then this waits for it.
      const figures = await queryClient.fetchQuery(saved);
      const kept = await saveReport(report, figures.csv);
      setSaving('loading');
      await addReport(kept);
      onDone(t.reports.saved(report.title, figures.count));
    } catch (e) {
      setError(e);
      setSaving(null);
    }
  };
  return (
    <div className="step-body">
      {extraction.isPlaceholderData && <ExtractProgress fraction={progress} label={t.reports.review.extractProgress} />}
      <ReviewFigures text={draft.text} extraction={extraction.data} corrections={draft.corrections} excluded={draft.excluded}
        included={draft.included ?? NONE} onChange={onEdit} />
      {refusal && <p className="error-text" role="alert">{refusal}</p>}
      {error !== null && <ErrorBox error={error} />}
      {saving === 'deriving' && derived.isFetching && <ExtractProgress fraction={saveProgress} label={t.reports.review.saveProgress} />}
      <div className="step-nav">
        {saving === 'loading' && <span className="muted" role="status">{t.reports.review.loading}</span>}
        <button type="button" onClick={() => onChange({ ...draft, step: 'meta' })} disabled={saving !== null}>{t.reports.back}</button>
        <button type="button" className="primary" onClick={() => void save()}
          disabled={saving !== null || refusal !== null || extraction.isPlaceholderData}>
          {saving === null ? t.reports.review.save : t.reports.review.saving}
        </button>
      </div>
    </div>
  );
}

/** How far an extraction has come, as a bar and a percentage, with a way to stop it where there is one. */
function ExtractProgress({ fraction, label, onCancel }: { fraction: number; label: (percent: number) => string; onCancel?: () => void }) {
  const text = label(Math.floor(fraction * 100));
  return (
    <div className="loading" data-testid="extract-progress">
      <progress value={fraction} max={1} aria-label={text} />
      <span>{text}</span>
      {onCancel && <button type="button" onClick={onCancel}>{t.reports.review.cancelExtraction}</button>}
    </div>
  );
}
