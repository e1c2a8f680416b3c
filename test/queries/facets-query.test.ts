import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSyntheticFiguresQuery } from '../../src/bench/synthetic-figures';
import { ENCODE_MIN_ROWS, installFigures, loadTables } from '../../src/db';
import {
  DIMENSIONS, EMPTY_FILTERS, FACET_DIMENSIONS, FIGURES_TABLE, buildFacetsQuery, dimensionText, filterCondition,
  type FigureFilters,
} from '../../src/queries';
import { ident, join, literal, raw, sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';

let engine: Awaited<ReturnType<typeof createTestEngine>>;

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, {
    figuresCsv: readFileSync('data/figures.csv', 'utf8'),
    documentsCsv: readFileSync('data/documents.csv', 'utf8'),
  });
});

/** The plain definition the one-scan query must agree with: one GROUP BY per dimension, under the others. */
function facetsOneQueryPerDimension(filters: FigureFilters) {
  const parts = FACET_DIMENSIONS.map((dimension) => {
    const column = ident(dimension, DIMENSIONS);
    return sql`SELECT ${literal(dimension)} AS dimension, ${dimensionText(raw('value'))} AS value, n AS count
      FROM (SELECT ${column} AS value, count(DISTINCT fact_id)::INTEGER AS n FROM ${FIGURES_TABLE}
            WHERE ${filterCondition(filters, dimension)} GROUP BY ${column})`;
  });
  return sql`${join(parts, ' UNION ALL ')} ORDER BY dimension, count DESC, value`;
}

const f = (partial: Partial<FigureFilters>): FigureFilters => ({ ...EMPTY_FILTERS, ...partial });

describe('facets in one scan', () => {
  const states: [string, FigureFilters][] = [
    ['no filter', EMPTY_FILTERS],
    ['one category', f({ category: ['projects'] })],
    ['two categories and a subject', f({ category: ['projects', 'talent'], subject: ['滨海新区'] })],
    ['an empty period (NULL) and a kind', f({ period: [''], kind: ['count'] })],
    ['text search with a unit', f({ q: '投资', base_unit: ['CNY'] })],
    ['a filter outside the menus (indicator)', f({ indicator: ['协议投资额'], category: ['investment'] })],
    ['a fact’s later mention alone (its first is in another section)', f({ section: ['二(十二)1'] })],
    ['two mentions of one fact both selected', f({ section: ['二(九)3', '二(九)7'], category: ['projects'] })],
    ['a filter nothing passes', f({ subject: ['不存在的主体'] })],
    ['every menu filtered', f({ category: ['talent'], subject: ['街镇'], kind: ['count'], base_unit: ['person'], section: ['1'], period: [''] })],
  ];

  it.each(states)('counts as one query per dimension would: %s', async (_name, filters) => {
    const expected = await engine.query(facetsOneQueryPerDimension(filters));
    const actual = await engine.query(buildFacetsQuery(filters));
    expect(actual).toEqual(expected);
  });

  it('has facts stated more than once, in different sections (so the states above can tell facts from rows)', async () => {
    const [row] = await engine.query(sql`SELECT count(*)::INTEGER AS n FROM (SELECT fact_id FROM ${FIGURES_TABLE}
      WHERE repeated GROUP BY fact_id HAVING count(DISTINCT section) > 1)`);
    expect(Number(row?.n)).toBeGreaterThan(3);
  });

  it('finds values under the other filters (a test that could fail: the data has them)', async () => {
    const rows = await engine.query(buildFacetsQuery(f({ category: ['projects'] })));
    const categories = rows.filter((r) => r.dimension === 'category');
    expect(categories.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.dimension === 'subject').length).toBeGreaterThan(0);
  });

  it('counts the same on a large table whose dimensions are stored as ENUMs', async () => {
    const big = await createTestEngine();
    await big.query(buildSyntheticFiguresQuery(ENCODE_MIN_ROWS));
    await installFigures(big, 'figures_staging', ENCODE_MIN_ROWS);
    const [type] = await big.query(sql`SELECT data_type FROM information_schema.columns
      WHERE table_name = 'figures' AND column_name = 'category'`);
    expect(String(type?.data_type)).toMatch(/^ENUM/);
    for (const filters of [EMPTY_FILTERS, f({ category: ['projects', 'talent'], kind: ['count'] }), f({ q: '重点', period: [''] })]) {
      const expected = await big.query(facetsOneQueryPerDimension(filters));
      expect(expected.length).toBeGreaterThan(0);
      expect(await big.query(buildFacetsQuery(filters))).toEqual(expected);
    }
  });
});
