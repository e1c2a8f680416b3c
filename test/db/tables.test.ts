import { beforeAll, describe, expect, it } from 'vitest';
import { ENCODE_MIN_ROWS, installFigures, loadTables } from '../../src/db';
import { readFileSync } from 'node:fs';
import { buildSyntheticFiguresQuery, createSyntheticFigures } from '../../src/bench/synthetic-figures';
import { sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
});

describe('loadTables', () => {
  it('loads every row with the declared column types', async () => {
    const types = await engine.query(sql`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'figures' ORDER BY ordinal_position`);
    expect(types.find((t) => t.column_name === 'value_base')?.data_type).toBe('DECIMAL(38,6)');
    expect(types.find((t) => t.column_name === 'line')?.data_type).toBe('INTEGER');
    const [count] = await engine.query(sql`SELECT count(*) AS n FROM figures`);
    expect(count?.n).toBe(SAMPLE_FIGURES.length);
  });

  it('keeps a small table as text (encoding would only slow the start)', async () => {
    const types = await engine.query(sql`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'figures' AND column_name IN ('category', 'subject') ORDER BY column_name`);
    expect(types.map((t) => [t.column_name, t.data_type])).toEqual([['category', 'VARCHAR'], ['subject', 'VARCHAR']]);
  });

  it('stores low-cardinality columns of a large table as ENUMs that read, filter and sort like the text', async () => {
    const big = await createTestEngine();
    await big.query(buildSyntheticFiguresQuery(ENCODE_MIN_ROWS));
    await installFigures(big, 'figures_staging', ENCODE_MIN_ROWS);
    const types = await big.query(sql`SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'figures' AND column_name IN ('category', 'indicator', 'quote', 'subject') ORDER BY column_name`);
    expect(types.map((t) => [t.column_name, String(t.data_type).split('(')[0]])).toEqual([
      ['category', 'ENUM'], ['indicator', 'ENUM'], ['quote', 'VARCHAR'], ['subject', 'ENUM'],
    ]);
    // The same questions asked of the encoded column and of its text give the same answers.
    const asText = await big.query(sql`SELECT category::VARCHAR AS c, count(*) AS n FROM figures
      WHERE category::VARCHAR IN ('projects', 'talent', 'investment') GROUP BY 1 ORDER BY 1`);
    const encoded = await big.query(sql`SELECT category AS c, count(*) AS n FROM figures
      WHERE category IN ('projects', 'talent', 'investment') GROUP BY 1 ORDER BY 1`);
    expect(encoded).toEqual(asText);
    expect(encoded.map((r) => r.c)).toEqual(['investment', 'projects', 'talent']);
    const [count] = await big.query(sql`SELECT count(*) AS n FROM figures`);
    expect(count?.n).toBe(ENCODE_MIN_ROWS);
  });

  it('generates the large synthetic table already encoded, identical to the one the loader encodes', async () => {
    const [loaded, generated] = await Promise.all([createTestEngine(), createTestEngine()]);
    await loaded.query(buildSyntheticFiguresQuery(ENCODE_MIN_ROWS));
    await installFigures(loaded, 'figures_staging', ENCODE_MIN_ROWS);
    await createSyntheticFigures(generated, ENCODE_MIN_ROWS);
    await installFigures(generated, 'figures_staging', ENCODE_MIN_ROWS);
    const types = sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'figures'
      ORDER BY ordinal_position`;
    expect(await generated.query(types)).toEqual(await loaded.query(types));
    const digest = sql`SELECT count(*) AS n, sum(hash(COLUMNS(*))::HUGEINT) FROM figures`;
    expect(await generated.query(digest)).toEqual(await loaded.query(digest));
    // Like the report, it has totals with stated parts and facts stated twice.
    const [shape] = await generated.query(sql`SELECT count(*) FILTER (WHERE parts > 0) AS totals,
      count(part_of) AS parts, count(*) FILTER (WHERE mention > 1) AS repeats FROM figures`);
    expect(shape).toEqual({ totals: ENCODE_MIN_ROWS / 40, parts: ENCODE_MIN_ROWS / 20, repeats: ENCODE_MIN_ROWS / 40 });
  });

  it('keeps the totals and parts beside the figures, every mention of them and nothing else', async () => {
    const linked = sql`SELECT id FROM figures_linked ORDER BY id`;
    const expected = sql`SELECT id FROM figures WHERE part_of IS NOT NULL OR parts > 0 ORDER BY id`;
    const binhai = await createTestEngine();
    await loadTables(binhai, { figuresCsv: readFileSync('data/figures.csv', 'utf8'), documentsCsv: readFileSync('data/documents.csv', 'utf8') });
    const rows = await binhai.query(linked);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toEqual(await binhai.query(expected));
    // A repeated mention of a total is there too (binhai:0209 restates the total 0195 and its one part).
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['binhai-2022-08-04:0195', 'binhai-2022-08-04:0209']));
  });

  it('returns decimals as the numbers written, not scaled integers or float noise', async () => {
    const rows = await engine.query(sql`SELECT value, value_base FROM figures WHERE id IN ('sample:0003', 'sample:0004') ORDER BY id`);
    expect(rows).toEqual([
      { value: 262.48, value_base: 26248000000 },
      { value: 13.79, value_base: 137900 },
    ]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('reads large, negative and tiny decimals exactly through the fast and the general path', async () => {
    const [row] = await engine.query(sql`SELECT 12345678901234567890.123456::DECIMAL(38,6) AS big,
      (-262.48)::DECIMAL(38,6) AS negative, 0.000001::DECIMAL(38,6) AS tiny, 9007199.254740::DECIMAL(38,6) AS edge`);
    expect(row).toEqual({ big: Number('12345678901234567890.123456'), negative: -262.48, tiny: 0.000001, edge: 9007199.25474 });
  });

  it('sums decimals exactly (no 235316.49999999997)', async () => {
    const [row] = await engine.query(sql`SELECT sum(value) AS s FROM figures WHERE id IN ('sample:0003', 'sample:0008')`);
    expect(row?.s).toBe(2615.6449);
  });

  it('turns BIGINT results into plain numbers', async () => {
    const [row] = await engine.query(sql`SELECT count(*) AS n, 9007199254740993::HUGEINT AS big FROM figures`);
    expect(typeof row?.n).toBe('number');
    expect(() => JSON.stringify(row)).not.toThrow();
  });

  it('keeps a failed reload from replacing the loaded tables', async () => {
    await expect(
      loadTables(engine, { figuresCsv: 'id,doc_id\n"unterminated', documentsCsv: SAMPLE_DOCUMENTS_CSV }),
    ).rejects.toThrow();
    const [count] = await engine.query(sql`SELECT count(*) AS n FROM figures`);
    expect(count?.n).toBe(SAMPLE_FIGURES.length);
  });
});

describe('toRows', () => {
  it('decodes UTF-8 columns chunk by chunk to exactly what decoding value by value gives', async () => {
    const { toRows, utf8Values } = await import('../../src/db/rows');
    const engine = await createTestEngine();
    // Over 2048 rows, so the result comes in several chunks; Chinese, 4-byte emoji, empty strings and NULLs.
    const table = engine.arrow(`SELECT i, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 11 = 0 THEN ''
        WHEN i % 3 = 0 THEN '滨海新区·' || i WHEN i % 5 = 0 THEN '😀x' || i || '𝄞' ELSE 'v' || i END AS txt,
        CASE WHEN i % 2 = 0 THEN '亿元' ELSE 'CNY' END AS unit
      FROM range(0, 5000) t(i)`);
    const column = table.getChildAt(1);
    expect(column?.data?.length).toBeGreaterThan(1);
    const decoded = column ? utf8Values(column) : null;
    expect(decoded).not.toBeNull();
    // The same vectors without their buffers: every value goes through Arrow's own iterator.
    const iterated = {
      schema: table.schema,
      numRows: table.numRows,
      getChildAt: (index: number) => {
        const vector = table.getChildAt(index);
        return vector && { [Symbol.iterator]: () => vector[Symbol.iterator]() };
      },
    };
    const rows = toRows(table);
    expect(rows).toEqual(toRows(iterated));
    expect(rows.slice(0, 6).map((r) => r.txt)).toEqual([null, 'v1', 'v2', '滨海新区·3', 'v4', '😀x5𝄞']);
    expect(rows[11]?.txt).toBe('');
    expect(rows[4999]?.txt).toBe('v4999');
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['亿元', 'CNY']));
  });
});

describe('decimalToNumber', () => {
  it('puts the point back without floating-point division', async () => {
    const { decimalToNumber } = await import('../../src/db/rows');
    expect(decimalToNumber('262480000', 6)).toBe(262.48);
    expect(decimalToNumber('-13790000', 6)).toBe(-13.79);
    expect(decimalToNumber('5', 6)).toBe(0.000005);
    expect(decimalToNumber('1975', 0)).toBe(1975);
  });
});
