import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { t } from '../../i18n/zh';
import { keyLabel, measureUnitLabel } from './pivot-chart-option';
import { cellText, heatLevel, visibleRows, type GridColumn, type GridRow, type PivotGrid, type PivotSort } from './pivot-grid';

const ROW_HEIGHT = 34;

export interface PivotTableProps {
  grid: PivotGrid;
  sort: PivotSort;
  heat: boolean;
  onSort: (sort: PivotSort) => void;
  onDrill: (row: GridRow, column: GridColumn) => void;
}

function columnTitle(grid: PivotGrid, column: GridColumn): string {
  if (column.key.length === 0) return t.pivot.total;
  const label = keyLabel(column.key, grid.colDims);
  return column.total ? t.pivot.subtotal(label) : label;
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
  const template = `minmax(12rem, 16rem) repeat(${grid.columns.length}, minmax(7.5rem, 1fr))`;
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
        <div className="pt-head" role="row" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className="pt-corner">
            <button type="button" onClick={() => sortBy('label')}>{t.pivot.rowHeader}{mark('label')}</button>
          </div>
          {grid.columns.map((c) => (
            <div key={c.id} role="columnheader" className={c.total ? 'pt-total' : undefined}
              aria-sort={sort.by === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" title={t.pivot.sortBy(columnTitle(grid, c))} onClick={() => sortBy(c.id)}>
                <span className="pt-col-label">{columnTitle(grid, c)}{mark(c.id)}</span>
                <span className="pt-col-unit">{measureUnitLabel(grid, c.unit)}</span>
              </button>
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const label = row.depth === 0 ? t.pivot.total : keyLabel(row.key.slice(-1), grid.rowDims.slice(row.depth - 1));
            return (
              <div key={row.id} role="row" data-row-key={row.key.join('/')} data-depth={row.depth}
                className={`pt-row${row.leaf ? '' : ' pt-group'}${row.depth === 0 ? ' pt-grand' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
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
                        <button type="button" title={t.pivot.drill(cell.count)} onClick={() => onDrill(row, c)}>
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
