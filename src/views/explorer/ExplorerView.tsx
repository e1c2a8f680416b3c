import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { FigureRecord } from '../../data/figure-record';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { formatAsWritten } from '../../lib/format';
import { figuresOptions, type FiguresParams, type SortColumn } from '../../queries';
import { useStateQueries, type StateQueries } from '../../app/state-queries';
import { TableExportButtons } from '../../export/TableExportButtons';
import { EmptyState, QueryState } from '../shared/QueryState';
import { useRunner } from '../../app/engine-context';

export interface ExplorerViewProps {
  params: FiguresParams;
  selectedId: string | null;
  onSort: (sort: FiguresParams['sort']) => void;
  onOpenFigure: (id: string) => void;
}

interface Column {
  key: string;
  sort?: SortColumn;
  width: string;
  render: (f: FigureRecord) => string;
}

const COLUMNS: readonly Column[] = [
  { key: 'id', sort: 'id', width: '5.5rem', render: (f) => f.id.split(':').pop() ?? f.id },
  { key: 'value', sort: 'value_base', width: '9rem', render: formatAsWritten },
  { key: 'indicator', sort: 'indicator', width: 'minmax(10rem, 1.2fr)', render: (f) => f.indicator },
  { key: 'subject', sort: 'subject', width: '8rem', render: (f) => f.subject },
  { key: 'category', sort: 'category', width: '7.5rem', render: (f) => dimensionValueLabel('category', f.category) },
  { key: 'kind', sort: 'kind', width: '4.5rem', render: (f) => dimensionValueLabel('kind', f.kind) },
  { key: 'period', sort: 'period', width: '8rem', render: (f) => f.period },
  { key: 'section', sort: 'section', width: '6rem', render: (f) => f.section },
  { key: 'quote', width: 'minmax(14rem, 2fr)', render: (f) => f.quote },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
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
        {COLUMNS.map((c) => {
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
                {COLUMNS.map((c) => (
                  <div key={c.key} role="cell" className={`cell-${c.key}`} title={c.key === 'quote' ? f.quote : undefined}>
                    {c.render(f)}
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
