import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useAppEngine } from '../../app/engine-context';
import type { ReportDraft } from '../../data/reports-store';
import { findSameText, reportFromDraft, saveReport } from '../../data/workspace-actions';
import { t } from '../../i18n/zh';
import { extractOffThread, figuresOffThread } from '../../workspace/extract-off-thread';
import { ErrorBox } from '../shared/QueryState';
import { ReviewFigures } from './ReviewFigures';

export interface ReviewStepProps {
  draft: ReportDraft;
  onChange: (draft: ReportDraft) => void;
  onDone: (message: string) => void;
}

/**
 * The review: the rules' figures, extracted off the page's thread with its progress shown (and a way back while
 * it runs), the reviewer's edits over them, then the report saved — unless it has no figure to keep, or its
 * text was kept meanwhile as another report (another tab).
 */
export function ReviewStep({ draft, onChange, onDone }: ReviewStepProps) {
  const [progress, setProgress] = useState(0);
  // The rules' figures for this text (the review's edits go over them without extracting again). After a number
  // is added, the table stays while the text is extracted again.
  const extraction = useQuery({
    queryKey: ['review-extraction', draft.text, draft.meta.published, draft.meta.title, draft.included ?? []],
    queryFn: async ({ signal }) => {
      setProgress(0);
      const report = { ...(await reportFromDraft(draft)), corrections: [], excluded: [] };
      return extractOffThread(report, { signal, onProgress: setProgress });
    },
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  const { addReport } = useAppEngine();
  const [saving, setSaving] = useState<number | 'loading' | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (extraction.isError) return <ErrorBox error={extraction.error} onRetry={() => void extraction.refetch()} />;
  if (!extraction.data) {
    return <ExtractProgress fraction={progress} label={t.reports.review.extractProgress} onCancel={() => onChange({ ...draft, step: 'meta' })} />;
  }
  const { found } = extraction.data;
  const isFound = (start: number) => found.some((f) => f.start === start);
  const kept = found.length - draft.excluded.filter(isFound).length;
  const refusal = found.length === 0 ? t.reports.review.noFigures : kept === 0 ? t.reports.review.nothingKept : null;

  const save = async () => {
    setSaving(0);
    setError(null);
    try {
      // Exclusions of figures the rules no longer find were dropped from the review: so they are from the report.
      const report = await reportFromDraft({ ...draft, excluded: draft.excluded.filter(isFound) });
      const same = await findSameText(report.text);
      if (same && same.doc_id !== draft.replaces && same.doc_id !== report.doc_id) throw new Error(t.reports.review.sameOnSave(same.title));
      const figures = await figuresOffThread(report, { onProgress: setSaving });
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
        included={draft.included ?? []} onChange={(corrections, excluded, included) => onChange({ ...draft, corrections, excluded, included })} />
      {refusal && <p className="error-text" role="alert">{refusal}</p>}
      {error !== null && <ErrorBox error={error} />}
      {typeof saving === 'number' && <ExtractProgress fraction={saving} label={t.reports.review.saveProgress} />}
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
