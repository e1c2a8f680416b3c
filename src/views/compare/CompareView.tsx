import { useQueries, useQuery } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import type { FigureRecord } from '../../data/figure-record';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { formatAsWritten } from '../../lib/format';
import {
  DIMENSIONS, figuresOptions, groupOptions, largestFirst, sourceTextOptions, topFiguresOptions, type Dimension, type FigureFilters,
  compareTop, EMPTY_FILTERS, type TopFigures,
} from '../../queries';
import { useStateQueries, type StateQueries } from '../../app/state-queries';
import { COMPARE_MODES, type AppState, type CompareMode } from '../../app/url-state';
import { EmptyState, ErrorBox, Loading, QueryState } from '../shared/QueryState';
import type { FigureBarDatum } from '../shared/figure-bars-option';
import {
  compareBarsCharts, compareGroupsCharts, comparePairsCharts, compareTreemap, groupsSeries, type CompareBarsChart,
} from './compare-charts';
import { FacetBars } from './FacetBars';
import { SavedQueryView } from './SavedQueryView';
import { BARS_PER_UNIT } from './limits';
import { findPairs } from './pairs';
import '../../charts/echarts-extra';
import { useRunner } from '../../app/engine-context';
import { useDocumentTitles } from '../../app/ReportPicker';

const PICK_LIST_LIMIT = compareTop(EMPTY_FILTERS).overall;

export interface CompareViewProps {
  state: AppState;
  onCompareChange: (compare: AppState['compare']) => void;
  onToggleFilter: (dimension: Dimension, value: string) => void;
  onOpenFigure: (id: string) => void;
}

/** Modes that draw from every figure of the selection; bars (and the pick list) need only the largest. */
const needsAll = (mode: CompareMode) => mode === 'groups' || mode === 'treemap' || mode === 'pairs';

/** Every figure of the selection, as the top-figures answer has them. */
const everyFigure = (figures: FigureRecord[]): TopFigures => ({ figures, total: figures.length, unitTotals: {} });

const compareQueries: StateQueries = (client, { view, filters, compare }, runner) => {
  if (view !== 'compare' || compare.mode === 'saved') return;
  if (needsAll(compare.mode)) void client.prefetchQuery(figuresOptions(runner, largestFirst(filters)));
  else void client.prefetchQuery(topFiguresOptions(runner, compareTop(filters, compare.picks)));
  if (compare.mode === 'groups') {
    void client.prefetchQuery(groupOptions(runner, { filters, by: compare.by, series: groupsSeries(compare.by), baseUnits: [] }));
  }
};

/** Side-by-side comparison of the filtered (or picked) figures, in four chart modes. */
export function CompareView({ state, onCompareChange, onToggleFilter, onOpenFigure }: CompareViewProps) {
  const runner = useRunner();
  const { filters, compare } = state;
  useStateQueries(compareQueries);
  const all = useQuery({
    ...figuresOptions(runner, largestFirst(filters)), enabled: needsAll(compare.mode), select: everyFigure,
  });
  const top = useQuery({ ...topFiguresOptions(runner, compareTop(filters, compare.picks)), enabled: !needsAll(compare.mode) });
  const setMode = (mode: CompareMode) => onCompareChange({ ...compare, mode });
  const onPicks = useCallback((picks: string[]) => onCompareChange({ ...compare, picks }), [compare, onCompareChange]);
  return (
    <div className="compare">
      <div className="mode-tabs" role="tablist" aria-label={t.compare.modeTabs}>
        {COMPARE_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            role="tab"
            aria-selected={compare.mode === mode}
            className={compare.mode === mode ? 'active' : ''}
            onClick={() => setMode(mode)}
          >
            {t.compare.modes[mode]}
          </button>
        ))}
        <span className="muted hint">{t.compare.crossFilterHint}</span>
      </div>
      {compare.mode === 'saved' ? <SavedQueryView /> : (<>
      <FacetBars filters={filters} onToggleFilter={onToggleFilter} />
      <QueryState query={needsAll(compare.mode) ? all : top}>
        {({ figures: rows, total, unitTotals }) => {
          const picked = compare.picks.length > 0 ? rows.filter((r) => compare.picks.includes(r.id)) : rows;
          if (rows.length === 0) return <EmptyState />;
          return (
            <>
              <div className="compare-charts">
                {compare.mode === 'bars' && (
                  <BarsMode figures={picked} total={compare.picks.length > 0 ? picked.length : total}
                    unitTotals={compare.picks.length > 0 ? undefined : unitTotals} onOpenFigure={onOpenFigure} />
                )}
                {compare.mode === 'groups' && (
                  <GroupsMode filters={filters} by={compare.by} picks={compare.picks} figures={rows}
                    onBy={(by) => onCompareChange({ ...compare, by })} onToggleFilter={onToggleFilter} />
                )}
                {compare.mode === 'treemap' && (
                  <TreemapMode figures={picked} onOpenFigure={onOpenFigure} onToggleFilter={onToggleFilter} />
                )}
                {compare.mode === 'pairs' && <PairsMode figures={picked} onOpenFigure={onOpenFigure} />}
              </div>
              <PickList rows={rows} picks={compare.picks} onPicks={onPicks} />
            </>
          );
        }}
      </QueryState>
      </>)}
    </div>
  );
}

const openFromDatum = (onOpenFigure: (id: string) => void) => (e: { data: unknown }) => {
  const id = (e.data as Partial<FigureBarDatum> | undefined)?.figureId;
  if (id) onOpenFigure(id);
};

// Memoised, like the pick list: a filter click re-renders the view with the last answer until the next
// arrives, and these (the costly parts) then have nothing new to show.
const BarsMode = memo(function BarsMode({ figures, total, unitTotals, onOpenFigure }: {
  figures: FigureRecord[];
  /** How many figures the selection holds (the figures are its largest). */
  total: number;
  unitTotals: Readonly<Record<string, number>> | undefined;
  onOpenFigure: (id: string) => void;
}) {
  const charts = useMemo(() => compareBarsCharts(figures, unitTotals), [figures, unitTotals]);
  // A unit a filter takes away keeps its chart, hidden: when it comes back, its chart is updated, not rebuilt.
  const [gone, setGone] = useState<{ from: CompareBarsChart[]; charts: CompareBarsChart[] }>({ from: charts, charts: [] });
  if (gone.from !== charts) {
    const shown = new Set(charts.map((c) => c.baseUnit));
    const away = [...gone.from, ...gone.charts].filter((c, i, all) =>
      !shown.has(c.baseUnit) && all.findIndex((o) => o.baseUnit === c.baseUnit) === i);
    setGone({ from: charts, charts: away });
  }
  const capped = charts.some((c) => c.total > c.figures.length);
  const chart = (c: CompareBarsChart, hidden: boolean) => (
    <EChart key={c.baseUnit} option={c.option} contentKey={c.contentKey} label={c.title} hidden={hidden}
      chartId={`compare-bars-${c.baseUnit}`} exportSpec={{ title: c.title, unit: c.unit, figures: c.figures }}
      height={c.height} onClick={openFromDatum(onOpenFigure)} />
  );
  return (
    <>
      {charts.length > 1 && <p className="note">{t.compare.splitNote(charts.length)}</p>}
      {capped && <p className="note">{t.compare.cappedNote(BARS_PER_UNIT, total)}</p>}
      <div className="small-multiples">
        {/* One list, so a chart moving between shown and hidden keeps its key's component. */}
        {[...charts.map((c) => chart(c, false)), ...gone.charts.map((c) => chart(c, true))]}
      </div>
    </>
  );
});

function GroupsMode({ filters, by, picks, figures, onBy, onToggleFilter }: {
  filters: FigureFilters; by: Dimension; picks: string[]; figures: FigureRecord[]; onBy: (by: Dimension) => void;
  onToggleFilter: (dimension: Dimension, value: string) => void;
}) {
  const runner = useRunner();
  const groups = useQuery(groupOptions(runner, { filters, by, series: groupsSeries(by), baseUnits: [] }));
  const titles = useDocumentTitles();
  return (
    <>
      <label className="inline-field">
        {t.compare.groupBy}
        <select value={by} onChange={(e) => onBy(e.target.value as Dimension)}>
          {DIMENSIONS.map((d) => <option key={d} value={d}>{t.dimensions[d]}</option>)}
        </select>
      </label>
      <p className="note">{t.compare.groupsNote}{picks.length > 0 ? t.compare.groupsIgnorePicks : ''}</p>
      <QueryState query={groups}>
        {(rows) => {
          const { charts, refused } = compareGroupsCharts(rows, by, figures, titles);
          return (
            <>
              <div className="small-multiples">
                {charts.map((c) => (
                  <EChart key={c.baseUnit} label={c.title} chartId={`compare-groups-${c.baseUnit}`} height={c.height}
                    exportSpec={c.spec} option={c.option} onClick={(e) => onToggleFilter(by, e.name)} />
                ))}
              </div>
              {refused.length > 0 && (
                <ul className="refused-units" data-testid="refused-units">
                  {refused.map((r) => (
                    <li key={r.baseUnit}>
                      <strong>{t.compare.refusedUnit(r.unit, r.facts)}</strong>
                      {r.reasons.map((code) => t.refusals[code] ?? code).join('；')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function TreemapMode({ figures, onOpenFigure, onToggleFilter }: {
  figures: FigureRecord[]; onOpenFigure: (id: string) => void; onToggleFilter: (d: Dimension, v: string) => void;
}) {
  const treemap = useMemo(() => compareTreemap(figures), [figures]);
  if (!treemap) return <p className="note">{t.compare.noCny}</p>;
  return (
    <>
      <p className="note">{t.compare.treemapNote}{treemap.composition.others > 0 ? ` ${t.compare.treemapOthers(treemap.composition.others)}` : ''}</p>
      <EChart option={treemap.option} label={t.compare.modes.treemap} chartId="compare-treemap" height={treemap.height}
        exportSpec={treemap.spec}
        onClick={(e) => {
          const node = e.data as { figureId?: string; subject?: string } | undefined;
          if (node?.figureId) onOpenFigure(node.figureId);
          else if (node?.subject !== undefined) onToggleFilter('subject', node.subject);
        }} />
    </>
  );
}

function PairsMode({ figures, onOpenFigure }: { figures: FigureRecord[]; onOpenFigure: (id: string) => void }) {
  const runner = useRunner();
  const docIds = [...new Set(figures.map((f) => f.doc_id))];
  const texts = useQueries({ queries: docIds.map((docId) => sourceTextOptions(runner, docId)) });
  const failed = texts.find((q) => q.isError);
  if (failed) return <ErrorBox error={failed.error} />;
  if (texts.some((q) => q.data === undefined)) return <Loading />;
  const pairs = docIds.flatMap((docId, i) => findPairs(figures.filter((f) => f.doc_id === docId), texts[i]?.data ?? ''));
  if (pairs.length === 0) return <p className="note">{t.compare.noPairs}</p>;
  return (
    <div className="small-multiples">
      {comparePairsCharts(pairs).map((c) => (
        <EChart key={c.baseUnit} option={c.option} label={c.title} chartId={`compare-pairs-${c.baseUnit}`}
          exportSpec={{ title: c.title, figures: c.figures }} height={c.height} onClick={openFromDatum(onOpenFigure)} />
      ))}
    </div>
  );
}

/**
 * The figures to pick from (up to PICK_LIST_LIMIT). A filter click updates it after the charts: its rows are
 * a deferred value, so the hundreds of list items it may rebuild never hold back the charts on screen.
 */
const PickList = memo(function PickList({ rows, picks, onPicks }: {
  rows: FigureRecord[];
  picks: string[];
  onPicks: (p: string[]) => void;
}) {
  const deferredRows = useDeferredValue(rows);
  return (
    <section className="pick-list" aria-label={t.compare.pickList} aria-busy={deferredRows !== rows}>
      <header>
        <span>{picks.length > 0 ? t.compare.picked(picks.length) : t.compare.pickHint}</span>
        {picks.length > 0 && <button type="button" className="link" onClick={() => onPicks([])}>{t.compare.clearPicks}</button>}
      </header>
      <PickRows rows={deferredRows} picks={picks} onPicks={onPicks} />
    </section>
  );
});

const PickRows = memo(function PickRows({ rows, picks, onPicks }: {
  rows: FigureRecord[];
  picks: string[];
  onPicks: (p: string[]) => void;
}) {
  const toggle = (id: string) => onPicks(picks.includes(id) ? picks.filter((p) => p !== id) : [...picks, id]);
  return (
    <ul>
      {rows.slice(0, PICK_LIST_LIMIT).map((f) => (
        <li key={f.id}>
          <label>
            <input type="checkbox" checked={picks.includes(f.id)} onChange={() => toggle(f.id)} />
            <span className="pick-value">{formatAsWritten(f)}</span>
            <span>{f.indicator}</span>
            <span className="muted">{[f.subject, dimensionValueLabel('category', f.category)].filter(Boolean).join(' · ')}</span>
          </label>
        </li>
      ))}
    </ul>
  );
});
