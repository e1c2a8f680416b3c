import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { EMPTY_FILTERS, buildPivotQuery, fetchPivot, type FigureFilters, type PivotRow, type PivotSpec } from '../../src/queries';
import { sql } from '../../src/sql';
import { honestSum } from '../../src/lib/additivity';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
});

const spec = (s: Partial<PivotSpec>): PivotSpec => ({ rows: [], columns: [], measure: 'count', filters: {}, ...s });
const pivot = (s: Partial<PivotSpec>, filters: FigureFilters = EMPTY_FILTERS) =>
  fetchPivot(engine.runner, { spec: spec(s), filters });
const find = (rows: PivotRow[], rowKey: string[], colKey: string[], unit: string) =>
  rows.filter((r) => r.unit === unit && r.rowKey.join('\u0000') === rowKey.join('\u0000') && r.colKey.join('\u0000') === colKey.join('\u0000'));

/** A sample row as the additivity rule reads it. */
const additive = (f: (typeof SAMPLE_FIGURES)[number]) => ({
  fact_id: String(f.fact_id), part_of: String(f.part_of ?? ''), base_unit: String(f.base_unit), agg: String(f.agg),
  period: String(f.period ?? ''), indicator: String(f.indicator), value_base: Number(f.value_base),
});

describe('pivot query', () => {
  it('gives every cell, subtotal and grand total of category × subject sums as the app’s one additivity rule does', async () => {
    const rows = await pivot({ rows: ['category'], columns: ['subject'], measure: 'sum' });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const own = SAMPLE_FIGURES.filter((f) => f.base_unit === r.unit
        && (r.rowKey[0] === undefined || f.category === r.rowKey[0]) && (r.colKey[0] === undefined || f.subject === r.colKey[0]));
      const verdict = honestSum(own.map(additive));
      expect([r.value, r.refused], JSON.stringify(r)).toEqual(verdict.ok ? [verdict.value, null] : [null, verdict.reason]);
    }
    // Subtotals and totals are there: a category total across subjects, and the grand total per unit, which
    // is refused: the CNY figures are different indicators of different periods.
    expect(find(rows, ['investment'], [], 'CNY')).toHaveLength(1);
    const grandCny = find(rows, [], [], 'CNY');
    expect(grandCny.map((r) => [r.value, r.count, r.refused])).toEqual([[null, 3, 'periods']]);
    expect(find(rows, [], [], 'USD').map((r) => [r.value, r.refused])).toEqual([[3070000000, null]]);
  });

  it('never adds values of different base units, even when base_unit is itself on the rows', async () => {
    const implicit = await pivot({ rows: ['category'], measure: 'sum' });
    const units = new Set(SAMPLE_FIGURES.map((f) => f.base_unit));
    expect(new Set(implicit.filter((r) => r.rowKey.length === 0).map((r) => r.unit))).toEqual(units);
    expect(implicit.every((r) => r.unit !== '')).toBe(true);
    const explicit = await pivot({ rows: ['base_unit', 'category'], measure: 'max' });
    const grand = explicit.filter((r) => r.rowKey.length === 0);
    expect(grand.map((r) => r.unit).sort()).toEqual([...units].sort());
    expect(grand.find((r) => r.unit === 'USD')?.value).toBe(3070000000);
  });

  it('counts figures across units without splitting, with a grand total of all of them', async () => {
    const rows = await pivot({ rows: ['kind'], columns: ['category'] });
    expect(rows.every((r) => r.unit === '')).toBe(true);
    expect(find(rows, [], [], '')[0]?.count).toBe(SAMPLE_FIGURES.length);
    const amountTotal = find(rows, ['amount'], [], '')[0]?.count;
    expect(amountTotal).toBe(SAMPLE_FIGURES.filter((f) => f.kind === 'amount').length);
  });

  it('rolls up two row levels: each child is one figure, the outer level refuses to add different indicators', async () => {
    const rows = await pivot({ rows: ['category', 'subject'], measure: 'sum' }, { ...EMPTY_FILTERS, period: [''] });
    const children = rows.filter((r) => r.rowKey.length === 2 && r.rowKey[0] === 'investment' && r.unit === 'CNY');
    const parent = find(rows, ['investment'], [], 'CNY')[0];
    expect(children.map((r) => r.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([23531649, 197500000000]);
    expect([parent?.value, parent?.refused]).toEqual([null, 'indicators']);
  });

  it('computes min and max of value_base per unit, and avg per unit within one indicator', async () => {
    const cny = SAMPLE_FIGURES.filter((f) => f.base_unit === 'CNY').map((f) => Number(f.value_base));
    for (const [measure, expected] of [['min', Math.min(...cny)], ['max', Math.max(...cny)]] as const) {
      const rows = await pivot({ measure });
      expect(find(rows, [], [], 'CNY')[0]?.value, measure).toBeCloseTo(expected, 3);
    }
    // The CNY figures are of three indicators: their average would mean nothing; each indicator's does.
    const rows = await pivot({ rows: ['indicator'], measure: 'avg' });
    expect(find(rows, [], [], 'CNY')[0]).toMatchObject({ value: null, refused: 'average_indicators' });
    expect(find(rows, ['到位资金'], [], 'CNY')[0]).toMatchObject({ value: 26248000000, refused: null });
  });

  it('shows a single figure’s value as written, and only a count where a cell holds several', async () => {
    const rows = await pivot({ rows: ['indicator'], measure: 'written' });
    const one = find(rows, ['到位资金'], [], '')[0];
    expect([one?.value, one?.written]).toEqual([262.48, { unit: '亿元', qualifier: '' }]);
    const all = find(rows, [], [], '')[0];
    expect([all?.count, all?.value, all?.written]).toEqual([SAMPLE_FIGURES.length, null, null]);
  });

  it('treats empty filter lists as “any”, and a filter that matches nothing as an empty pivot', async () => {
    const all = await pivot({ rows: ['category'], filters: { indicator: [], subject: [] } });
    expect(find(all, [], [], '')[0]?.count).toBe(SAMPLE_FIGURES.length);
    const none = await pivot({ rows: ['category'], filters: { subject: ['无此主体'] } });
    expect(none.filter((r) => r.count > 0)).toEqual([]);
    const noneCore = await pivot({ measure: 'sum' }, { ...EMPTY_FILTERS, category: ['nothing'] });
    expect(noneCore.filter((r) => r.count > 0)).toEqual([]);
  });

  it('binds dimension values that contain quotes or SQL, and reads them back verbatim', async () => {
    const hostile = "Robert'); DROP TABLE figures;--";
    const rows = await pivot({ rows: ['subject', 'indicator'], measure: 'sum', filters: { subject: [hostile] } });
    expect(find(rows, [hostile, 'O\'Brien "quoted", 指标'], [], 'CNY')[0]?.value).toBe(23531649);
    const query = buildPivotQuery({ spec: spec({ filters: { subject: [hostile] } }), filters: EMPTY_FILTERS });
    expect(query.text).not.toContain('Robert');
    const [count] = await engine.query(sql`SELECT count(*) AS n FROM figures`);
    expect(count?.n).toBe(SAMPLE_FIGURES.length);
  });

  it('refuses unknown or repeated dimensions before any SQL is built', () => {
    expect(() => buildPivotQuery({ spec: spec({ rows: ['quote; DROP TABLE figures' as 'kind'] }), filters: EMPTY_FILTERS })).toThrow(/Unknown column/);
    expect(() => buildPivotQuery({ spec: spec({ rows: ['kind'], columns: ['kind'] }), filters: EMPTY_FILTERS })).toThrow(/used twice/);
    expect(() => buildPivotQuery({ spec: spec({ measure: 'median' as 'sum' }), filters: EMPTY_FILTERS })).toThrow(/Unknown pivot measure/);
  });
});
