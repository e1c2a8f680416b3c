import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ReadOnlyResult } from '../../db';

const ROW_HEIGHT = 30;

/** A query result as a virtualised table: column names with their DuckDB types, NULL shown as such. */
export function ResultTable({ result }: { result: ReadOnlyResult }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: result.rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const template = `repeat(${result.columns.length}, minmax(8rem, 1fr))`;
  return (
    <div className="wb-table" role="table" aria-rowcount={result.rows.length + 1}>
      <div className="pt-scroll" ref={scroller}>
        <div className="pt-head" role="row" style={{ gridTemplateColumns: template }}>
          {result.columns.map((c) => (
            <div key={c.name} role="columnheader" title={c.type}>{c.name}<span className="pt-col-unit">{c.type}</span></div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = result.rows[item.index];
            if (!row) return null;
            return (
              <div key={item.index} role="row" className="pt-row wb-row"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                {result.columns.map((c) => (
                  <div key={c.name} role="cell" className={typeof row[c.name] === 'number' ? 'pt-cell' : 'wb-text'}>
                    {row[c.name] === null ? <span className="muted">NULL</span> : String(row[c.name])}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
