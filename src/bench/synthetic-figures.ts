/**
 * A synthetic `figures` table of any size, generated inside DuckDB (nothing is downloaded). Cardinalities
 * follow the real data: the 13 categories, about 50 subjects, the base units, the kinds; values are
 * deterministic (a hash of the row number), so every run scans the same table. So does the meaning: in every
 * block of 40 rows, as in the Binhai report (9 totals with 18 stated parts and 8 repeated mentions in 333
 * figures), the first row is a total stated with two parts (the next two rows, which share its unit, class
 * and period) and the last row repeats the fact before it.
 */
import { BASE_UNITS, CATEGORIES, KINDS } from '../data/figure-record';
import { encodedColumnTypes, FIGURE_COLUMN_TYPES, type Engine, type FigureColumn } from '../db';
import { ident, join, literal, raw, sql, type SqlFragment, type SqlQuery } from '../sql';

/** Rows per block of the synthetic layout: a total, its two parts, 36 facts of their own, a repeat. */
const BLOCK = 40;

/** The subjects of the report, padded with numbered towns to about 50 distinct values. */
export const SYNTHETIC_SUBJECTS: readonly string[] = [
  '滨海新区', '街镇', '生态城', '高新区', '开发区', '滨海-中关村科技园', '经开区', '保税区', '东疆',
  ...Array.from({ length: 41 }, (_, i) => `街镇${String(i + 1).padStart(2, '0')}`),
];

const PERIODS = [null, '截至2021年10月', '2021年1-10月', '截至2022年8月4日', '2021年上半年'];
const UNITS = ['个', '人', '万元', '亿元', '%', '人次', '岁', '平方米'];

/** `[v1, v2, …][1 + (hashExpr % n)]`: picks one of `values` by a hash of the row. */
function pick(values: readonly (string | null)[], hashExpr: string): SqlFragment {
  return sql`[${join(values.map(literal))}][1 + ((${raw(hashExpr)}) % ${literal(values.length)})::INTEGER]`;
}

/** One expression per column of the real schema; each is cast to the column's declared type. */
function columnExpressions(): Record<FigureColumn, SqlFragment> {
  // Per row: i, its place r in the block, h (the hash of the fact: a repeat has its original's) and u (the hash
  // that fixes unit, class, period and category: a part has its total's).
  return {
    id: raw(`'syn:' || i`),
    doc_id: raw(`'doc-' || (i % 200)`),
    line: raw('1 + i % 4000'),
    start: raw('(i % 4000) * 40'),
    end: raw('(i % 4000) * 40 + 6'),
    section: raw(`'s' || (i % 40)`),
    section_title: raw(`'第' || (i % 40) || '部分'`),
    value: raw('((h >> 24) % 100000000) / 100'),
    unit: pick(UNITS, 'u >> 8'),
    qualifier: pick([null, null, null, '约', '超过'], 'h >> 12'),
    // Amounts up to about 10^12 with two decimals, like yuan figures in the reports.
    value_base: raw('((h >> 20) % 100000000000000) / 100'),
    base_unit: pick(BASE_UNITS, 'u // 650'),
    kind: pick(KINDS, 'u >> 40'),
    agg: pick(['additive', 'additive', 'stock', 'non_additive'], 'u >> 36'),
    period: pick(PERIODS, 'u >> 44'),
    period_start: pick([null, '2021-01-01'], 'u >> 46'),
    period_end: pick([null, '2021-10-31', '2021-06-30'], 'u >> 48'),
    fact_id: raw(`'syn:' || CASE WHEN r = ${BLOCK - 1} THEN i - 1 ELSE i END`),
    mention: raw(`CASE WHEN r = ${BLOCK - 1} THEN 2 ELSE 1 END`),
    part_of: raw(`CASE WHEN r IN (1, 2) THEN 'syn:' || (i - r) END`),
    parts: raw('CASE WHEN r = 0 THEN 2 ELSE 0 END'),
    category: pick(CATEGORIES, 'u'),
    indicator: raw(`'指标' || ((h >> 28) % 300)`),
    subject: pick(SYNTHETIC_SUBJECTS, 'h // 13'),
    metric: pick([null, null, null, 'gdp', 'new_urban_jobs'], 'h >> 14'),
    basis: pick(['actual', 'actual', 'actual', 'target'], 'u >> 50'),
    data_year: raw('2015 + i % 8'),
    place: pick(SYNTHETIC_SUBJECTS, 'h // 13'),
    quote: raw(`'共有' || ((h >> 24) % 100000) || '个重点项目完成投资'`),
  };
}

/** The synthetic rows as a FROM item, each column cast to `types` (an ENUM) or else to the CSV's type. */
function syntheticRows(rows: number, types: ReadonlyMap<FigureColumn, SqlFragment> = new Map()): SqlFragment {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`Row count must be a positive integer, got ${rows}`);
  const expressions = columnExpressions();
  const columns = (Object.keys(FIGURE_COLUMN_TYPES) as FigureColumn[]).map(
    (column) => sql`CAST(${expressions[column]} AS ${types.get(column) ?? raw(FIGURE_COLUMN_TYPES[column])}) AS ${ident(column)}`,
  );
  return sql`(SELECT ${join(columns)} FROM (
    SELECT i, r, h, CASE WHEN r IN (1, 2) THEN hash(i - r) ELSE h END AS u
    FROM (SELECT i, i % ${literal(BLOCK)} AS r, hash(CASE WHEN i % ${literal(BLOCK)} = ${literal(BLOCK - 1)} THEN i - 1 ELSE i END) AS h
          FROM range(${literal(rows)}) AS t(i))))`;
}

/**
 * `CREATE OR REPLACE TABLE <table>` with `rows` synthetic rows and exactly the CSV's column types; the app's
 * own encoding step (`installFigures`) then turns it into a `figures` table like the one it loads.
 */
export function buildSyntheticFiguresQuery(rows: number, table = 'figures_staging'): SqlQuery {
  return sql`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${syntheticRows(rows)}`;
}

/**
 * The same table created with its low-cardinality columns already encoded: the ENUM types come from a first,
 * streaming pass over the generator (`encodedColumnTypes`, as the app's encoding step builds them), so the
 * rows are never held as text. At 10 M rows the text form alone would not fit in wasm memory.
 */
export async function createSyntheticFigures(engine: Engine, rows: number, table = 'figures_staging'): Promise<void> {
  const types = await encodedColumnTypes(engine, syntheticRows(rows));
  await engine.query(sql`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${syntheticRows(rows, types)}`);
}
