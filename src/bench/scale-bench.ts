/**
 * The scale benchmark page (bench/bench.html). It starts the app's engine through the app's own runner,
 * replaces `figures` with a synthetic table of N rows, then times three queries both ways:
 * - app: `fetchGroups` / `fetchPivot` / `fetchFigures` through `run` (engine → prepared statement → toRows →
 *   typed rows);
 * - raw: the same SQL text and parameters prepared and run on the DuckDB connection, with no conversion
 *   (the floor the app path can approach).
 * The Node driver (scripts/bench) calls `window.__figuresBoardScaleBench(options)` and reads the result.
 */
import { WorkspaceSources } from '../data/embedded';
import { ENCODED_FIGURE_COLUMNS, EngineHost, LOADED_FIGURE_COLUMN_TYPES, installFigures, toRows, type Engine } from '../db';
import {
  buildFiguresQuery, buildGroupQuery, buildPivotQuery, EMPTY_FILTERS, fetchFigures, fetchGroups, fetchPivot,
  type FiguresParams, type GroupParams, type PivotParams,
} from '../queries';
import { inlineParams, sql, type SqlQuery } from '../sql';
import { ms, summarize, type Summary } from './stats';
import { createSyntheticFigures, SYNTHETIC_SUBJECTS } from './synthetic-figures';

// This page is its own composition root: it makes the engine as main.tsx does, and queries through it.
const host = new EngineHost(new WorkspaceSources().load);
const run = host.run;

type RawResult = Parameters<typeof toRows>[0] & { numRows: number };

/** The slice of duckdb-wasm's AsyncDuckDBConnection the floor measurement uses. */
interface RawConnection {
  query(text: string): Promise<RawResult>;
}

export interface ScaleBenchOptions {
  rows: number;
  /** Timed repetitions per query and path (after one warm-up each). */
  reps: number;
}

export interface QueryTiming {
  sql: string;
  params: readonly unknown[];
  resultRows: number;
  app: Summary;
  raw: Summary;
  /** `toRows` alone on the raw result: the part of the app path that converts values. */
  toRows: Summary;
  /** app median / raw median. */
  ratio: number;
}

export interface ScaleBenchResult {
  rows: number;
  generateMs: number;
  /** DuckDB's own account of the memory it holds after generating the table. */
  duckdbMemoryBytes: number | null;
  /** Distinct values of the dimensions the queries group and filter by. */
  distinct: { category: number; subject: number; base_unit: number };
  /** The category × subject sum of CNY amounts through the group query (the compare view's grouped bars). */
  pivot: QueryTiming;
  /** The same cross-tab through the pivot view's query, with ROLLUP subtotals and totals. */
  pivotView: QueryTiming;
  /** The compare view's filtered, sorted figures (every matching row). */
  compare: QueryTiming;
  /**
   * Floor: the same cross-tab as a plain sum, blind to what may be added (no fact, part or class): what the
   * group query cost before figures had meaning, measured beside it.
   */
  plainSum: QueryTiming;
}

/** The group query's cross-tab summed as a naive dashboard would. */
export const PLAIN_SUM_QUERY: SqlQuery = sql`SELECT subject::VARCHAR AS key, category::VARCHAR AS series,
  base_unit::VARCHAR AS base_unit, count(*)::INTEGER AS count, sum(value_base) AS total
  FROM figures WHERE base_unit::VARCHAR IN (${'CNY'}) GROUP BY ALL`;

export const PIVOT_PARAMS: GroupParams = { filters: EMPTY_FILTERS, by: 'subject', series: 'category', baseUnits: ['CNY'] };
export const PIVOT_VIEW_PARAMS: PivotParams = {
  spec: { rows: ['category'], columns: ['subject'], measure: 'sum', filters: {} },
  filters: { ...EMPTY_FILTERS, base_unit: ['CNY'] },
};
export const COMPARE_PARAMS: FiguresParams = {
  filters: { ...EMPTY_FILTERS, category: ['investment'], subject: [SYNTHETIC_SUBJECTS[0] as string] },
  sort: { column: 'value_base', desc: true },
};

/**
 * The engine's DuckDB connection. The Engine interface deliberately hides it, so the benchmark reads the
 * BrowserEngine's field and fails loudly if that ever changes shape.
 */
function rawConnection(engine: Engine): RawConnection {
  const conn = (engine as unknown as { conn?: Partial<RawConnection> }).conn;
  if (typeof conn?.query !== 'function') {
    throw new Error('The benchmark needs the engine\'s DuckDB connection (BrowserEngine.conn), which was not found');
  }
  return conn as RawConnection;
}

/** The same SQL text the app sends (values written in place), straight on the connection. */
async function runRaw(conn: RawConnection, query: SqlQuery): Promise<RawResult> {
  const text = inlineParams(query);
  if (text === null) throw new Error('The benchmark queries must be inlinable, as the app sends them');
  return conn.query(text);
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await work();
  return [performance.now() - t0, result];
}

/** Warms each path once, then alternates app and raw runs so drift affects both alike. */
async function compareBoth(
  query: SqlQuery, app: () => Promise<unknown[]>, conn: RawConnection, reps: number,
): Promise<QueryTiming> {
  const appRows = (await app()).length;
  const rawResult = await runRaw(conn, query);
  const rawRows = rawResult.numRows;
  if (appRows !== rawRows) throw new Error(`App path returned ${appRows} rows, raw path ${rawRows}`);
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? ['app', 'raw'] : ['raw', 'app'];
    for (const path of order) {
      if (path === 'app') appTimes.push((await timed(app))[0]);
      else rawTimes.push((await timed(() => runRaw(conn, query)))[0]);
    }
  }
  // The app path's conversion alone: toRows over the raw result (the rest of app − raw is typing the rows).
  const toRowsTimes: number[] = [];
  for (let i = 0; i < reps; i++) toRowsTimes.push((await timed(async () => toRows(rawResult)))[0]);
  const appSummary = summarize(appTimes);
  const rawSummary = summarize(rawTimes);
  return {
    sql: query.text.replace(/\s+/g, ' ').trim(),
    params: query.params,
    resultRows: appRows,
    app: appSummary,
    raw: rawSummary,
    toRows: summarize(toRowsTimes),
    ratio: Math.round((appSummary.median / rawSummary.median) * 100) / 100,
  };
}

async function duckdbMemory(): Promise<number | null> {
  const rows = await run(sql`SELECT sum(memory_usage_bytes)::BIGINT AS bytes FROM duckdb_memory()`);
  const bytes = rows[0]?.bytes;
  return typeof bytes === 'number' ? bytes : null;
}

/** Fails unless the generated table has the app's column types and `rows` rows; returns its cardinalities. */
async function checkTable(rows: number): Promise<ScaleBenchResult['distinct']> {
  const columns = await run(sql`SELECT column_name, data_type FROM information_schema.columns
    WHERE table_name = 'figures' ORDER BY ordinal_position`);
  // Encoded columns are ENUMs of their values, as in the app's loaded table; the rest keep the CSV's types.
  const typeName = (name: string, type: string) =>
    (ENCODED_FIGURE_COLUMNS as readonly string[]).includes(name) ? 'ENUM' : type;
  const found = columns
    .map((c) => `${String(c.column_name)} ${typeName(String(c.column_name), String(c.data_type).replace(/^ENUM\(.*$/s, 'ENUM'))}`)
    .join(', ');
  const expected = Object.entries(LOADED_FIGURE_COLUMN_TYPES).map(([name, type]) => `${name} ${typeName(name, type)}`).join(', ');
  if (found !== expected) throw new Error(`The synthetic table has columns ${found}; the app's are ${expected}`);
  const [counts] = await run(sql`SELECT count(*)::INTEGER AS n, count(DISTINCT category)::INTEGER AS category,
    count(DISTINCT subject)::INTEGER AS subject, count(DISTINCT base_unit)::INTEGER AS base_unit FROM figures`);
  if (counts?.n !== rows) throw new Error(`Generated ${String(counts?.n)} rows, expected ${rows}`);
  return { category: Number(counts.category), subject: Number(counts.subject), base_unit: Number(counts.base_unit) };
}

export async function runScaleBench({ rows, reps }: ScaleBenchOptions): Promise<ScaleBenchResult> {
  const engine = await host.start();
  const conn = rawConnection(engine);
  const [generate] = await timed(async () => {
    await createSyntheticFigures(engine, rows);
    await installFigures(engine, 'figures_staging', rows);
  });
  const shape = await checkTable(rows);
  const pivot = await compareBoth(buildGroupQuery(PIVOT_PARAMS), () => fetchGroups(run, PIVOT_PARAMS), conn, reps);
  const pivotView = await compareBoth(
    buildPivotQuery(PIVOT_VIEW_PARAMS), () => fetchPivot(run, PIVOT_VIEW_PARAMS), conn, reps);
  const compare = await compareBoth(buildFiguresQuery(COMPARE_PARAMS), () => fetchFigures(run, COMPARE_PARAMS), conn, reps);
  const plainSum = await compareBoth(PLAIN_SUM_QUERY, () => run(PLAIN_SUM_QUERY), conn, reps);
  return { rows, generateMs: ms(generate), duckdbMemoryBytes: await duckdbMemory(), distinct: shape, pivot, pivotView, compare, plainSum };
}

(window as unknown as { __figuresBoardScaleBench?: typeof runScaleBench }).__figuresBoardScaleBench = runScaleBench;
