import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { t } from '../../i18n/zh';
import { tableNameFromFile } from '../../data/import-csv';
import { importCsvTable, importsOptions, removeImportedTable } from '../../queries/imports-query';
import { afterNextPaint } from '../../lib/idle';

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

function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the draft stays on screen; a failed import never clears it either.
  }
}

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
  const imports = useQuery(importsOptions());
  const [draft, setDraftState] = useState(loadDraft);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const outcome = useRef<HTMLDivElement>(null);
  // The side panel scrolls: an outcome below its fold is brought into view.
  useEffect(() => {
    if (status.phase === 'done' || status.phase === 'failed') outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [status]);
  const setDraft = (next: Draft) => {
    setDraftState(next);
    saveDraft(next);
  };

  const run = async (text: string, table: string, fromDraft: boolean) => {
    setStatus({ phase: 'importing' });
    try {
      // The check of a large text takes the page's thread for a while: the busy state is on screen first.
      await afterNextPaint();
      const { imported, notKept } = await importCsvTable(text, table);
      setStatus({
        phase: 'done',
        message: t.imports.done(imported.table, imported.rows, imported.columns.length),
        warning: notKept ? t.imports.notKept(notKept) : null,
      });
      if (fromDraft) setDraft({ table: '', text: '' });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['imports'] }),
        client.invalidateQueries({ queryKey: ['schema'] }),
      ]);
    } catch (error) {
      setStatus({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const table = draft.table.trim() || tableNameFromFile(file.name);
    void run(await file.text(), table, false);
  };

  const remove = async (table: string) => {
    try {
      await removeImportedTable(table);
      setStatus({ phase: 'idle' });
    } catch (error) {
      setStatus({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    await Promise.all([
      client.invalidateQueries({ queryKey: ['imports'] }),
      client.invalidateQueries({ queryKey: ['schema'] }),
    ]);
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
        <textarea value={draft.text} rows={4} spellCheck={false} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
      </label>
      <div className="wb-import-actions">
        <button type="button" className="primary" disabled={busy || draft.text.trim() === ''}
          onClick={() => void run(draft.text, draft.table.trim(), true)}>
          {busy ? t.imports.importing : t.imports.submit}
        </button>
        <label className="file-button">
          {t.imports.file}
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" disabled={busy}
            onChange={(e) => void onFile(e)} />
        </label>
      </div>
      <div ref={outcome}>
      {status.phase === 'failed' && (
        <div className="error-box" role="alert" data-import="failed">
          <strong>{t.imports.failed}</strong>
          <p>{status.message}</p>
        </div>
      )}
      {status.phase === 'done' && (
        <p role="status" data-import="done">
          {status.message}
          {status.warning && <><br /><span className="warning">{status.warning}</span></>}
        </p>
      )}
      </div>
      <h4>{t.imports.tables}</h4>
      {imports.data?.notRestored.map((p) => (
        <p key={p.table} className="warning" role="alert">{t.imports.notRestored(p.table, p.message)}</p>
      ))}
      {imports.data && imports.data.kept.length === 0 && <p className="muted">{t.imports.none}</p>}
      {imports.data && imports.data.kept.length > 0 && (
        <ul>
          {imports.data.kept.map((k) => (
            <li key={k.table} data-imported={k.table}>
              <code>{k.table}</code> <span className="muted">{t.imports.shape(k.rows, k.columns.length)}</span>{' '}
              <button type="button" className="link" aria-label={t.imports.remove(k.table)} onClick={() => void remove(k.table)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
