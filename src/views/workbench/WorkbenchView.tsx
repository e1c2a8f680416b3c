import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { EChart } from '../../charts/EChart';
import { t } from '../../i18n/zh';
import {
  WorkbenchError, cancelReadOnly, readOnlyRunner, runWorkbenchQuery, schemaOptions, type SchemaColumnRow, type WorkbenchResult,
} from '../../queries';
import { QueryState } from '../shared/QueryState';
import { addToHistory, loadHistory, saveHistory } from './query-history';
import { resultTable } from '../compare/saved-chart-option';
import { ImportPanel } from './ImportPanel';
import { ResultTable } from './ResultTable';
import { SaveQueryForm, SavedQueryList, useSavedQueries } from './SavedQueries';
import { buildWorkbenchChartOption, pickChartColumns } from './workbench-chart-option';
import { useEngine, useRunner } from '../../app/engine-context';
import { SAMPLE_SQL } from './sample-query';

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; id: number }
  | { phase: 'done'; result: WorkbenchResult }
  | { phase: 'failed'; error: WorkbenchError };

/** A read-only SQL editor over the loaded tables: schema beside it, results as a table or a quick chart. */
export function WorkbenchView() {
  const engine = useEngine();
  const [text, setText] = useState(() => loadHistory()[0] ?? SAMPLE_SQL);
  const [history, setHistory] = useState(loadHistory);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const saved = useSavedQueries();
  const runId = useRef(0);
  const editor = useRef<HTMLTextAreaElement>(null);

  const execute = async () => {
    const id = ++runId.current;
    setRun({ phase: 'running', id });
    const next = addToHistory(history, text);
    setHistory(next);
    saveHistory(next);
    try {
      const result = await runWorkbenchQuery(readOnlyRunner(engine), text);
      if (runId.current === id) setRun({ phase: 'done', result });
    } catch (error) {
      if (runId.current !== id) return;
      const failure = error instanceof WorkbenchError ? error : new WorkbenchError('error', String(error), null, '');
      setRun({ phase: 'failed', error: failure });
      if (failure.position) selectPosition(editor.current, text, failure.position);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && run.phase !== 'running') {
      e.preventDefault();
      void execute();
    }
  };

  return (
    <div className="workbench">
      <aside className="wb-side">
        <SchemaList onPick={(table) => setText(`SELECT *\nFROM ${table}\nLIMIT 100`)} />
        <ImportPanel />
        <SavedQueryList saved={saved} onLoad={setText} />
        <section className="wb-history" aria-label={t.workbench.history}>
          <h3>{t.workbench.history}</h3>
          {history.length === 0 ? <p className="muted">{t.workbench.noHistory}</p> : (
            <>
              <ol>
                {history.map((q) => (
                  <li key={q}><button type="button" className="link" title={q} onClick={() => setText(q)}>{q}</button></li>
                ))}
              </ol>
              <button type="button" className="link" onClick={() => { setHistory([]); saveHistory([]); }}>{t.workbench.clearHistory}</button>
            </>
          )}
        </section>
      </aside>
      <section className="wb-main">
        <textarea ref={editor} className="wb-editor" aria-label={t.workbench.editorLabel} spellCheck={false} value={text}
          onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} rows={8} />
        <div className="wb-actions">
          <button type="button" className="primary" disabled={run.phase === 'running'} onClick={() => void execute()}>{t.workbench.run}</button>
          <button type="button" disabled={run.phase !== 'running'} onClick={() => void cancelReadOnly(engine)}>{t.workbench.cancel}</button>
          <SaveQueryForm sql={text} saved={saved} />
          <span className="muted">{t.workbench.runHint} · {t.workbench.readOnlyNote}</span>
        </div>
        <RunOutput run={run} />
      </section>
    </div>
  );
}

/** Puts the editor's selection on the character DuckDB pointed at. */
function selectPosition(editor: HTMLTextAreaElement | null, text: string, position: { line: number; column: number }) {
  if (!editor) return;
  const lines = text.split('\n');
  const offset = lines.slice(0, position.line - 1).reduce((n, l) => n + l.length + 1, 0) + position.column - 1;
  editor.setSelectionRange(offset, offset + 1);
}

function RunOutput({ run }: { run: RunState }) {
  if (run.phase === 'idle') return null;
  if (run.phase === 'running') {
    return <div className="loading" role="status" data-workbench="running"><span className="spinner" aria-hidden="true" />{t.workbench.running}</div>;
  }
  if (run.phase === 'failed') {
    const { error } = run;
    return (
      <div className={`error-box wb-error wb-${error.kind}`} role="alert" data-workbench={error.kind}>
        {error.kind === 'refused' && <strong>{t.workbench.refused}</strong>}
        {error.kind === 'cancelled' && <strong>{t.workbench.cancelled}</strong>}
        {error.kind === 'error' && <strong>{t.common.errorTitle}</strong>}
        {error.position && <p>{t.workbench.errorAt(error.position.line, error.position.column)}</p>}
        <pre className="wb-message">{error.message}</pre>
      </div>
    );
  }
  return <ResultView result={run.result} />;
}

function ResultView({ result }: { result: WorkbenchResult }) {
  const [tab, setTab] = useState<'table' | 'chart'>('table');
  const chartColumns = useMemo(() => pickChartColumns(result), [result]);
  const option = useMemo(() => (chartColumns ? buildWorkbenchChartOption(result, chartColumns) : null), [result, chartColumns]);
  return (
    <section className="wb-result" data-workbench="done">
      <div className="wb-tabs" role="tablist">
        {(['table', 'chart'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>{t.workbench[k]}</button>
        ))}
        <span className="muted wb-count">{t.workbench.rows(result.rows.length, result.truncated)}</span>
      </div>
      {tab === 'table' && (result.rows.length === 0 ? <p className="muted">{t.workbench.emptyResult}</p> : <ResultTable result={result} />)}
      {tab === 'chart' && (option
        ? <EChart option={option} height={360} label={option.title.text} chartId="workbench-chart"
          exportSpec={{ title: option.title.text, unit: '', table: resultTable(result), pinnable: false }} />
        : <p className="muted">{t.workbench.noChart}</p>)}
    </section>
  );
}

function SchemaList({ onPick }: { onPick: (table: string) => void }) {
  const runner = useRunner();
  const schema = useQuery(schemaOptions(runner));
  return (
    <section className="wb-schema" aria-label={t.workbench.schema}>
      <h3>{t.workbench.schema}</h3>
      <QueryState query={schema}>
        {(columns) => {
          const tables = new Map<string, SchemaColumnRow[]>();
          for (const c of columns) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
          return [...tables].map(([table, cols]) => (
            <details key={table} open={table === 'figures'} data-table={table}>
              <summary><button type="button" className="link" onClick={() => onPick(table)}>{table}</button></summary>
              <ul>{cols.map((c) => <li key={c.column}><code>{c.column}</code> <span className="muted">{c.type}</span></li>)}</ul>
            </details>
          ));
        }}
      </QueryState>
    </section>
  );
}
