import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { EMPTY_FILTERS, fetchFigures, fetchPivot, type FigureFilters, type PivotSpec } from '../../src/queries';
import { buildPivotGrid, cellDimensions } from '../../src/views/pivot/pivot-grid';
import { drillFilters } from '../../src/views/pivot/pivot-url';
import { createTestEngine } from '../util/test-db';

/** The real dataset: its indicators overlap in text (整改措施数 is part of 具体问题整改措施数 and of many quotes). */
let engine: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, {
    figuresCsv: readFileSync('data/figures.csv', 'utf8'), documentsCsv: readFileSync('data/documents.csv', 'utf8'),
  });
});

const byId = { column: 'id', desc: false } as const;

async function drillAll(spec: PivotSpec, base: FigureFilters) {
  const grid = buildPivotGrid(await fetchPivot(engine.runner, { spec, filters: base }), spec);
  const cells: { dims: ReturnType<typeof cellDimensions>; count: number; drilled: number }[] = [];
  for (const row of grid.rows) {
    for (const [i, column] of grid.columns.entries()) {
      const cell = row.cells[i];
      if (!cell) continue;
      const dims = cellDimensions(grid, row, column);
      const drilled = await fetchFigures(engine.runner, { filters: drillFilters(base, spec, dims), sort: byId });
      // The pivot counts facts; the explorer lists every mention of them.
      cells.push({ dims, count: cell.count, drilled: new Set(drilled.map((f) => f.fact_id)).size });
    }
  }
  return cells;
}

describe('pivot drill-through on the real figures', () => {
  it('opens exactly the figures each cell, subtotal and total counts, with indicators on rows', async () => {
    // The filter bar and the pivot's own filter both pick kinds: the pivot counts their intersection.
    const spec: PivotSpec = { rows: ['category', 'indicator'], columns: ['kind'], measure: 'count', filters: { kind: ['count', 'amount', 'person'] } };
    const base = { ...EMPTY_FILTERS, category: ['governance', 'party_building', 'investment'], kind: ['count', 'amount', 'percent'] };
    const cells = await drillAll(spec, base);
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => c.drilled !== c.count)).toEqual([]);
    const all = await fetchFigures(engine.runner, { filters: EMPTY_FILTERS, sort: byId });
    const inScope = new Set(all.filter((f) => base.category.includes(f.category) && (f.kind === 'count' || f.kind === 'amount')).map((f) => f.fact_id));
    expect(cells.at(-1)).toEqual({ dims: [], count: inScope.size, drilled: inScope.size });
  });

  it('does not fall back to text search, which would also match other indicators and quotes', async () => {
    const spec: PivotSpec = { rows: ['indicator'], columns: [], measure: 'count', filters: {} };
    const cells = await drillAll(spec, EMPTY_FILTERS);
    const problems = cells.find((c) => c.dims[0]?.[1] === '整改措施数');
    const searched = await fetchFigures(engine.runner, { filters: { ...EMPTY_FILTERS, q: '整改措施数' }, sort: byId });
    expect(problems?.count).toBeGreaterThan(1);
    expect(problems?.drilled).toBe(problems?.count);
    expect(new Set(searched.map((f) => f.fact_id)).size).toBeGreaterThan(problems?.count ?? 0);
    expect(cells.filter((c) => c.drilled !== c.count)).toEqual([]);
  });
});
