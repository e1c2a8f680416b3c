import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import { useRunner } from '../../app/engine-context';
import { useUrlParam } from '../../app/useAppState';
import { t } from '../../i18n/zh';
import { chooseScale, formatNumber, formatScaled } from '../../lib/format';
import { metricChecks, type MetricCheck } from '../../queries/metric-checks';
import {
  allSeriesOptions, metricCountsOptions, metricPlacesOptions, metricTrendOptions, type MetricPlace, type MetricPoint, type MetricSeries,
} from '../../queries/metrics-query';
import { ErrorBox, Loading, QueryState } from '../shared/QueryState';
import {
  buildMetricOption, chartUnit, drawnPoints, METRIC_CHART_HEIGHT, metricChartId, metricChartTitle, metricExportTable, otherValues,
  type MetricDatum,
} from './metric-chart';
import '../../charts/echarts-extra';

export interface MetricsViewProps {
  onOpenFigure: (id: string) => void;
}

/** The metric shown first: GDP when the workspace states it, else the most stated one. */
function firstMetric(counts: readonly { metric: { id: string }; count: number }[]): string | null {
  if (counts.some((c) => c.metric.id === 'gdp')) return 'gdp';
  return [...counts].sort((a, b) => b.count - a.count)[0]?.metric.id ?? null;
}

/** 指标: one canonical metric across places and data years, its goals against outcomes, and the checks. */
export function MetricsView({ onOpenFigure }: MetricsViewProps) {
  const runner = useRunner();
  const [param, setParam] = useUrlParam('metric');
  const counts = useQuery(metricCountsOptions(runner));
  const known = counts.data ?? [];
  const chosen = param !== null && known.some((c) => c.metric.id === param) ? param : firstMetric(known);
  const [placesParam, setPlaces] = useUrlParam('places');
  const picked = useMemo(() => (placesParam ? placesParam.split('|') : []), [placesParam]);
  // The chart's query first; the list of every place (the picker's) once the chart has its answer, so neither
  // its query nor its list's rendering stands between a pick and its chart.
  const trend = useQuery({ ...metricTrendOptions(runner, chosen ?? '', picked), enabled: chosen !== null });
  const places = useQuery({ ...metricPlacesOptions(runner, chosen ?? ''), enabled: chosen !== null && trend.isSuccess && !trend.isPlaceholderData });
  if (counts.isPending) return <Loading />;
  if (counts.isError) return <ErrorBox error={counts.error} onRetry={() => void counts.refetch()} />;
  if (chosen === null) return <p className="empty-state metrics-empty">{t.metrics.none}</p>;
  const metric = known.find((c) => c.metric.id === chosen)?.metric;
  return (
    <div className="metrics">
      <div className="metrics-bar">
        <label htmlFor="metric-pick">{t.metrics.pick}</label>
        <select id="metric-pick" value={chosen} onChange={(e) => setParam(e.target.value)}>
          {known.map(({ metric: m, count }) => <option key={m.id} value={m.id}>{`${m.name_zh}（${count}）`}</option>)}
        </select>
        {metric?.scope_note && <span className="muted metrics-scope" title={t.metrics.scopeNote}>{metric.scope_note}</span>}
      </div>
      <QueryState query={trend}>
        {(series) => (
          <MetricPanel places={places.data ?? null} series={series} picked={picked} onOpenFigure={onOpenFigure}
            onPick={(next) => setPlaces(next.length > 0 ? next.join('|') : null)} />
        )}
      </QueryState>
      <Checks onOpenFigure={onOpenFigure} />
    </div>
  );
}

interface MetricPanelProps {
  /** Every place the metric is stated for (null until they are read: the drawn ones meanwhile). */
  places: MetricPlace[] | null;
  /** The drawn places' series. */
  series: MetricSeries;
  /** The places the analyst picked (none: the default ones are drawn). */
  picked: readonly string[];
  onPick: (places: string[]) => void;
  onOpenFigure: (id: string) => void;
}

function MetricPanel({ places, series, picked, onPick, onOpenFigure }: MetricPanelProps) {
  const all = useMemo(() => places?.map((p) => p.place) ?? series.places, [places, series.places]);
  const option = useMemo(() => buildMetricOption(series), [series]);
  const title = metricChartTitle(series);
  const exportSpec = useMemo(() => ({ title, table: metricExportTable(series) }), [series, title]);
  return (
    <section className="metric-panel" aria-label={title}>
      {all.length > 1 && <PlacePicker all={all} shown={series.places} onChange={onPick} />}
      <EChart option={option} height={METRIC_CHART_HEIGHT} label={title} chartId={metricChartId(series.metric.id, picked.filter((p) => series.places.includes(p)))} exportSpec={exportSpec}
        onClick={(e) => {
          const id = (e.data as Partial<MetricDatum> | undefined)?.figureId;
          if (id) onOpenFigure(id);
        }} />
      <p className="muted metrics-legend">{t.metrics.legendNote}</p>
      <PlaceYearTable series={series} onOpenFigure={onOpenFigure} />
      <TargetsTable series={series} onOpenFigure={onOpenFigure} />
    </section>
  );
}

/** Which places to draw: a find box over a list that takes several (Ctrl/Shift, or Space with the keyboard). */
function PlacePicker({ all, shown, onChange }: { all: readonly string[]; shown: readonly string[]; onChange: (places: string[]) => void }) {
  const [find, setFind] = useState('');
  const matching = useMemo(() => {
    const q = find.trim();
    const list = q === '' ? all : all.filter((p) => p.includes(q));
    // The shown ones stay listed (and selected) whatever the find box says.
    return [...new Set([...shown, ...list])].slice(0, 500);
  }, [all, shown, find]);
  return (
    <div className="place-picker">
      <div className="place-list">
        <label htmlFor="metric-places">{t.metrics.places(shown.length, all.length)}</label>
        <select id="metric-places" multiple size={Math.min(6, matching.length)} value={[...shown]}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
          {matching.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      {all.length > 6 && (
        <input type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder={t.metrics.findPlace} aria-label={t.metrics.findPlace} />
      )}
    </div>
  );
}

/** A value that opens its sentence. */
function ValueButton({ point, text, onOpenFigure }: { point: MetricPoint; text: string; onOpenFigure: (id: string) => void }) {
  const sources = point.statements.map((s) => `${s.doc_title}：“${s.quote}”`).join('\n');
  return (
    <button type="button" className={`link${point.conflicting ? ' conflicting' : ''}`} title={sources}
      onClick={() => onOpenFigure(point.figure.id)}>
      {text}{point.conflicting ? ' ⚠' : ''}
    </button>
  );
}

function PlaceYearTable({ series, onOpenFigure }: { series: MetricSeries; onOpenFigure: (id: string) => void }) {
  const unit = chartUnit(series);
  const drawn = drawnPoints(series);
  const scale = chooseScale(drawn.map((p) => p.value), unit);
  const years = series.years.filter((y) => drawn.some((p) => p.data_year === y));
  const cell = (place: string, year: number, basis: string) => drawn.find((p) => p.place === place && p.data_year === year && p.basis === basis);
  const others = series.points.filter((p) => !drawn.includes(p));
  const fmt = (p: MetricPoint) => formatScaled(p.value, p.figure.base_unit, p.figure.base_unit === unit ? scale : chooseScale([p.value], p.figure.base_unit), p.figure.qualifier);
  const fmtValue = (value: number) => formatScaled(value, unit, scale);
  return (
    <div className="table-scroll">
      <table className="data-table metric-table">
        <caption>{t.metrics.table(series.metric.name_zh)}</caption>
        <thead>
          <tr><th scope="col">{t.metrics.columns.place}</th>{years.map((y) => <th key={y} scope="col">{y}</th>)}</tr>
        </thead>
        <tbody>
          {series.places.map((place) => (
            <tr key={place}>
              <th scope="row">{place}</th>
              {years.map((year) => {
                const actual = cell(place, year, 'actual') ?? cell(place, year, 'estimate');
                const target = cell(place, year, 'target');
                return (
                  <td key={year} className="num">
                    {actual && <ValueButton point={actual} onOpenFigure={onOpenFigure}
                      text={`${fmt(actual)}${actual.basis === 'estimate' ? `（${t.metrics.basis.estimate}）` : ''}`} />}
                    {actual?.ambiguous && <span className="muted" title={t.metrics.ambiguous}> *</span>}
                    {actual && otherValues(actual).map((s) => (
                      <div key={s.id} className="metric-other-value">
                        <button type="button" className="link conflicting" title={`${s.doc_title}：“${s.quote}”`} onClick={() => onOpenFigure(s.id)}>
                          {t.metrics.otherValue(fmtValue(s.value), s.doc_title)}
                        </button>
                      </div>
                    ))}
                    {target && <div className="muted"><ValueButton point={target} onOpenFigure={onOpenFigure} text={t.metrics.targetShort(fmt(target))} /></div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {others.length > 0 && (
        <details className="metric-others">
          <summary>{t.metrics.otherRows}（{others.length}）</summary>
          <ul>
            {others.map((p) => (
              <li key={`${p.place}-${p.data_year}-${p.basis}-${p.average}-${p.figure.id}`}>
                {p.place} {p.data_year} · {t.metrics.basis[p.basis] ?? p.basis}{p.average ? t.metrics.averageSuffix : ''}：
                <ValueButton point={p} onOpenFigure={onOpenFigure} text={fmt(p)} /> <span className="muted">“{p.figure.quote}”</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function TargetsTable({ series, onOpenFigure }: { series: MetricSeries; onOpenFigure: (id: string) => void }) {
  if (series.targets.length === 0) return null;
  const c = t.metrics.targetColumns;
  const unit = chartUnit(series);
  const scale = chooseScale(series.targets.map((x) => x.actual.value), unit);
  const fmt = (value: number, qualifier = '') => formatScaled(value, unit, scale, qualifier);
  const difference = (d: number) => (unit === 'percent' ? `${d > 0 ? '+' : d < 0 ? '−' : ''}${formatNumber(Math.abs(d))}${t.metrics.points}` : `${d > 0 ? '+' : d < 0 ? '−' : ''}${fmt(Math.abs(d))}`);
  return (
    <table className="data-table metric-targets">
      <caption>{t.metrics.targetsTitle}</caption>
      <thead><tr>{[c.year, c.place, c.target, c.actual, c.difference, c.result].map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>
        {series.targets.map((x) => (
          <tr key={`${x.place}-${x.data_year}`}>
            <td>{x.data_year}</td>
            <td>{x.place}</td>
            <td className="num"><button type="button" className="link" title={x.target.quote} onClick={() => onOpenFigure(x.target.id)}>{fmt(x.target.value, x.target.qualifier)}{x.upperBound ? t.metrics.ceiling : ''}</button></td>
            <td className="num"><button type="button" className="link" title={x.actual.quote} onClick={() => onOpenFigure(x.actual.id)}>{fmt(x.actual.value)}</button></td>
            <td className="num">{difference(x.difference)}</td>
            <td className={x.met ? 'met' : 'missed'}>{x.met ? t.metrics.met : t.metrics.missed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 核对: every disagreement the workspace's statements hold, with both sentences and the arithmetic. */
function Checks({ onOpenFigure }: { onOpenFigure: (id: string) => void }) {
  const all = useQuery(allSeriesOptions(useRunner()));
  const result = useMemo(() => (all.data ? metricChecks(all.data) : null), [all.data]);
  if (!result) return all.isError ? <ErrorBox error={all.error} onRetry={() => void all.refetch()} /> : null;
  const { checks, notApplicable } = result;
  return (
    <section className="metric-checks" aria-label={t.metrics.checksTitle(checks.length)}>
      <h2>{checks.length > 0 ? t.metrics.checksTitle(checks.length) : t.metrics.checksNone}</h2>
      {checks.length > 0 && (
        <ol>
          {checks.map((check, i) => <CheckItem key={i} check={check} onOpenFigure={onOpenFigure} />)}
        </ol>
      )}
      <p className="muted">{t.metrics.notApplicable(notApplicable.constantPrices, notApplicable.averages, notApplicable.comparableScope)}</p>
    </section>
  );
}

function CheckItem({ check, onOpenFigure }: { check: MetricCheck; onOpenFigure: (id: string) => void }) {
  return (
    <li className={`check check-${check.kind}`}>
      <strong>{t.metrics.checkKinds[check.kind]}</strong> · {check.metric.name_zh} · {check.place} {check.data_year}
      <div className="check-arithmetic">{check.arithmetic}</div>
      <ul>
        {check.statements.map((s) => (
          <li key={s.id}>
            <button type="button" className="link" onClick={() => onOpenFigure(s.id)}>{s.doc_title}</button>：“{s.quote}”
          </li>
        ))}
      </ul>
    </li>
  );
}
