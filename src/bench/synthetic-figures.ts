/**
 * A synthetic `figures` table of any size, generated inside DuckDB (nothing is downloaded). Cardinalities
 * follow the real data: the 13 categories, about 50 subjects, the 8 base units, the kinds; values are
 * deterministic (a hash of the row number), so every run scans the same table.
 */
import { BASE_UNITS, CATEGORIES, KINDS } from '../data/figure-record';
import { FIGURE_COLUMN_TYPES, type FigureColumn } from '../db';
import { ident, join, literal, raw, sql, type SqlFragment, type SqlQuery } from '../sql';

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
  return {
    id: raw(`'syn:' || i`),
    doc_id: raw(`'doc-' || (i % 200)`),
    line: raw('1 + i % 4000'),
    start: raw('(i % 4000) * 40'),
    end: raw('(i % 4000) * 40 + 6'),
    section: raw(`'s' || (i % 40)`),
    section_title: raw(`'第' || (i % 40) || '部分'`),
    value: raw('((h >> 24) % 100000000) / 100'),
    unit: pick(UNITS, 'h >> 8'),
    qualifier: pick([null, null, null, '约', '超过'], 'h >> 12'),
    // Amounts up to about 10^12 with two decimals, like yuan figures in the reports.
    value_base: raw('((h >> 20) % 100000000000000) / 100'),
    base_unit: pick(BASE_UNITS, 'h // 650'),
    kind: pick(KINDS, 'h >> 40'),
    agg: pick(['additive', 'additive', 'stock', 'non_additive'], 'h >> 36'),
    period: pick(PERIODS, 'h >> 44'),
    period_start: pick([null, '2021-01-01'], 'h >> 46'),
    period_end: pick([null, '2021-10-31', '2021-06-30'], 'h >> 48'),
    // Every synthetic figure is a fact of its own, and none is stated as part of another.
    fact_id: raw(`'syn:' || i`),
    mention: raw('1'),
    part_of: raw('NULL'),
    parts: raw('0'),
    category: pick(CATEGORIES, 'h'),
    indicator: raw(`'指标' || ((h >> 28) % 300)`),
    subject: pick(SYNTHETIC_SUBJECTS, 'h // 13'),
    quote: raw(`'共有' || ((h >> 24) % 100000) || '个重点项目完成投资'`),
  };
}

/**
 * `CREATE OR REPLACE TABLE <table>` with `rows` synthetic rows and exactly the CSV's column types; the app's
 * own encoding step (`encodeFigures`) then turns it into a `figures` table like the one it loads.
 */
export function buildSyntheticFiguresQuery(rows: number, table = 'figures_staging'): SqlQuery {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`Row count must be a positive integer, got ${rows}`);
  const expressions = columnExpressions();
  const columns = (Object.keys(FIGURE_COLUMN_TYPES) as FigureColumn[]).map(
    (column) => sql`CAST(${expressions[column]} AS ${raw(FIGURE_COLUMN_TYPES[column])}) AS ${ident(column)}`,
  );
  return sql`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT ${join(columns)} FROM (SELECT i, hash(i) AS h FROM range(${literal(rows)}) AS t(i))`;
}
