import { useEffect, useId, useState } from 'react';
import type { ReportDraft } from '../../data/reports-store';
import { findSameText, missingMeta, reportFromDraft } from '../../data/workspace-actions';
import { t } from '../../i18n/zh';
import {
  decodeReportBytes, DecodeError, GENRES, guessMetadata, REQUIRED_META, TEXT_ENCODINGS, type ReportMeta, type TextEncodingName,
} from '../../workspace';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS, textProblem, type TextProblem } from '../../workspace/source-check';
import { ExtractWorkers } from '../../workspace/extract-off-thread';
import { ErrorBox } from '../shared/QueryState';
import { ReviewStep } from './ReviewStep';
import { reviseDraft } from './revise-draft';

export interface AddReportProps {
  draft: ReportDraft;
  /** Every edit: the draft is kept as it changes, so a reload loses nothing. */
  onChange: (draft: ReportDraft) => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Adding (or revising) a report: its text, what it is, then its figures reviewed before it is saved. */
export function AddReport({ draft, onChange, onDone, onCancel }: AddReportProps) {
  const steps = ['source', 'meta', 'review'] as const;
  // The review's extraction starts as the form is shown (with the title and date the text suggests), so the
  // review comes sooner; a changed title or date is extracted again when the review asks.
  const [workers] = useState(() => new ExtractWorkers());
  useEffect(() => {
    // Once: while one is ahead, later edits of the form start nothing (nor read the report they revise again).
    if (draft.step !== 'meta' || workers.started) return;
    void reportFromDraft(draft).then((report) => workers.prepare({ ...report, corrections: [], excluded: [] }), () => {});
  }, [draft, workers]);
  useEffect(() => () => workers.dispose(), [workers]);
  return (
    <section className="add-report" aria-labelledby="add-report-heading">
      <header className="reports-head">
        <h2 id="add-report-heading">{draft.replaces ? `${t.reports.reviewAction}：${draft.meta.title}` : t.reports.add}</h2>
        <ol className="steps" aria-label={t.reports.add}>
          {steps.map((s) => <li key={s} aria-current={draft.step === s ? 'step' : undefined}>{t.reports.steps[s]}</li>)}
        </ol>
        <button type="button" onClick={() => window.confirm(t.reports.confirmCancel) && onCancel()}>{t.reports.cancel}</button>
      </header>
      {draft.step === 'source' && <SourceStep draft={draft} onChange={onChange} />}
      {draft.step === 'meta' && <MetaStep draft={draft} onChange={onChange} />}
      {draft.step === 'review' && <ReviewStep draft={draft} onChange={onChange} onDone={onDone} workers={workers} />}
    </section>
  );
}

function SourceStep({ draft, onChange }: Pick<AddReportProps, 'draft' | 'onChange'>) {
  const [text, setText] = useState(draft.text);
  const [fileName, setFileName] = useState(draft.fileName);
  const [bytes, setBytes] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [encoding, setEncoding] = useState<TextEncodingName | ''>('');
  const [error, setError] = useState<Error | null>(null);
  const [status, setStatus] = useState('');
  const textId = useId();
  // What is pasted is kept as it is typed (a moment after the last key), so a reload loses none of it; a changed
  // text drops the review made for the old one (its offsets would point elsewhere).
  useEffect(() => {
    if (text === draft.text) return;
    const timer = setTimeout(() => onChange({ ...draft, text, fileName, corrections: [], excluded: [], included: [] }), 400);
    return () => clearTimeout(timer);
  }, [text, fileName, draft, onChange]);

  const decode = (file: { name: string; data: Uint8Array }, chosen: TextEncodingName | '') => {
    try {
      const decoded = decodeReportBytes(file.data, file.name, chosen || undefined);
      setText(decoded.text);
      setFileName(file.name);
      setStatus(t.reports.source.decoded(file.name, decoded.encoding));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      setStatus('');
    }
  };
  const onFile = async (file: File) => {
    // Word, web pages and PDFs are read by a reader loaded only now; anything else is taken as plain text.
    const { documentFormat, readDocumentText, unsupportedFile } = await import('../../workspace/read-document');
    const format = documentFormat(file.name, file.type);
    // What cannot be a report's text is refused before it is read: an image, a spreadsheet, a text file too large.
    const refused = unsupportedFile(file.name, file.type)
      ?? (!format && file.size > MAX_FILE_BYTES ? new Error(t.reports.source.fileTooLarge(file.name, file.size, MAX_FILE_BYTES, MAX_TEXT_CHARS)) : null);
    if (refused) {
      setStatus('');
      setBytes(null);
      setError(refused);
      return;
    }
    const data = new Uint8Array(await file.arrayBuffer());
    if (format) {
      setStatus(t.reports.source.reading(file.name));
      setError(null);
      setBytes(null);
      try {
        setText(await readDocumentText(data, file.name, format));
        setFileName(file.name);
        setStatus(t.reports.source.read(file.name));
      } catch (e) {
        setStatus('');
        setError(e instanceof Error ? e : new Error(String(e)));
      }
      return;
    }
    setBytes({ name: file.name, data });
    decode({ name: file.name, data }, encoding);
  };
  const next = async () => {
    const problem = textProblem(text);
    if (problem) {
      setError(new Error(problemMessage(problem)));
      return;
    }
    // The same text kept already (same SHA-256) is not added twice: the analyst may open the kept one instead.
    const same = await findSameText(text).catch(() => null);
    if (same && same.doc_id !== draft.replaces) {
      if (window.confirm(t.reports.source.sameAsk(same.title))) onChange(reviseDraft(same, 'review'));
      else setError(new Error(t.reports.source.same(same.title)));
      return;
    }
    const guessed = guessMetadata(text);
    // A revision keeps what the analyst entered; a new report starts from what the text says.
    const meta = draft.replaces ? draft.meta : guessed;
    const unchanged = text === draft.text;
    onChange({
      ...draft, step: 'meta', text, fileName, meta,
      corrections: unchanged ? draft.corrections : [], excluded: unchanged ? draft.excluded : [],
      included: unchanged ? (draft.included ?? []) : [],
    });
  };
  const unsure = error instanceof DecodeError && (error.reason === 'unsure' || error.reason === 'invalid');
  return (
    <div className="step-body">
      <label htmlFor={textId}>{t.reports.source.paste}</label>
      <p className="muted">{t.reports.source.pasteHint}</p>
      <textarea id={textId} className="report-text-input" value={text} rows={16} spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setFileName('');
          setStatus('');
        }} />
      <div className="step-row">
        <label className="file-pick">
          {t.reports.source.file}
          <input type="file" accept=".txt,.docx,.html,.htm,.pdf,text/plain" data-testid="report-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void onFile(file);
            }} />
        </label>
        {(unsure || encoding) && bytes && (
          <label>
            {t.reports.source.encoding}{' '}
            <select value={encoding} onChange={(e) => {
              const chosen = e.target.value as TextEncodingName | '';
              setEncoding(chosen);
              decode(bytes, chosen);
            }}>
              <option value="">{t.reports.source.encodingAuto}</option>
              {TEXT_ENCODINGS.map((enc) => <option key={enc} value={enc}>{enc === 'gb18030' ? 'GBK / GB18030' : enc.toUpperCase()}</option>)}
            </select>
          </label>
        )}
        {status && <span className="muted" role="status">{status}</span>}
      </div>
      {error && <ErrorBox error={error} />}
      <div className="step-nav">
        <button type="button" className="primary" onClick={() => void next()}>{t.reports.next}</button>
      </div>
    </div>
  );
}

function problemMessage(problem: TextProblem): string {
  switch (problem.reason) {
    case 'empty':
      return t.reports.source.empty;
    case 'no_digits':
      return t.reports.source.noDigits;
    case 'too_large':
      return t.reports.source.tooLarge(problem.chars, problem.bytes, problem.limit);
  }
}

const META_FIELDS: readonly (keyof ReportMeta)[] = ['title', 'publisher', 'place', 'published', 'genre', 'url'];

function MetaStep({ draft, onChange }: Pick<AddReportProps, 'draft' | 'onChange'>) {
  const [meta, setMeta] = useState(draft.meta);
  const [tried, setTried] = useState(false);
  // Kept as it is typed, like the text.
  useEffect(() => {
    if (JSON.stringify(meta) === JSON.stringify(draft.meta)) return;
    const timer = setTimeout(() => onChange({ ...draft, meta }), 400);
    return () => clearTimeout(timer);
  }, [meta, draft, onChange]);
  const missing = missingMeta(meta, REQUIRED_META);
  const badDate = meta.published !== '' && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(meta.published);
  const id = useId();
  const field = (key: keyof ReportMeta) => {
    const required = REQUIRED_META.includes(key);
    const invalid = tried && (missing.includes(key) || (key === 'published' && badDate));
    const common = {
      id: `${id}-${key}`, value: meta[key], 'aria-invalid': invalid || undefined, 'aria-required': required || undefined,
    };
    return (
      <div className={`meta-field${invalid ? ' invalid' : ''}`} key={key}>
        <label htmlFor={`${id}-${key}`}>
          {t.reports.meta[key]}{required && <span className="required"> *{t.reports.meta.required}</span>}
        </label>
        {key === 'genre' ? (
          <select {...common} onChange={(e) => setMeta({ ...meta, genre: e.target.value as ReportMeta['genre'] })}>
            {GENRES.map((g) => <option key={g} value={g}>{t.reports.genres[g]}</option>)}
          </select>
        ) : (
          <input {...common} type={key === 'published' ? 'date' : key === 'url' ? 'url' : 'text'}
            onChange={(e) => setMeta({ ...meta, [key]: e.target.value })} />
        )}
      </div>
    );
  };
  return (
    <div className="step-body">
      <p className="muted">{t.reports.meta.guessed}</p>
      <form className="meta-form" onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (missing.length === 0 && !badDate) onChange({ ...draft, meta: { ...meta, title: meta.title.trim(), place: meta.place.trim() }, step: 'review' });
      }}>
        {META_FIELDS.map(field)}
        {tried && (missing.length > 0 || badDate) && (
          <p className="error-text" role="alert">{t.reports.meta.missing(missing.map((k) => t.reports.meta[k]).join('、') || t.reports.meta.published)}</p>
        )}
        <div className="step-nav">
          <button type="button" onClick={() => onChange({ ...draft, meta, step: 'source' })}>{t.reports.back}</button>
          <button type="submit" className="primary">{t.reports.extract}</button>
        </div>
      </form>
    </div>
  );
}
