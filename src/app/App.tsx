import { lazy, Suspense, useCallback } from 'react';
import { t } from '../i18n/zh';
import type { Dimension, FigureFilters } from '../queries';
import { OverviewView } from '../views/overview/OverviewView';
import { Loading } from '../views/shared/QueryState';
import { EngineStatusBadge } from './EngineStatusBadge';
import { FilterBar } from './FilterBar';
import { ReportPicker } from './ReportPicker';
import { ViewBoundary } from './ViewBoundary';
import { FILTERED_VIEWS, toggleFilter, VIEWS, type AppState, type ViewName } from './url-state';
import { readAppState, useAppState } from './useAppState';

// The overview is the first screen; every other view loads on first visit, keeping the initial bundle small.
const CompareView = lazy(() => import('../views/compare/CompareView').then((m) => ({ default: m.CompareView })));
const MetricsView = lazy(() => import('../views/metrics/MetricsView').then((m) => ({ default: m.MetricsView })));
const ReportsView = lazy(() => import('../views/reports/ReportsView').then((m) => ({ default: m.ReportsView })));
const DeckView = lazy(() => import('../views/deck/DeckView').then((m) => ({ default: m.DeckView })));
const ExplorerView = lazy(() => import('../views/explorer/ExplorerView').then((m) => ({ default: m.ExplorerView })));
const PivotView = lazy(() => import('../views/pivot/PivotView').then((m) => ({ default: m.PivotView })));
const WorkbenchView = lazy(() => import('../views/workbench/WorkbenchView').then((m) => ({ default: m.WorkbenchView })));
const ProvenancePanel = lazy(() =>
  import('../views/provenance/ProvenancePanel').then((m) => ({ default: m.ProvenancePanel })),
);

/** The shell: header with view tabs and engine status, the active view, and the provenance panel. */
export function App() {
  const [state, update] = useAppState();
  const openFigure = useCallback((id: string) => update({ figure: id }), [update]);
  const closeFigure = useCallback(() => update({ figure: null }), [update]);
  const setFilters = useCallback(
    (filters: FigureFilters, opts?: { replace?: boolean }) => update({ filters }, opts),
    [update],
  );
  // Stable callbacks (they read the state when called), so memoised views are not re-rendered by new ones.
  const onToggleFilter = useCallback(
    (dimension: Dimension, value: string) => setFilters(toggleFilter(readAppState().filters, dimension, value)),
    [setFilters],
  );
  const onCompareChange = useCallback((compare: AppState['compare']) => update({ compare }), [update]);

  return (
    <div className={`app${state.figure ? ' with-panel' : ''}`}>
      <header className="app-header">
        <div className="brand">
          <h1>{t.appTitle}</h1>
          <span className="muted">{t.appSubtitle}</span>
        </div>
        <nav className="view-tabs" aria-label={t.viewTabs}>
          {VIEWS.map((view: ViewName) => (
            <a key={view} href={`?view=${view}`} aria-current={state.view === view ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                update({ view });
              }}>
              {t.views[view]}
            </a>
          ))}
        </nav>
        {FILTERED_VIEWS.includes(state.view) && <ReportPicker filters={state.filters} onChange={setFilters} />}
        <EngineStatusBadge />
      </header>
      <main className="app-main">
        {FILTERED_VIEWS.includes(state.view) && <FilterBar filters={state.filters} onChange={setFilters} />}
        <ViewBoundary view={state.view}>
          <Suspense fallback={<Loading />}>
            {state.view === 'overview' && (
              <OverviewView onOpenFigure={openFigure} docId={state.filters.doc_id.length === 1 ? (state.filters.doc_id[0] ?? null) : null}
                onPickReport={(docId) => update({ filters: { ...state.filters, doc_id: [docId] } })}
                onGo={(view) => update({ view })}
                onOpenTheme={(categories, docId) => update({
                  view: 'explorer', filters: { ...state.filters, category: [...categories], doc_id: docId ? [docId] : state.filters.doc_id },
                })} />
            )}
            {state.view === 'compare' && (
              <CompareView state={state} onCompareChange={onCompareChange}
                onToggleFilter={onToggleFilter} onOpenFigure={openFigure} />
            )}
            {state.view === 'metrics' && <MetricsView onOpenFigure={openFigure} />}
            {state.view === 'pivot' && (
              <PivotView filters={state.filters} onDrill={(filters) => update({ view: 'explorer', filters, figure: null })} />
            )}
            {state.view === 'explorer' && (
              <ExplorerView params={{ filters: state.filters, sort: state.sort }} selectedId={state.figure}
                onSort={(sort) => update({ sort })} onOpenFigure={openFigure} />
            )}
            {state.view === 'reports' && <ReportsView />}
            {state.view === 'sql' && <WorkbenchView />}
            {state.view === 'deck' && <DeckView />}
          </Suspense>
        </ViewBoundary>
      </main>
      {state.figure && (
        <ViewBoundary view={`figure-${state.figure}`}>
          <Suspense fallback={null}>
            <ProvenancePanel figureId={state.figure} onNavigate={openFigure} onClose={closeFigure} />
          </Suspense>
        </ViewBoundary>
      )}
    </div>
  );
}
