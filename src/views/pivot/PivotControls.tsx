import { useQuery } from '@tanstack/react-query';
import type { DragEvent } from 'react';
import { t } from '../../i18n/zh';
import { PIVOT_DIMENSIONS, PIVOT_MEASURES, dimensionValuesOptions, type PivotDimension, type PivotMeasure, type PivotSpec } from '../../queries';
import { PIVOT_CHARTS, type PivotChartKind, type PivotState } from './pivot-url';
import { useRunner } from '../../app/engine-context';
import { useDocumentTitles } from '../../app/ReportPicker';
import { valueLabel } from '../shared/value-label';

type Zone = 'rows' | 'columns';
const ZONES: readonly Zone[] = ['rows', 'columns'];
/** Dimensions the filter bar has no menu for: the pivot filters them itself. */
const OWN_FILTERS: readonly PivotDimension[] = ['indicator', 'doc_id'];
const DRAG_TYPE = 'application/x-pivot-dimension';

const dimName = (d: PivotDimension) => t.pivot.dimensionNames[d] ?? d;

/** Moves a dimension into a zone (out of the other one), at the end. */
export function placeDimension(spec: PivotSpec, dimension: PivotDimension, zone: Zone | null): PivotSpec {
  const rows = spec.rows.filter((d) => d !== dimension);
  const columns = spec.columns.filter((d) => d !== dimension);
  if (zone === 'rows') rows.push(dimension);
  if (zone === 'columns') columns.push(dimension);
  return { ...spec, rows, columns };
}

/** Picks rows, columns, measure and the pivot's own filters, by drag-and-drop or by menus. */
export function PivotControls({ state, onChange }: { state: PivotState; onChange: (next: PivotState) => void }) {
  const { spec } = state;
  const setSpec = (next: PivotSpec) => onChange({ ...state, spec: next, sort: { by: 'label', desc: false } });
  const used = new Set<PivotDimension>([...spec.rows, ...spec.columns]);
  const free = PIVOT_DIMENSIONS.filter((d) => !used.has(d));
  const onDrop = (zone: Zone | null) => (e: DragEvent) => {
    e.preventDefault();
    const d = e.dataTransfer.getData(DRAG_TYPE) as PivotDimension;
    if ((PIVOT_DIMENSIONS as readonly string[]).includes(d)) setSpec(placeDimension(spec, d, zone));
  };
  const chip = (d: PivotDimension, zone: Zone | null) => (
    <li key={d} className="pivot-chip" draggable data-dimension={d}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, d)}>
      {dimName(d)}
      {zone && (
        <button type="button" aria-label={t.pivot.remove(dimName(d))} onClick={() => setSpec(placeDimension(spec, d, null))}>×</button>
      )}
    </li>
  );
  return (
    <section className="pivot-controls" aria-label={t.views.pivot}>
      <div className="pivot-zone pivot-palette" onDragOver={(e) => e.preventDefault()} onDrop={onDrop(null)}>
        <span className="pivot-zone-label">{t.pivot.dimensions}</span>
        <ul>{free.map((d) => chip(d, null))}</ul>
      </div>
      {ZONES.map((zone) => (
        <div key={zone} className="pivot-zone" data-zone={zone} onDragOver={(e) => e.preventDefault()} onDrop={onDrop(zone)}>
          <span className="pivot-zone-label">{t.pivot[zone]}</span>
          <ul>{spec[zone].map((d) => chip(d, zone))}</ul>
          {spec[zone].length === 0 && <span className="muted">{t.pivot.dropHint}</span>}
          <select aria-label={t.pivot.add(t.pivot[zone])} value="" disabled={free.length === 0}
            onChange={(e) => e.target.value && setSpec(placeDimension(spec, e.target.value as PivotDimension, zone))}>
            <option value="">＋</option>
            {free.map((d) => <option key={d} value={d}>{dimName(d)}</option>)}
          </select>
        </div>
      ))}
      <div className="pivot-options">
        <label>
          {t.pivot.measure}
          <select aria-label={t.pivot.measure} value={spec.measure} onChange={(e) => setSpec({ ...spec, measure: e.target.value as PivotMeasure })}>
            {PIVOT_MEASURES.map((m) => <option key={m} value={m}>{t.pivot.measures[m]}</option>)}
          </select>
        </label>
        {OWN_FILTERS.map((d) => <OwnFilter key={d} dimension={d} spec={spec} onChange={setSpec} />)}
        <label className="pivot-check">
          <input type="checkbox" checked={state.heat} onChange={(e) => onChange({ ...state, heat: e.target.checked })} />
          {t.pivot.heat}
        </label>
        <span className="pivot-chart-buttons" role="group" aria-label={t.pivot.chart}>
          {PIVOT_CHARTS.map((kind: PivotChartKind) => (
            <button key={kind} type="button" aria-pressed={state.chart === kind}
              onClick={() => onChange({ ...state, chart: state.chart === kind ? null : kind })}>
              {t.pivot.charts[kind]}
            </button>
          ))}
        </span>
      </div>
    </section>
  );
}

/** A menu of one dimension's values (e.g. indicators) that the pivot filters by, with removable chips. */
function OwnFilter({ dimension, spec, onChange }: { dimension: PivotDimension; spec: PivotSpec; onChange: (s: PivotSpec) => void }) {
  const runner = useRunner();
  const values = useQuery(dimensionValuesOptions(runner, dimension));
  const titles = useDocumentTitles();
  const show = (v: string) => valueLabel(dimension, v, titles);
  const selected = spec.filters[dimension] ?? [];
  const set = (next: string[]) => onChange({ ...spec, filters: { ...spec.filters, [dimension]: next } });
  const label = t.pivot.filterBy(dimName(dimension));
  return (
    <span className="pivot-own-filter">
      <select aria-label={label} value="" disabled={!values.data}
        onChange={(e) => e.target.value !== '' && set([...new Set([...selected, e.target.value.slice(1)])])}>
        <option value="">{label}</option>
        {(values.data ?? []).map((v) => (
          <option key={v.value} value={`=${v.value}`}>{show(v.value)} ({v.count})</option>
        ))}
      </select>
      {selected.map((v) => (
        <span key={v} className="chip">
          {dimName(dimension)}：{show(v)}
          <button type="button" aria-label={t.pivot.remove(v)} onClick={() => set(selected.filter((x) => x !== v))}>×</button>
        </span>
      ))}
    </span>
  );
}
