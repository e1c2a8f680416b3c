import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { t } from '../../i18n/zh';
import { facetsOptions, type Dimension, type FigureFilters } from '../../queries';
import { useSettled } from '../shared/useSettled';
import { buildFacetBarsOption } from './facet-bars-option';

const FACETS: readonly Dimension[] = ['category', 'subject', 'kind'];

/**
 * Cross-filter strip: how the selection spreads over category, subject and kind. Each chart counts under the
 * other filters; clicking a bar toggles that value, which re-draws every other chart.
 */
export function FacetCharts({ filters, onToggleFilter }: {
  filters: FigureFilters;
  onToggleFilter: (dimension: Dimension, value: string) => void;
}) {
  const facets = useQuery(facetsOptions(filters));
  // While the next counts load, the charts keep the last counts with the filters they were counted under.
  const counted = useSettled(filters, !facets.isPlaceholderData);
  const charts = useMemo(
    () =>
      FACETS.map((dimension) => {
        const rows = (facets.data ?? []).filter((r) => r.dimension === dimension);
        const title = t.compare.facetTitle(t.dimensions[dimension]);
        const contentKey = JSON.stringify([rows.map((r) => [r.value, r.count]), counted[dimension]]);
        return { dimension, title, rows, contentKey, option: buildFacetBarsOption(rows, counted[dimension], title) };
      }),
    [facets.data, counted],
  );
  if (!facets.data) return null;
  return (
    <div className="facet-charts">
      {charts.map((c) => (
        <EChart key={c.dimension} option={c.option} contentKey={c.contentKey} label={c.title} chartId={`facet-${c.dimension}`}
          height={Math.max(120, 46 + Math.min(15, c.rows.length) * 20)}
          onClick={(e) => onToggleFilter(c.dimension, e.name)} />
      ))}
    </div>
  );
}
