import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { t } from '../../i18n/zh';
import { keyLabel, measureUnitLabel } from './pivot-chart-option';
import { cellRefusal, cellText, heatLevel, visibleRows, type GridColumn, type GridRow, type PivotGrid, type PivotSort } from './pivot-grid';

const ROW_HEIGHT = 34;
/**
 * Column widths in rem. Fixed, and the same template on the header and on every row, so the header and the
 * body are one grid: no row's content (a long column label, a wide number) can size its own columns.
 */
const LABEL_WIDTH = 14;
const COLUMN_WIDTH = 8;

export interface PivotTableProps {
  grid: PivotGrid;
  sort: PivotSort;
  heat: boolean;
  onSort: (sort: PivotSort) => void;
  onDrill: (row: GridRow, column: GridColumn) => void;
}

function columnTitle(grid: PivotGrid, column: GridColumn): string {
  if (column.key.length === 0) return t.pivot.total;
  const label = keyLabel(column.key, grid.colDims, grid.titles);
  return column.total ? t.pivot.subtotal(label) : label;
}

/** True while the page is printed: every row is rendered then, not only those scrolled into view. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Synchronously: the print layout is taken as soon as `beforeprint` returns.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/**
 * The pivot as a table: a sticky header (column path and unit, click to sort), collapsible row groups that
 * carry their subtotals, and only the rows in view rendered. Every cell drills through to its figures.
 */
export function PivotTable({ grid, sort, heat, onSort, onDrill }: PivotTableProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = visibleRows(grid, collapsed);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 16,
  });
  const printing = usePrinting();
  const items = printing ? rows.map((_, index) => ({ index, start: index * ROW_HEIGHT })) : virtualizer.getVirtualItems();
  const width = `${LABEL_WIDTH + grid.columns.length * COLUMN_WIDTH}rem`;
  const layout = { gridTemplateColumns: `${LABEL_WIDTH}rem repeat(${grid.columns.length}, ${COLUMN_WIDTH}rem)`, width };
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const sortBy = (by: string) => onSort({ by, desc: sort.by === by ? !sort.desc : by !== 'label' });
  const mark = (by: string) => (sort.by === by ? (sort.desc ? ' ↓' : ' ↑') : '');
  return (
    <div className="pivot-table" role="table" aria-label={t.views.pivot} aria-rowcount={rows.length + 1}>
      <div className="pt-scroll" ref={scroller}>
        <div className="pt-head" role="row" style={layout}>
          <div role="columnheader" className="pt-corner">
            <button type="button" onClick={() => sortBy('label')}>{t.pivot.rowHeader}{mark('label')}</button>
          </div>
          {grid.columns.map((c) => {
            const title = columnTitle(grid, c);
            return (
              <div key={c.id} role="columnheader" className={c.total ? 'pt-total' : undefined}
                aria-sort={sort.by === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                {/* A long label wraps, then is cut short, within its column; the title keeps the whole of it. */}
                <button type="button" title={t.pivot.sortBy(title)} onClick={() => sortBy(c.id)}>
                  <span className="pt-col-label">{title}{mark(c.id)}</span>
                  <span className="pt-col-unit">{measureUnitLabel(grid, c.unit)}</span>
                </button>
              </div>
            );
          })}
        </div>
        <div className="pt-body" style={{ height: printing ? rows.length * ROW_HEIGHT : virtualizer.getTotalSize(), width }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const label = row.depth === 0 ? t.pivot.total : keyLabel(row.key.slice(-1), grid.rowDims.slice(row.depth - 1), grid.titles);
            return (
              <div key={row.id} role="row" data-row-key={row.key.join('/')} data-depth={row.depth}
                className={`pt-row${row.leaf ? '' : ' pt-group'}${row.depth === 0 ? ' pt-grand' : ''}`}
                style={{ ...layout, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <div role="rowheader" className="pt-row-label" style={{ paddingLeft: `${Math.max(0, row.depth - 1) * 1.1 + 0.4}rem` }}>
                  {!row.leaf && row.depth > 0 && (
                    <button type="button" className="pt-toggle" aria-expanded={!collapsed.has(row.id)}
                      aria-label={collapsed.has(row.id) ? t.pivot.expand : t.pivot.collapse} onClick={() => toggle(row.id)}>
                      {collapsed.has(row.id) ? '▸' : '▾'}
                    </button>
                  )}
                  <span title={label}>{label}</span>
                </div>
                {grid.columns.map((c, i) => {
                  const cell = row.cells[i] ?? null;
                  const level = heat ? heatLevel(cell, row, c, grid) : 0;
                  return (
                    <div key={c.id} role="cell" className={`pt-cell${c.total ? ' pt-total' : ''}`}
                      data-col-key={c.key.join('/')} data-unit={c.unit}
                      style={level > 0 ? { background: `rgba(47, 93, 138, ${(0.08 + level * 0.6).toFixed(3)})`, color: level > 0.6 ? '#fff' : undefined } : undefined}>
                      {cell && (
                        <button type="button" title={cellRefusal(cell) ?? t.pivot.drill(cell.count)}
                          aria-label={cellRefusal(cell) ? `${t.pivot.refusedCell} ${cellRefusal(cell) ?? ''}` : undefined}
                          onClick={() => onDrill(row, c)}>
                          {cellText(cell, grid, t.pivot.nFigures)}
                        </button>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div className="ft-foot muted">{t.pivot.groups(grid.rows.length)}</div>
    </div>
  );
}
