import { useState, type FormEvent } from 'react';
import { navigate, pageSearch } from '../../app/useAppState';
import { t } from '../../i18n/zh';
import { savedQuerySearch } from '../compare/saved-query-url';
import { addSavedQuery, loadSavedQueries, storeSavedQueries, type SavedQueriesState } from './saved-queries';

export interface SavedQueriesApi extends SavedQueriesState {
  /** Saves (or replaces) a named query; returns the message to show. */
  save: (name: string, sql: string) => string;
  remove: (name: string) => void;
}

/** The saved queries and their storage: read once, written on every change. */
export function useSavedQueries(): SavedQueriesApi {
  const [state, setState] = useState<SavedQueriesState>(() => loadSavedQueries());
  const write = (queries: SavedQueriesState['queries']): string | null => {
    const failure = storeSavedQueries(queries);
    // After a successful write an earlier read problem is over: unreadable text was set aside, not lost.
    setState({ queries, problem: failure });
    return failure;
  };
  return {
    ...state,
    save: (name, sql) => write(addSavedQuery(state.queries, name, sql)) ?? t.savedQueries.saved(name.trim()),
    remove: (name) => void write(state.queries.filter((q) => q.name !== name)),
  };
}

/** The 保存 action: asks for a name, then saves the editor's SQL under it. */
export function SaveQueryForm({ sql, saved }: { sql: string; saved: SavedQueriesApi }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const s = t.savedQueries;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '' || sql.trim() === '') return;
    setStatus(saved.save(name, sql));
    setNaming(false);
  };
  if (!naming) {
    return (
      <>
        <button type="button" disabled={sql.trim() === ''} onClick={() => { setNaming(true); setStatus(''); }}>{s.save}</button>
        {status && <span className="muted" role="status">{status}</span>}
      </>
    );
  }
  return (
    <form className="wb-save" onSubmit={submit}>
      <input aria-label={s.name} placeholder={s.name} value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={name.trim() === ''}>{s.confirm}</button>
      <button type="button" onClick={() => setNaming(false)}>{s.cancel}</button>
    </form>
  );
}

/** The list beside the editor: load a saved query, open it on the Compare page, or delete it. */
export function SavedQueryList({ saved, onLoad }: { saved: SavedQueriesApi; onLoad: (sql: string) => void }) {
  const s = t.savedQueries;
  return (
    <section className="wb-saved" aria-label={s.title}>
      <h3>{s.title}</h3>
      {saved.problem && <p className="error-box" role="alert">{saved.problem}</p>}
      {saved.queries.length === 0 ? <p className="muted">{s.none}</p> : (
        <ul>
          {saved.queries.map((q) => (
            <li key={q.name} data-saved-query={q.name}>
              <button type="button" className="link" title={q.sql} aria-label={s.load(q.name)} onClick={() => onLoad(q.sql)}>{q.name}</button>
              <a href={savedQuerySearch(pageSearch(), q.sql)} onClick={(e) => {
                e.preventDefault();
                navigate(savedQuerySearch(pageSearch(), q.sql), false);
              }}>{s.openOnCompare}</a>
              <button type="button" className="link" aria-label={s.remove(q.name)} onClick={() => saved.remove(q.name)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
