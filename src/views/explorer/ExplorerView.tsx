import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { FigureRecord } from '../../data/figure-record';
import { t } from '../../i18n/zh';
import { figuresOptions, type FiguresParams } from '../../queries';
import { useDocumentTitles } from '../../app/ReportPicker';
import { useStateQueries, type StateQueries } from '../../app/state-queries';
import { TableExportButtons } from '../../export/TableExportButtons';
import { EmptyState, QueryState } from '../shared/QueryState';
import { useRunner } from '../../app/engine-context';
import { EXPLORER_COLUMNS } from './explorer-columns';

export interface ExplorerViewProps {
  params: FiguresParams;
  selectedId: string | null;
  onSort: (sort: FiguresParams['sort']) => void;
  onOpenFigure: (id: string) => void;
}

const GRID = EXPLORER_COLUMNS.map((c) => c.width).join(' ');
const ROW_HEIGHT = 36;

const explorerQueries: StateQueries = (client, { view, filters, sort }, runner) => {
  if (view === 'explorer') void client.prefetchQuery(figuresOptions(runner, { filters, sort }));
};

/** Every figure in a sortable, filterable, virtualised table; a row opens its provenance. */
export function ExplorerView(props: ExplorerViewProps) {
  const runner = useRunner();
  useStateQueries(explorerQueries);
  const figures = useQuery(figuresOptions(runner, props.params));
  return (
    <QueryState query={figures}>
      {(rows) =>
        rows.length === 0 && !figures.isPlaceholderData ? (
          <EmptyState />
        ) : (
          <FigureTable rows={rows} busy={figures.isPlaceholderData} {...props} />
        )
      }
    </QueryState>
  );
}

function FigureTable({ rows, busy, params, selectedId, onSort, onOpenFigure }: ExplorerViewProps & { rows: FigureRecord[]; busy: boolean }) {
  const scroller = useRef<HTMLDivElement>(null);
  const titles = useDocumentTitles();
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const row = rows[index];
      if (row) onOpenFigure(row.id);
    } else if (move !== 0) {
      e.preventDefault();
      const target = Math.max(0, Math.min(rows.length - 1, index + move));
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
      );
    }
  };
  return (
    <div className={`figure-table${busy ? ' busy' : ''}`} role="table" aria-label={t.explorer.table}
      aria-rowcount={rows.length + 1} aria-busy={busy}>
      <div className="ft-head" role="row" style={{ gridTemplateColumns: GRID }}>
        {EXPLORER_COLUMNS.map((c) => {
          const active = c.sort === params.sort.column;
          const label = t.explorer.columns[c.key] ?? c.key;
          return (
            <div key={c.key} role="columnheader" aria-sort={active ? (params.sort.desc ? 'descending' : 'ascending') : 'none'}>
              {c.sort ? (
                <button type="button" title={t.explorer.sortBy(label)}
                  onClick={() => onSort({ column: c.sort!, desc: active ? !params.sort.desc : c.sort === 'value_base' })}>
                  {label}{active ? (params.sort.desc ? ' ↓' : ' ↑') : ''}
                </button>
              ) : label}
            </div>
          );
        })}
      </div>
      <div className="ft-body" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const f = rows[item.index];
            if (!f) return null;
            return (
              <div key={f.id} role="row" tabIndex={0} data-index={item.index} data-figure={f.id}
                aria-selected={f.id === selectedId} aria-rowindex={item.index + 2}
                className={`ft-row${f.id === selectedId ? ' selected' : ''}`}
                style={{ gridTemplateColumns: GRID, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onOpenFigure(f.id)} onKeyDown={(e) => onKeyDown(e, item.index)}>
                {EXPLORER_COLUMNS.map((c) => (
                  <div key={c.key} role="cell" className={`cell-${c.key}`} title={c.hover?.(f, titles)}>
                    {c.text(f, titles)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <div className="ft-foot muted">
        {t.common.figures(rows.length)}
        <TableExportButtons title={t.explorer.table} figures={rows} />
      </div>
    </div>
  );
}
