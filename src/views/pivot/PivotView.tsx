import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useUrlParam } from '../../app/useAppState';
import { EChart } from '../../charts/EChart';
import { t, dimensionValueLabel } from '../../i18n/zh';
import { figuresOptions, implicitUnitSplit, pivotOptions, type FigureFilters, type PivotRow } from '../../queries';
import { EmptyState, QueryState } from '../shared/QueryState';
import { pivotChartFilters, pivotChartId, pivotChartView } from './pivot-chart-export';
import { buildPivotGrid, cellDimensions, type PivotGrid } from './pivot-grid';
import { drillFilters, parsePivotParam, serializePivotParam, type PivotState } from './pivot-url';
import { PivotControls } from './PivotControls';
import { PivotTable } from './PivotTable';
import '../../charts/echarts-extra';
import { useRunner } from '../../app/engine-context';
import { useDocumentTitles } from '../../app/ReportPicker';

export interface PivotViewProps {
  /** The filter bar's filters. */
  filters: FigureFilters;
  /** Opens the explorer filtered to the figures behind a cell. */
  onDrill: (filters: FigureFilters) => void;
}

/** Rows × columns × measure over the figures, computed in DuckDB; the spec lives in the `pivot` URL parameter. */
export function PivotView({ filters, onDrill }: PivotViewProps) {
  const runner = useRunner();
  const [param, setParam] = useUrlParam('pivot');
  const state = useMemo(() => parsePivotParam(param), [param]);
  const setState = (next: PivotState) => setParam(serializePivotParam(next));
  const pivot = useQuery(pivotOptions(runner, { spec: state.spec, filters }));
  return (
    <div className="pivot-view">
      <PivotControls state={state} onChange={setState} />
      {implicitUnitSplit(state.spec) && <p className="muted pivot-note">{t.pivot.unitNote}</p>}
      <QueryState query={pivot}>
        {(data) => (data.every((r) => r.count === 0) ? <EmptyState /> : (
          <PivotResult data={data} state={state} filters={filters} onState={setState}
            onDrill={(dims) => onDrill(drillFilters(filters, state.spec, dims))} />
        ))}
      </QueryState>
    </div>
  );
}

function PivotResult({ data, state, filters, onState, onDrill }: {
  data: PivotRow[];
  filters: FigureFilters;
  state: PivotState;
  onState: (next: PivotState) => void;
  onDrill: (dims: ReturnType<typeof cellDimensions>) => void;
}) {
  const titles = useDocumentTitles();
  const grid = useMemo(() => buildPivotGrid(data, state.spec, state.sort, titles), [data, state.spec, state.sort, titles]);
  return (
    <>
      <PivotTable grid={grid} sort={state.sort} heat={state.heat} onSort={(sort) => onState({ ...state, sort })}
        onDrill={(row, column) => onDrill(cellDimensions(grid, row, column))} />
      {state.chart && <PivotChart grid={grid} state={state} filters={filters} />}
    </>
  );
}

function PivotChart({ grid, state, filters }: { grid: PivotGrid; state: PivotState; filters: FigureFilters }) {
  const runner = useRunner();
  const units = [...new Set(grid.columns.map((c) => c.unit))];
  const [picked, setPicked] = useState<string | null>(null);
  const unit = picked !== null && units.includes(picked) ? picked : (units[0] ?? '');
  // The figures behind the chart give its exported images their period and source line.
  const figures = useQuery(figuresOptions(runner, { filters: pivotChartFilters(filters, state.spec, unit), sort: { column: 'value_base', desc: true } }));
  const { option, spec, height } = pivotChartView(grid, state, unit, figures.data ?? []);
  return (
    <section className="pivot-chart">
      {units.length > 1 && (
        <label>
          {t.pivot.chartUnit}
          <select aria-label={t.pivot.chartUnit} value={unit} onChange={(e) => setPicked(e.target.value)}>
            {units.map((u) => <option key={u} value={u}>{dimensionValueLabel('base_unit', u)}</option>)}
          </select>
        </label>
      )}
      <EChart option={option} height={height} label={option.title.text} chartId={pivotChartId(state, unit)} exportSpec={spec} />
    </section>
  );
}
