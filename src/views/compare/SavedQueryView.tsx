import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useUrlParam } from '../../app/useAppState';
import { EChart } from '../../charts/EChart';
import { t } from '../../i18n/zh';
import { workbenchQueryOptions, type WorkbenchResult } from '../../queries';
import { QueryState } from '../shared/QueryState';
import { ResultTable } from '../workbench/ResultTable';
import { loadSavedQueries } from '../workbench/saved-queries';
import { buildSavedChartOption, cappedNote, planSavedCharts, resultTable } from './saved-chart-option';
import { SAVED_SQL_PARAM } from './saved-query-url';
import { useEngine } from '../../app/engine-context';

/**
 * The Compare page's saved-query mode: the SQL in the URL, run read-only like the workbench, drawn as bars
 * (first text column as categories, numeric columns as series) with its table. The filter bar does not apply.
 */
export function SavedQueryView() {
  const [sql, setSql] = useUrlParam(SAVED_SQL_PARAM);
  const saved = useMemo(() => loadSavedQueries(), []);
  const s = t.savedQueries;
  const text = sql ?? '';
  const name = saved.queries.find((q) => q.sql === text.trim())?.name ?? s.fromLink;
  return (
    <section className="saved-query" aria-label={s.title}>
      <p className="note" role="note">{s.filtersIgnored}</p>
      {saved.problem && <p className="error-box" role="alert">{saved.problem}</p>}
      {saved.queries.length > 0 && (
        <label className="inline-field">
          {s.pick}
          <select aria-label={s.title} value={saved.queries.some((q) => q.sql === text.trim()) ? text.trim() : ''}
            onChange={(e) => e.target.value !== '' && setSql(e.target.value)}>
            <option value="">—</option>
            {saved.queries.map((q) => <option key={q.name} value={q.sql}>{q.name}</option>)}
          </select>
        </label>
      )}
      {text.trim() === '' ? <p className="muted">{s.emptyHint}</p> : (
        <>
          <h3 className="saved-query-name">{name}</h3>
          <pre className="wb-message saved-query-sql" data-testid="saved-sql">{text}</pre>
          <SavedQueryResult sql={text} name={name} />
        </>
      )}
    </section>
  );
}

function SavedQueryResult({ sql, name }: { sql: string; name: string }) {
  const engine = useEngine();
  const query = useQuery(workbenchQueryOptions(engine, sql));
  return <QueryState query={query}>{(result) => <SavedQueryCharts result={result} name={name} />}</QueryState>;
}

function SavedQueryCharts({ result, name }: { result: WorkbenchResult; name: string }) {
  const s = t.savedQueries;
  const layout = useMemo(() => planSavedCharts(result), [result]);
  const table = useMemo(() => resultTable(result), [result]);
  return (
    <div data-saved-query-result="">
      <p className="muted">{s.unitHint}</p>
      {layout?.splitBy && <p className="note">{s.splitByUnit(layout.splitBy)}</p>}
      {!layout ? <p className="note">{s.noChart}</p> : (
        <div className="small-multiples">
          {layout.charts.map((plan) => {
            const option = buildSavedChartOption(plan);
            const note = cappedNote(plan);
            return (
              <div key={plan.id}>
                {note && <p className="note">{note}</p>}
                <EChart option={option} height={360} label={plan.title} chartId={`saved-query-${plan.id}`}
                  exportSpec={{ title: `${name}：${plan.title}`, unit: plan.unit, table, pinnable: false }} />
              </div>
            );
          })}
        </div>
      )}
      <p className="muted">{t.workbench.rows(result.rows.length, result.truncated)}</p>
      {result.rows.length === 0 ? <p className="muted">{t.workbench.emptyResult}</p> : <ResultTable result={result} />}
    </div>
  );
}
