import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { dimensionValueLabel, t } from '../i18n/zh';
import { DIMENSIONS, facetsOptions, isEmptyFilters, EMPTY_FILTERS, type Dimension, type FacetRow, type FigureFilters } from '../queries';
import { useStateQueries, type StateQueries } from './state-queries';
import { FILTERED_VIEWS, toggleFilter } from './url-state';
import { useDocumentTitles } from './ReportPicker';
import { valueLabel } from '../views/shared/value-label';
import { useRunner } from './engine-context';

/** Dimensions with a menu; every dimension (indicator, document too) shows its chips when filtered. */
const FILTER_DIMENSIONS: readonly Dimension[] = ['category', 'subject', 'kind', 'base_unit', 'section', 'period'];

export interface FilterBarProps {
  filters: FigureFilters;
  onChange: (filters: FigureFilters, opts?: { replace?: boolean }) => void;
}

/** The menus' counts for a state (the filter bar shows on the filtered views). */
const filterBarQueries: StateQueries = (client, state, runner) => {
  if (FILTERED_VIEWS.includes(state.view)) void client.prefetchQuery(facetsOptions(runner, state.filters));
};

/** Search box, one menu per dimension (with counts under the other filters) and removable chips. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const runner = useRunner();
  // The counts are the slower answer: the views' own figures go to the engine first.
  useStateQueries(filterBarQueries, 'last');
  const facets = useQuery(facetsOptions(runner, filters));
  const titles = useDocumentTitles();
  const [text, setText] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  // Keep the box in step with the URL (back/forward) — adjusted during render, as React recommends —
  // and debounce typing into it.
  if (filters.q !== urlQ) {
    setUrlQ(filters.q);
    setText(filters.q);
  }
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }, { replace: true }), 200);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  // The menus' counts follow in a deferred render: they matter once a menu is opened, and the charts and facet
  // lists on screen that wait for the same answer go first.
  const menuRows = useDeferredValue(facets.data);
  const byDimension = useMemo(() => {
    const grouped = new Map<Dimension, FacetRow[]>();
    for (const row of menuRows ?? []) {
      const rows = grouped.get(row.dimension) ?? [];
      rows.push(row);
      grouped.set(row.dimension, rows);
    }
    return grouped;
  }, [menuRows]);

  return (
    <section className="filter-bar" aria-label={t.filters.bar}>
      <input
        type="search"
        className="search"
        placeholder={t.explorer.searchPlaceholder}
        aria-label={t.dimensions.q}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {FILTER_DIMENSIONS.map((dimension) => (
        <select
          key={dimension}
          aria-label={t.filters.add(t.dimensions[dimension])}
          value=""
          disabled={!facets.data}
          onChange={(e) => e.target.value !== '' && onChange(toggleFilter(filters, dimension, e.target.value.slice(1)))}
        >
          <option value="">{t.dimensions[dimension]}</option>
          {(byDimension.get(dimension) ?? []).map((row) => (
            <option key={row.value} value={`=${row.value}`}>
              {filters[dimension].includes(row.value) ? '✓ ' : ''}
              {dimensionValueLabel(dimension, row.value)} ({row.count})
            </option>
          ))}
        </select>
      ))}
      <ul className="chips" aria-label={t.filters.active}>
        {DIMENSIONS.flatMap((dimension) =>
          filters[dimension].map((value) => {
            const label = `${t.dimensions[dimension]}：${valueLabel(dimension, value, titles)}`;
            return (
              <li key={`${dimension}=${value}`} className="chip">
                {label}
                <button
                  type="button"
                  aria-label={t.filters.remove(label)}
                  onClick={() => onChange(toggleFilter(filters, dimension, value))}
                >
                  ×
                </button>
              </li>
            );
          }),
        )}
        {!isEmptyFilters(filters) && (
          <li>
            <button type="button" className="link" onClick={() => onChange(EMPTY_FILTERS)}>
              {t.common.clearAll}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
