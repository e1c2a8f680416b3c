import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import {
  DIMENSIONS, EMPTY_FILTERS, FIGURES_TABLE, filterCondition, type FigureFilters,
} from '../../src/queries';
import { sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';

const FIGURES_CSV = readFileSync('data/figures.csv', 'utf8');
const rows = Papa.parse<Record<string, string>>(FIGURES_CSV, { header: true, skipEmptyLines: true }).data;

let engine: Awaited<ReturnType<typeof createTestEngine>>;
beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: FIGURES_CSV, documentsCsv: readFileSync('data/documents.csv', 'utf8') });
});

const f = (partial: Partial<FigureFilters>): FigureFilters => ({ ...EMPTY_FILTERS, ...partial });

/** The filter's meaning, written plainly over the CSV rows: '' is an empty field, and no values is any. */
function expectedCount(filters: FigureFilters): number {
  const q = filters.q.trim().toLowerCase();
  return rows.filter((row) =>
    DIMENSIONS.every((d) => filters[d].length === 0 || filters[d].includes(row[d] ?? ''))
    && (q === '' || `${row.indicator ?? ''} ${row.subject ?? ''} ${row.quote ?? ''}`.toLowerCase().includes(q)),
  ).length;
}

const count = async (filters: FigureFilters) =>
  Number((await engine.query(sql`SELECT count(*) AS n FROM ${FIGURES_TABLE} WHERE ${filterCondition(filters)}`))[0]?.n);

describe('filter conditions', () => {
  const states: [string, FigureFilters][] = [
    ['nothing set', EMPTY_FILTERS],
    ['one category', f({ category: ['projects'] })],
    ['two categories and a subject', f({ category: ['projects', 'talent'], subject: ['滨海新区'] })],
    ['the empty period (NULL) alone', f({ period: [''] })],
    ['the empty period or another', f({ period: ['', rows.find((r) => r.period)?.period ?? ''] })],
    ['text search', f({ q: ' 投资 ' })],
    ['a value no figure has', f({ subject: ['不存在的主体'] })],
  ];

  it.each(states)('keeps the figures a plain reading of the filter keeps: %s', async (_name, filters) => {
    const expected = expectedCount(filters);
    expect(await count(filters)).toBe(expected);
  });

  it('has data behind the cases (so that they can fail)', () => {
    expect(expectedCount(f({ category: ['projects'] }))).toBeGreaterThan(0);
    expect(expectedCount(f({ period: [''] }))).toBeGreaterThan(0);
    expect(expectedCount(f({ q: '投资' }))).toBeGreaterThan(0);
  });
});
