import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { t } from '../../i18n/zh';
import { tableNameFromFile } from '../../data/import-csv';
import { importCsvTable, importsOptions, removeImportedTable } from '../../queries/imports-query';
import { useEngine, useLoadedWorkspace } from '../../app/engine-context';

/** The draft (table name and pasted text) is kept as it is typed: a reload never loses a paste. */
const DRAFT_KEY = 'figures-board:import-draft';

interface Draft {
  table: string;
  text: string;
}

function loadDraft(): Draft {
  try {
    const parsed = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    return { table: typeof parsed?.table === 'string' ? parsed.table : '', text: typeof parsed?.text === 'string' ? parsed.text : '' };
  } catch {
    return { table: '', text: '' };
  }
}

/** Writes the draft; false when the browser would not keep it (storage full or unavailable). */
function saveDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** How long typing may pause before the draft is written (a large paste is not rewritten on every key). */
const DRAFT_SAVE_MS = 400;

type Status =
  | { phase: 'idle' }
  | { phase: 'importing' }
  | { phase: 'done'; message: string; warning: string | null }
  | { phase: 'failed'; message: string };

/**
 * Imports an analyst's own table (pasted, or chosen as a file) into the engine for SQL. A text that fails is
 * refused with the row and column at fault and nothing loaded changes; the draft is kept until an import
 * succeeds. Imported tables are listed with their size and can be dropped.
 */
export function ImportPanel() {
  const client = useQueryClient();
  const engine = useEngine();
  const imports = useQuery(importsOptions(engine));
  const { importsNotRestored } = useLoadedWorkspace();
  const [draft, setDraftState] = useState(loadDraft);
  const [draftKept, setDraftKept] = useState(true);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const outcome = useRef<HTMLDivElement>(null);
  const errorId = useId();
  // The side panel scrolls: an outcome below its fold is brought into view.
  useEffect(() => {
    if (status.phase === 'done' || status.phase === 'failed') outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);
  const setDraft = (next: Draft) => setDraftState(next);
  useEffect(() => {
    const timer = setTimeout(() => setDraftKept(saveDraft(draft)), DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  // A draft still waiting to be written is written when the page goes away.
  useEffect(() => {
    const flush = () => saveDraft(draft);
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [draft]);
  const kept = imports.data?.kept ?? [];
  /** The list of imports and the workbench's schema, read again after a table came or went. */
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['imports'] }),
    client.invalidateQueries({ queryKey: ['schema'] }),
  ]);

  const run = async (text: string, table: string, fromDraft: boolean) => {
    if (status.phase === 'importing') return;
    setStatus({ phase: 'importing' });
    try {
      const outcome = await importCsvTable(engine, text, table, (imported) =>
        !kept.some((k) => k.table === imported.table) || window.confirm(t.imports.confirmReplace(imported.table)));
      if (!outcome) {
        setStatus({ phase: 'idle' });
        return;
      }
      const { imported, notKept } = outcome;
      setStatus({
        phase: 'done',
        message: t.imports.done(imported.table, imported.rows, imported.columns.length),
        warning: notKept ? t.imports.notKept(notKept) : null,
      });
      // The draft goes only once its table is safely kept for the next visit.
      if (fromDraft && !notKept) setDraft({ table: '', text: '' });
      await refresh();
    } catch (error) {
      setStatus({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const table = draft.table.trim() || tableNameFromFile(file.name, kept.map((k) => k.table));
    void run(await file.text(), table, false);
  };

  const remove = async (table: string) => {
    if (!window.confirm(t.imports.confirmRemove(table))) return;
    try {
      await removeImportedTable(engine, table);
      setStatus({ phase: 'idle' });
    } catch (error) {
      setStatus({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    await refresh();
  };

  const busy = status.phase === 'importing';
  return (
    <section className="wb-import" aria-label={t.imports.title}>
      <h3>{t.imports.title}</h3>
      <p className="muted">{t.imports.hint}</p>
      <label>
        {t.imports.tableName}
        <input type="text" value={draft.table} placeholder="my_table" spellCheck={false}
          onChange={(e) => setDraft({ ...draft, table: e.target.value })} />
      </label>
      <label>
        {t.imports.text}
        <textarea value={draft.text} rows={4} spellCheck={false} aria-describedby={errorId}
          aria-invalid={status.phase === 'failed'} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
      </label>
      {!draftKept && <p className="warning">{t.imports.draftNotKept}</p>}
      <div className="wb-import-actions">
        {/* Not disabled while busy (a disabled button would drop the keyboard focus): it ignores the press. */}
        <button type="button" className="primary" aria-disabled={busy || draft.text.trim() === ''}
          onClick={() => { if (!busy && draft.text.trim() !== '') void run(draft.text, draft.table.trim(), true); }}>
          {busy ? t.imports.importing : t.imports.submit}
        </button>
        <label className="file-button">
          {t.imports.file}
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" disabled={busy}
            onChange={(e) => void onFile(e)} />
        </label>
      </div>
      {/* Live regions present before their messages, so that screen readers announce them. */}
      <div ref={outcome}>
        <div role="alert" id={errorId}>
          {status.phase === 'failed' && (
            <div className="error-box" data-import="failed">
              <strong>{t.imports.failed}</strong>
              <p>{status.message}</p>
            </div>
          )}
        </div>
        <div role="status">
          {status.phase === 'done' && (
            <p data-import="done">
              {status.message}
              {status.warning && <><br /><span className="warning">{status.warning}</span></>}
            </p>
          )}
        </div>
      </div>
      <h4>{t.imports.tables}</h4>
      {importsNotRestored.map((p) => (
        <p key={p.table} className="warning" role="alert">{t.imports.notRestored(p.table, p.message)}</p>
      ))}
      {imports.data && imports.data.kept.length === 0 && <p className="muted">{t.imports.none}</p>}
      {imports.data && imports.data.kept.length > 0 && (
        <ul>
          {imports.data.kept.map((k) => (
            <li key={k.table} data-imported={k.table}>
              <code>{k.table}</code> <span className="muted">{t.imports.shape(k.rows, k.columns.length)}</span>{' '}
              <button type="button" className="link" aria-label={t.imports.remove(k.table)} disabled={busy}
                onClick={() => void remove(k.table)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
