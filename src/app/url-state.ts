import { DIMENSIONS, EMPTY_FILTERS, SORTABLE_COLUMNS, type Dimension, type FigureFilters, type SortColumn } from '../queries';

export const VIEWS = ['overview', 'reports', 'compare', 'metrics', 'pivot', 'explorer', 'sql', 'deck'] as const;
export type ViewName = (typeof VIEWS)[number];

/** The views that share the filter bar. */
export const FILTERED_VIEWS: readonly ViewName[] = ['compare', 'pivot', 'explorer'];

/** `saved` shows a saved workbench query (its SQL in the `sql` parameter) instead of the filtered figures. */
export const COMPARE_MODES = ['bars', 'groups', 'treemap', 'pairs', 'saved'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** Everything a link must reproduce: the view, its filters and its settings. */
export interface AppState {
  view: ViewName;
  filters: FigureFilters;
  /** The figure whose provenance panel is open. */
  figure: string | null;
  compare: { mode: CompareMode; by: Dimension; picks: string[] };
  sort: { column: SortColumn; desc: boolean };
}

export const DEFAULT_STATE: AppState = {
  view: 'overview',
  filters: EMPTY_FILTERS,
  figure: null,
  compare: { mode: 'bars', by: 'subject', picks: [] },
  sort: { column: 'id', desc: false },
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the state from a query string; unknown or malformed parts fall back to defaults. */
export function parseState(search: string): AppState {
  const p = new URLSearchParams(search);
  const filters = { ...EMPTY_FILTERS, q: p.get('q') ?? '' };
  for (const d of DIMENSIONS) filters[d] = p.getAll(d);
  const [sortColumn, sortDir] = (p.get('sort') ?? '').split(':');
  return {
    view: oneOf(p.get('view'), VIEWS, DEFAULT_STATE.view),
    filters,
    figure: p.get('fig'),
    compare: {
      mode: oneOf(p.get('mode'), COMPARE_MODES, DEFAULT_STATE.compare.mode),
      by: oneOf(p.get('by'), DIMENSIONS, DEFAULT_STATE.compare.by),
      picks: p.getAll('pick'),
    },
    sort: {
      column: oneOf(sortColumn ?? null, SORTABLE_COLUMNS, DEFAULT_STATE.sort.column),
      desc: sortDir === 'desc',
    },
  };
}

/** The query-string keys the core state owns; any other key belongs to a feature and is kept as it is. */
export const CORE_KEYS: readonly string[] = ['view', ...DIMENSIONS, 'q', 'fig', 'mode', 'by', 'pick', 'sort'];

/**
 * Writes the state as a query string, leaving defaults out so links stay short. Keys of `keep` that the core
 * does not own (a feature's own parameters, see `useUrlParam`) are carried over unchanged.
 */
export function serializeState(state: AppState, keep: URLSearchParams = new URLSearchParams()): string {
  const p = new URLSearchParams();
  for (const [key, value] of keep) if (!CORE_KEYS.includes(key)) p.append(key, value);
  if (state.view !== DEFAULT_STATE.view) p.set('view', state.view);
  for (const d of DIMENSIONS) for (const v of state.filters[d]) p.append(d, v);
  if (state.filters.q !== '') p.set('q', state.filters.q);
  if (state.figure) p.set('fig', state.figure);
  if (state.compare.mode !== DEFAULT_STATE.compare.mode) p.set('mode', state.compare.mode);
  if (state.compare.by !== DEFAULT_STATE.compare.by) p.set('by', state.compare.by);
  for (const id of state.compare.picks) p.append('pick', id);
  if (state.sort.column !== DEFAULT_STATE.sort.column || state.sort.desc) {
    p.set('sort', `${state.sort.column}:${state.sort.desc ? 'desc' : 'asc'}`);
  }
  const text = p.toString();
  return text === '' ? '' : `?${text}`;
}

/** Adds or removes one value of one dimension filter. */
export function toggleFilter(filters: FigureFilters, dimension: Dimension, value: string): FigureFilters {
  const current = filters[dimension];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [dimension]: next };
}
