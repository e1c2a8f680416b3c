import {
  PIVOT_DIMENSIONS, PIVOT_MEASURES, type FigureFilters, type PivotDimension, type PivotMeasure, type PivotSpec,
} from '../../queries';
import type { PivotSort } from './pivot-grid';

export const PIVOT_CHARTS = ['bars', 'stacked', 'heatmap'] as const;
export type PivotChartKind = (typeof PIVOT_CHARTS)[number];

/** Everything a pivot link reproduces: the spec, the row order, the heat-map switch and the chart. */
export interface PivotState {
  spec: PivotSpec;
  sort: PivotSort;
  heat: boolean;
  chart: PivotChartKind | null;
}

export const DEFAULT_PIVOT: PivotState = {
  spec: { rows: ['category'], columns: [], measure: 'count', filters: {} },
  sort: { by: 'label', desc: false },
  heat: false,
  chart: null,
};

const dims = (text: string | undefined, taken: Set<string>): PivotDimension[] =>
  (text ?? '').split(',').filter((d): d is PivotDimension => {
    if (!(PIVOT_DIMENSIONS as readonly string[]).includes(d) || taken.has(d)) return false;
    taken.add(d);
    return true;
  });

/**
 * Reads the `pivot` URL parameter: `r=category,subject;c=kind;m=sum;f.indicator=a|b;s=<column>~d;h=1;g=bars`.
 * Values are URI-encoded inside, so any text survives; unknown parts fall back to the defaults.
 */
export function parsePivotParam(param: string | null): PivotState {
  if (param === null || param === '') return DEFAULT_PIVOT;
  const parts = new Map<string, string>();
  for (const part of param.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const taken = new Set<string>();
  const filters: PivotSpec['filters'] = {};
  for (const d of PIVOT_DIMENSIONS) {
    const text = parts.get(`f.${d}`);
    if (text) filters[d] = text.split('|').map(decodeURIComponent);
  }
  const measure = parts.get('m') ?? '';
  const [sortBy = 'label', dir] = (parts.get('s') ?? '').split('~');
  const chart = parts.get('g') ?? '';
  return {
    spec: {
      rows: dims(parts.get('r'), taken),
      columns: dims(parts.get('c'), taken),
      measure: (PIVOT_MEASURES as readonly string[]).includes(measure) ? (measure as PivotMeasure) : 'count',
      filters,
    },
    sort: { by: sortBy === '' ? 'label' : decodeURIComponent(sortBy), desc: dir === 'd' },
    heat: parts.get('h') === '1',
    chart: (PIVOT_CHARTS as readonly string[]).includes(chart) ? (chart as PivotChartKind) : null,
  };
}

/** Writes the state as the `pivot` URL parameter (the inverse of {@link parsePivotParam}). */
export function serializePivotParam(state: PivotState): string {
  const { spec, sort } = state;
  const parts = [`r=${spec.rows.join(',')}`, `c=${spec.columns.join(',')}`, `m=${spec.measure}`];
  for (const d of PIVOT_DIMENSIONS) {
    const values = spec.filters[d] ?? [];
    if (values.length > 0) parts.push(`f.${d}=${values.map(encodeURIComponent).join('|')}`);
  }
  if (sort.by !== 'label' || sort.desc) parts.push(`s=${encodeURIComponent(sort.by)}~${sort.desc ? 'd' : 'a'}`);
  if (state.heat) parts.push('h=1');
  if (state.chart) parts.push(`g=${state.chart}`);
  return parts.join(';');
}

/**
 * The explorer's filters for a drilled cell: exactly the figures the cell counts. The app's filters and the
 * pivot's own both apply to the pivot (an intersection, when both pick values of one dimension); the cell's
 * dimension values narrow that to one value each. Every pivot dimension is an explorer filter, so nothing
 * falls back to free-text search.
 */
export function drillFilters(base: FigureFilters, spec: PivotSpec, cell: readonly [PivotDimension, string][]): FigureFilters {
  const next: FigureFilters = { ...base };
  for (const d of PIVOT_DIMENSIONS) {
    const own = spec.filters[d] ?? [];
    if (own.length > 0) next[d] = base[d].length > 0 ? base[d].filter((v) => own.includes(v)) : [...own];
  }
  for (const [d, v] of cell) next[d] = [v];
  return next;
}
