import { useCallback } from 'react';
import { t } from '../i18n/zh';
import type { Dimension, FigureFilters } from '../queries';
import { CompareView } from '../views/compare/CompareView';
import { DeckView } from '../views/deck/DeckView';
import { ExplorerView } from '../views/explorer/ExplorerView';
import { OverviewView } from '../views/overview/OverviewView';
import { PivotView } from '../views/pivot/PivotView';
import { WorkbenchView } from '../views/workbench/WorkbenchView';
import { ProvenancePanel } from '../views/provenance/ProvenancePanel';
import { EngineStatusBadge } from './EngineStatusBadge';
import { FilterBar } from './FilterBar';
import { toggleFilter, VIEWS, type ViewName } from './url-state';
import { useAppState } from './useAppState';

/** The shell: header with view tabs and engine status, the active view, and the provenance panel. */
export function App() {
  const [state, update] = useAppState();
  const openFigure = useCallback((id: string) => update({ figure: id }), [update]);
  const closeFigure = useCallback(() => update({ figure: null }), [update]);
  const setFilters = useCallback(
    (filters: FigureFilters, opts?: { replace?: boolean }) => update({ filters }, opts),
    [update],
  );
  const onToggleFilter = (dimension: Dimension, value: string) =>
    setFilters(toggleFilter(state.filters, dimension, value));

  return (
    <div className={`app${state.figure ? ' with-panel' : ''}`}>
      <header className="app-header">
        <div className="brand">
          <h1>{t.appTitle}</h1>
          <span className="muted">{t.appSubtitle}</span>
        </div>
        <nav className="view-tabs" aria-label="视图">
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
        <EngineStatusBadge />
      </header>
      <main className="app-main">
        {state.view === 'overview' && (
          <OverviewView onOpenFigure={openFigure}
            onOpenTheme={(categories) => update({ view: 'explorer', filters: { ...state.filters, category: [...categories] } })} />
        )}
        {state.view !== 'overview' && state.view !== 'deck' && state.view !== 'sql' && <FilterBar filters={state.filters} onChange={setFilters} />}
        {state.view === 'compare' && (
          <CompareView state={state} onCompareChange={(compare) => update({ compare })}
            onToggleFilter={onToggleFilter} onOpenFigure={openFigure} />
        )}
        {state.view === 'deck' && <DeckView />}
        {state.view === 'pivot' && (
          <PivotView filters={state.filters} onDrill={(filters) => update({ view: 'explorer', filters, figure: null })} />
        )}
        {state.view === 'sql' && <WorkbenchView />}
        {state.view === 'explorer' && (
          <ExplorerView params={{ filters: state.filters, sort: state.sort }} selectedId={state.figure}
            onSort={(sort) => update({ sort })} onOpenFigure={openFigure} />
        )}
      </main>
      {state.figure && <ProvenancePanel figureId={state.figure} onNavigate={openFigure} onClose={closeFigure} />}
    </div>
  );
}
