import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { CHART_RENDERED_EVENT } from '../../charts/events';
import { t } from '../../i18n/zh';
import { facetsOptions, type Dimension, type FacetRow, type FigureFilters } from '../../queries';
import { useSettled } from '../shared/useSettled';
import { facetBars } from './facet-bars';
import { useRunner } from '../../app/engine-context';

const FACETS: readonly Dimension[] = ['category', 'subject', 'kind'];

/**
 * Cross-filter strip: how the selection spreads over category, subject and kind, as lists of bars. Each list
 * counts under the other filters; each bar is a toggle button (keyboard and screen readers included) that
 * adds or removes its value, which re-draws everything else. Plain HTML: a click re-lays out a few dozen
 * boxes instead of re-drawing three charts.
 */
export function FacetBars({ filters, onToggleFilter }: {
  filters: FigureFilters;
  onToggleFilter: (dimension: Dimension, value: string) => void;
}) {
  const runner = useRunner();
  const facets = useQuery(facetsOptions(runner, filters));
  // While the next counts load, the lists keep the last counts with the filters they were counted under.
  const counted = useSettled(filters, !facets.isPlaceholderData);
  if (!facets.data) return null;
  return (
    <div className="facet-lists">
      {FACETS.map((dimension) => (
        <FacetList key={dimension} dimension={dimension} rows={facets.data} selected={counted[dimension]}
          onToggleFilter={onToggleFilter} />
      ))}
    </div>
  );
}

/** One dimension's list; memoised, so a click re-renders only the lists whose counts or selection changed. */
const FacetList = memo(function FacetList({ dimension, rows, selected, onToggleFilter }: {
  dimension: Dimension;
  rows: readonly FacetRow[];
  selected: readonly string[];
  onToggleFilter: (dimension: Dimension, value: string) => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const title = t.compare.facetTitle(t.dimensions[dimension]);
  const bars = useMemo(() => facetBars(dimension, rows, selected), [dimension, rows, selected]);
  // Each answer is announced once it is on the page, as charts announce theirs (whoever waits for the page
  // to be up to date after a filter listens for one event).
  useEffect(() => {
    ref.current?.dispatchEvent(new CustomEvent(CHART_RENDERED_EVENT, { bubbles: true }));
  }, [rows]);
  return (
    <section ref={ref} className="facet-list" data-facet={dimension} aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {bars.length === 0 ? <p className="muted">{t.common.empty}</p> : (
        <ul>
          {bars.map((bar) => (
            <li key={bar.value}>
              <button type="button" aria-pressed={bar.selected} className={bar.muted ? 'muted' : undefined} data-value={bar.value}
                title={`${bar.label}：${t.common.figures(bar.count)}，${t.common.clickToFilter}`}
                onClick={() => onToggleFilter(dimension, bar.value)}>
                <span className="facet-label">{bar.label}</span>
                <span className="facet-track" aria-hidden="true">
                  <span className="facet-fill" style={{ width: `${(bar.share * 100).toFixed(1)}%` }} />
                </span>
                <span className="facet-count">{bar.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
