import { FIGURE_SCHEMA } from '../extract/types';
import { ident, join, literal, raw, sql, type SqlFragment } from '../sql';
import type { Engine } from './engine';
import type { Row } from './rows';
import type { ImportedCsv } from '../data/import-csv';
import { IMPORT_DIR, restoreImportedTables, type NotRestoredImport } from './imports';

/** Column name → DuckDB type, in the order of `data/figures.csv` (the extractor's one declaration). */
export const FIGURE_COLUMN_TYPES = FIGURE_SCHEMA;

/** Column name → DuckDB type, in the order of `data/documents.csv`. */
export const DOCUMENT_COLUMN_TYPES = {
  doc_id: 'VARCHAR',
  title: 'VARCHAR',
  publisher: 'VARCHAR',
  published: 'VARCHAR',
  url: 'VARCHAR',
  file: 'VARCHAR',
  place: 'VARCHAR',
  genre: 'VARCHAR',
} as const;

/** The texts of the documents: `doc_id,text`. */
const TEXT_COLUMN_TYPES = { doc_id: 'VARCHAR', text: 'VARCHAR' } as const;

export type FigureColumn = keyof typeof FIGURE_COLUMN_TYPES;
export const FIGURE_COLUMNS = Object.keys(FIGURE_COLUMN_TYPES) as FigureColumn[];

/** A kept report a load left out (its figures could not be read or derived), and why. */
export interface NotLoadedReport {
  doc_id: string;
  title: string;
  message: string;
}

/**
 * What the engine loads: the workspace's figures, documents and texts (the shipped reports and those the analyst
 * added, as CSV texts), which documents were added and which are hidden, and the analyst's own tables kept from
 * earlier visits.
 */
export interface TableSources {
  figuresCsv: string;
  documentsCsv: string;
  /** `doc_id,text` of every document whose text is at hand (none: the texts table is empty). */
  textsCsv?: string;
  /** doc_ids of the documents the analyst added (the others shipped with the build). */
  added?: readonly string[];
  /** doc_ids of documents the analyst hid: listed as hidden, their figures not loaded. */
  hidden?: readonly string[];
  /** Names this build and workspace version (src/data/query-snapshot.ts); absent when storage is unreadable. */
  stamp?: string;
  /** Kept reports left out of this load, with the reason (they stay kept; the reports view says so). */
  notLoaded?: readonly NotLoadedReport[];
  /** Read once the app's own tables are in (from the browser's storage; nothing when there is none). */
  imports?: () => Promise<readonly ImportedCsv[]>;
}

function readCsvStatement(table: string, file: string, types: Record<string, string>) {
  const columns = join(
    Object.entries(types).map(([name, type]) => sql`${literal(name)}: ${literal(type)}`),
  );
  return sql`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_csv(${literal(file)},
    header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
    columns = {${columns}})`;
}

/**
 * Low-cardinality text columns stored as ENUMs built from the data itself: grouping and filtering then work on
 * small integer codes (a pivot over 1 M rows runs about 3× faster in the single-threaded engine). The columns
 * still read as text; `quote`, `id`, `fact_id` and `part_of` stay VARCHAR (nearly as many values as facts).
 * `indicator` is encoded too: the additivity check compares it in every group of a sum.
 */
export const ENCODED_FIGURE_COLUMNS: readonly FigureColumn[] = [
  'doc_id', 'section', 'section_title', 'unit', 'qualifier', 'base_unit', 'kind', 'agg', 'period', 'period_start',
  'period_end', 'category', 'subject', 'indicator',
];

/**
 * The ENUM type of each encoded column, built from the distinct values of `source` (a table or a subquery, as a
 * FROM item), in text order so an ENUM sorts and compares like its text. A column with no value at all is left
 * out (it stays VARCHAR). The values pass through `literal`, never raw into SQL.
 */
export async function encodedColumnTypes(
  engine: Engine, source: SqlFragment, columns: readonly FigureColumn[] = ENCODED_FIGURE_COLUMNS,
): Promise<Map<FigureColumn, SqlFragment>> {
  const types = new Map<FigureColumn, SqlFragment>();
  if (columns.length === 0) return types;
  // One round trip for every column's distinct values.
  const distinct = join(
    columns.map(
      (column) => sql`SELECT DISTINCT ${literal(column)} AS c, ${ident(column)}::VARCHAR AS v
        FROM ${source} WHERE ${ident(column)} IS NOT NULL`,
    ),
    ' UNION ALL ',
  );
  const rows = await engine.query(sql`${distinct} ORDER BY c, v`);
  for (const column of columns) {
    const values = rows.filter((r) => r.c === column).map((r) => literal(String(r.v)));
    if (values.length > 0) types.set(column, sql`ENUM(${join(values)})`);
  }
  return types;
}

/**
 * Turns the encoded columns of `table` into ENUMs of their distinct values, in place and one column at a time;
 * columns already stored as ENUMs are kept as they are. In place matters at scale: a copy of a 10 M-row table
 * would not fit beside the original in wasm memory.
 */
export async function encodeFigures(engine: Engine, table: string): Promise<void> {
  const stored = await engine.query(sql`SELECT column_name FROM information_schema.columns
    WHERE table_name = ${table} AND data_type NOT LIKE 'ENUM(%'`);
  const text = new Set(stored.map((r) => String(r.column_name)));
  const types = await encodedColumnTypes(engine, ident(table), ENCODED_FIGURE_COLUMNS.filter((c) => text.has(c)));
  for (const [column, type] of types) {
    await engine.query(sql`ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type}`);
  }
}

/** The loaded figures table's columns: the CSV's, then those derived at load ({@link markRepeated}). */
export const LOADED_FIGURE_COLUMN_TYPES = { ...FIGURE_COLUMN_TYPES, repeated: 'BOOLEAN' } as const;

/**
 * Adds `repeated` to a freshly read figures table: whether the figure's fact is stated more than once. Facts
 * are counted as rows except among these few (about 0.5 % of a workspace's figures): counting distinct fact_ids
 * over every row costs a filter click several times more. A fact lies within one report, so a report's rows are
 * marked alone, as a whole workspace's are.
 */
export async function markRepeated(engine: Engine, table: string): Promise<void> {
  const t = ident(table);
  await engine.query(sql`ALTER TABLE ${t} ADD COLUMN repeated BOOLEAN DEFAULT FALSE;
    UPDATE ${t} SET repeated = TRUE WHERE fact_id IN (SELECT fact_id FROM ${t} WHERE mention > 1)`);
}

/**
 * The columns the filter menus count facts by (the facet counts), and the two small tables kept beside
 * `figures` for those counts: `figures_facets`, the facts stated once counted per combination of these columns
 * (a few thousand rows for a workspace of 300,000 figures), and `figures_repeated`, the few rows of facts stated
 * more than once, with their fact ids (counted distinct). Every menu count is read off these instead of every
 * row of `figures`, while the filters are menu filters (see buildFacetsQuery).
 */
export const FACETED_COLUMNS = ['category', 'subject', 'kind', 'base_unit', 'section', 'period'] as const;

/**
 * The columns the filters select by (every dimension a view filters on), which `figures_ranked` keeps beside
 * each figure's place in the largest-first order: the compare view ranks a selection from that narrow table
 * by one integer instead of sorting the figures' values, and reads whole rows only for the few it draws.
 */
export const RANKED_COLUMNS = [...FACETED_COLUMNS, 'indicator', 'doc_id'] as const;

/**
 * The statements of canonical metrics (a figure with a metric and a data year), in metric order, with what the
 * metric views read precomputed: whether the statement is an average over years (年均), and the values it allows
 * (`lo` to `hi`: half its last written digit either side, a bound's open side, 2 % either side of an 约). A
 * trend reads one metric's few rows off this table instead of scanning every figure.
 */
export const METRICS_TABLE = 'figures_metrics';

/** The metric statements of `source` (the figures, or a report's rows being appended), as `figures_metrics` holds them. */
function metricStatementsOf(source: SqlFragment): SqlFragment {
  // Half the last written digit, in base units: 6.8% allows 6.75 to 6.85, 136亿元 135.5 to 136.5亿元.
  const half = sql`0.5 * pow(10, -length(coalesce(regexp_extract(rtrim(value::VARCHAR, '0'), '\\.([0-9]+)$', 1), '')))
    * CASE WHEN value = 0 THEN 1 ELSE abs(value_base / value) END`;
  const about = sql`greatest(${half}, abs(value_base) * 0.02)`;
  return sql`SELECT id, doc_id::VARCHAR AS doc_id, start, metric::VARCHAR AS metric,
      coalesce(place::VARCHAR, '') AS place, data_year, basis::VARCHAR AS basis, base_unit::VARCHAR AS base_unit,
      (contains(quote, '年均') OR contains(quote, '平均')) AS average, value_base, value_base::VARCHAR AS exact, value::VARCHAR AS written,
      coalesce(qualifier::VARCHAR, '') AS qualifier, quote,
      (CASE WHEN qualifier IN ('以下', '不足', '近') THEN -1e300 WHEN qualifier = '约' THEN value_base - ${about}
        ELSE value_base - ${half} END)::DOUBLE AS lo,
      (CASE WHEN qualifier IN ('以上', '超', '多', '余') THEN 1e300 WHEN qualifier = '约' THEN value_base + ${about}
        ELSE value_base + ${half} END)::DOUBLE AS hi
    FROM ${source} WHERE metric IS NOT NULL AND metric::VARCHAR <> '' AND data_year IS NOT NULL`;
}

function metricStatements(create: SqlFragment): SqlFragment {
  return sql`${create} ${raw(METRICS_TABLE)} AS ${metricStatementsOf(raw('figures'))} ORDER BY metric, place, data_year;`;
}

/** One point per metric, place, data year, basis, unit and average-or-not: see {@link metricPoints}. */
export const METRIC_POINTS_TABLE = 'figures_metric_points';

/**
 * Makes (again) the metric points from the metric statements and the documents (so after both): per point, the
 * statement it shows (the latest report's first; a goal's as first set), how many statements and reports it
 * has, whether reports disagree (the span each report allows, over its statements' rounding and bounds, leaves
 * no common value; never for averages, which span different years) and whether the shown report states two
 * values itself (two scopes, not one sentence's range). A trend then reads a metric's points, not its statements.
 */
function metricPoints(create: SqlFragment): SqlFragment {
  return sql`${create} ${raw(METRIC_POINTS_TABLE)} AS ${metricPointsOf(null)};`;
}

/** The points of every group, or of the groups listed in table `only` (its columns: the point key). */
function metricPointsOf(only: string | null): SqlFragment {
  const key = sql`metric, place, data_year, basis, base_unit, average`;
  const restrict = only === null ? sql`` : sql`SEMI JOIN ${raw(only)} AS t USING (metric, place, data_year, basis, base_unit, average)`;
  return sql`WITH s AS (SELECT f.*, coalesce(d.title, f.doc_id) AS doc_title, coalesce(d.published::VARCHAR, '') AS published
        FROM ${raw(METRICS_TABLE)} AS f ${restrict} LEFT JOIN documents AS d ON d.doc_id = f.doc_id),
      ranked AS (SELECT *, row_number() OVER (PARTITION BY ${key}
          ORDER BY (CASE WHEN basis = 'target' THEN published END) ASC NULLS LAST, published DESC, doc_id, start) AS rank FROM s),
      per_report AS (SELECT ${key}, doc_id, min(lo) AS lo, max(hi) AS hi, count(*) AS n, count(DISTINCT value_base) AS n_values,
          count(DISTINCT quote) AS n_quotes FROM s GROUP BY ALL),
      per_point AS (SELECT ${key}, count(*)::INTEGER AS reports, sum(n)::INTEGER AS statements, max(lo) > min(hi) AS disagree
          FROM per_report GROUP BY ALL)
    SELECT r.metric, r.place, r.data_year, r.basis, r.base_unit, r.average, r.id, r.doc_id, r.doc_title, r.published, r.exact, r.written,
      r.qualifier, r.quote, p.statements, p.reports, (NOT r.average AND p.reports > 1 AND p.disagree) AS conflicting,
      (o.n_values > 1 AND NOT (o.n = 2 AND o.n_quotes = 1)) AS ambiguous
    FROM ranked AS r
      JOIN per_point AS p USING (metric, place, data_year, basis, base_unit, average)
      JOIN per_report AS o USING (metric, place, data_year, basis, base_unit, average, doc_id)
    WHERE r.rank = 1`;
}

/**
 * After an append (inside its transaction, with `figures_add` holding the report's rows and the documents
 * updated): the report's metric statements replace its old ones, and only the points they touch, before or
 * after, are computed again — the metric tables of a large workspace are not rebuilt for one report.
 */
function appendMetrics(docId: SqlFragment): SqlFragment {
  const key = sql`metric, place, data_year, basis, base_unit, average`;
  return sql`CREATE TEMP TABLE metric_points_touched AS SELECT DISTINCT ${key} FROM ${raw(METRICS_TABLE)} WHERE doc_id = ${docId};
    DELETE FROM ${raw(METRICS_TABLE)} WHERE doc_id = ${docId};
    INSERT INTO ${raw(METRICS_TABLE)} ${metricStatementsOf(raw('figures_add'))};
    INSERT INTO metric_points_touched SELECT DISTINCT ${key} FROM ${raw(METRICS_TABLE)} WHERE doc_id = ${docId};
    DELETE FROM ${raw(METRIC_POINTS_TABLE)} AS p USING metric_points_touched AS t
      WHERE p.metric = t.metric AND p.place = t.place AND p.data_year = t.data_year AND p.basis = t.basis AND p.base_unit = t.base_unit
        AND p.average = t.average;
    INSERT INTO ${raw(METRIC_POINTS_TABLE)} ${metricPointsOf('metric_points_touched')};
    DROP TABLE metric_points_touched;`;
}

/** Makes (again) the tables derived from `figures`: `figures_linked`, the facet tables and the metric statements. */
function deriveTables(create: 'CREATE TABLE' | 'CREATE OR REPLACE TABLE', metrics = true): SqlFragment {
  const faceted = join(FACETED_COLUMNS.map((c) => ident(c)));
  const make = raw(create);
  return sql`${make} figures_linked AS SELECT * FROM figures WHERE part_of IS NOT NULL OR parts > 0;
    ${make} figures_facets AS SELECT ${faceted}, count(*)::INTEGER AS n FROM figures WHERE NOT repeated GROUP BY ALL;
    ${make} figures_repeated AS SELECT ${faceted}, fact_id FROM figures WHERE repeated;
    ${metrics ? metricStatements(make) : sql``}`;
}

/**
 * Makes (again) `figures_ranked`, which names figures by row id: only of committed rows (rows inserted in a
 * transaction get their row ids when it commits), so after an append it is made in the same message as the
 * commit, before any other query can run.
 */
function rankFigures(create: 'CREATE TABLE' | 'CREATE OR REPLACE TABLE'): SqlFragment {
  const ranked = join(RANKED_COLUMNS.map((c) => ident(c)));
  return sql`${raw(create)} figures_ranked AS SELECT rowid AS row_id, id, ${ranked},
      row_number() OVER (ORDER BY value_base DESC NULLS LAST, doc_id, start, id)::INTEGER AS ord FROM figures ORDER BY ord;`;
}

/**
 * Below this many rows a table stays VARCHAR: encoding pays off on large tables, while on a small one it only
 * adds work to a cold engine's start (about 150 ms of first-run statements for the report's 333 rows). The
 * columns read the same either way, and an ENUM sorts and compares like its text (values are in text order).
 */
export const ENCODE_MIN_ROWS = 50_000;

/**
 * Encodes a freshly loaded staging table of `rows` rows (when it is large enough), marks its repeated facts
 * ({@link markRepeated}) and puts it in place of `figures` in one transaction, with the tables derived from it
 * ({@link deriveTables}: the totals with stated parts and the parts, which honest sums join; the facet
 * tables; the ranking), so readers see either the old tables or the new ones, and a failure leaves the old.
 */
export async function installFigures(engine: Engine, staging: string, rows: number): Promise<void> {
  if (rows >= ENCODE_MIN_ROWS) await encodeFigures(engine, staging);
  await markRepeated(engine, staging);
  try {
    await engine.query(sql`BEGIN TRANSACTION; DROP TABLE IF EXISTS figures; DROP TABLE IF EXISTS figures_linked;
      DROP TABLE IF EXISTS figures_facets; DROP TABLE IF EXISTS figures_repeated; DROP TABLE IF EXISTS figures_ranked;
      DROP TABLE IF EXISTS ${raw(METRICS_TABLE)}; ALTER TABLE ${ident(staging)} RENAME TO figures;
      ${deriveTables('CREATE TABLE')} ${rankFigures('CREATE TABLE')} COMMIT`);
  } catch (error) {
    await engine.query(sql`ROLLBACK`).catch(() => undefined);
    throw error;
  }
}

/** The row count a `CREATE TABLE … AS` statement reports. */
function createdRows(result: Row[]): number {
  const count = result[0]?.Count;
  if (typeof count !== 'number') throw new Error('CREATE TABLE AS reported no row count');
  return count;
}

/**
 * Loads the figures, documents and document_texts tables with explicit column types (an empty CSV field reads
 * as NULL). Each CSV is read into a staging table first, so a malformed file leaves the loaded tables as they
 * were. The texts are registered under IMPORT_DIR, which the engine may read after its lock, so the same call
 * reloads a running engine (`reloadTables`). The registrations and reads are sent together (duckdb-wasm posts
 * each request at the call and its worker handles them in order): the worker then runs them back to back
 * instead of waiting for the page's (possibly busy) thread between two.
 */
export async function loadTables(engine: Engine, sources: TableSources): Promise<NotRestoredImport[]> {
  await loadWorkspaceTables(engine, sources);
  return sources.imports ? restoreImportedTables(engine, await sources.imports().catch(() => [])) : [];
}

let loads = 0;

/** Loads (or loads again) the workspace's tables, leaving the analyst's own tables as they are. */
export async function reloadTables(engine: Engine, sources: TableSources): Promise<void> {
  await loadWorkspaceTables(engine, sources);
}

async function loadWorkspaceTables(engine: Engine, sources: TableSources): Promise<void> {
  loads += 1;
  const file = (name: string) => `${IMPORT_DIR}workspace-${loads}-${name}.csv`;
  const [figures, documents, texts] = [file('figures'), file('documents'), file('texts')];
  const textsCsv = sources.textsCsv ?? 'doc_id,text\n';
  let inTransaction = false;
  try {
    const [, , , created] = await Promise.all([
      engine.registerText(figures, sources.figuresCsv),
      engine.registerText(documents, sources.documentsCsv),
      engine.registerText(texts, textsCsv),
      engine.query(readCsvStatement('figures_staging', figures, FIGURE_COLUMN_TYPES)),
      engine.query(readCsvStatement('documents_staging', documents, DOCUMENT_COLUMN_TYPES)),
      engine.query(readCsvStatement('texts_staging', texts, TEXT_COLUMN_TYPES)),
    ]);
    const hidden = sources.hidden ?? [];
    let rows = createdRows(created);
    if (hidden.length > 0) {
      const [removed] = await engine.query(sql`DELETE FROM figures_staging WHERE doc_id IN (${join(hidden.map(literal))})`);
      rows -= Number(removed?.Count ?? 0);
    }
    // After the install's transaction has ended (committed or rolled back), never inside it.
    await installFigures(engine, 'figures_staging', rows);
    const listed = (ids: readonly string[]) => (ids.length > 0 ? sql`doc_id IN (${join(ids.map(literal))})` : sql`FALSE`);
    inTransaction = true;
    await engine.query(sql`BEGIN TRANSACTION;
      CREATE OR REPLACE TABLE documents AS SELECT *, ${listed(sources.added ?? [])} AS added, ${listed(hidden)} AS hidden
        FROM documents_staging;
      CREATE OR REPLACE TABLE document_texts AS SELECT * FROM texts_staging;
      ${metricPoints(sql`CREATE OR REPLACE TABLE`)}
      DROP TABLE documents_staging; DROP TABLE texts_staging; COMMIT`);
  } catch (error) {
    if (inTransaction) await engine.query(sql`ROLLBACK`).catch(() => undefined);
    await engine.query(sql`DROP TABLE IF EXISTS figures_staging; DROP TABLE IF EXISTS documents_staging;
      DROP TABLE IF EXISTS texts_staging`).catch(() => undefined);
    throw error;
  } finally {
    // The tables hold their own copies: the texts are let go of either way.
    await Promise.all([figures, documents, texts].map((f) => engine.dropFile(f).catch(() => undefined)));
  }
}

/** One report's rows for {@link appendReport}: CSV texts with their headers, as the workspace's tables have them. */
export interface ReportRows {
  doc_id: string;
  figuresCsv: string;
  /** The report's documents.csv row (with the header). */
  documentsCsv: string;
  textsCsv: string;
  /** Names the workspace version the tables hold once it is in (see `TableSources.stamp`). */
  stamp?: string;
}

/** The columns of `table` stored as ENUMs (see {@link encodeFigures}). */
async function enumColumns(engine: Engine, table: string): Promise<string[]> {
  const rows = await engine.query(sql`SELECT column_name FROM information_schema.columns
    WHERE table_name = ${table} AND data_type LIKE 'ENUM(%'`);
  return rows.map((r) => String(r.column_name));
}

/**
 * The ENUM columns of `figures` that `figures_add` brings values to, each with every value it must then hold
 * (those it holds and those brought, in text order, as encodedColumnTypes orders them): one query. A column's
 * values are read off its type (from any one row, NULL or not), not by scanning the table.
 */
async function widenedEnums(engine: Engine, columns: readonly string[]): Promise<Map<string, string[]>> {
  const widened = new Map<string, string[]>();
  if (columns.length === 0) return widened;
  const held = join(columns.map((column) => {
    const c = ident(column);
    return sql`SELECT ${literal(column)} AS c, unnest(enum_range(${c}))::VARCHAR AS v FROM (SELECT ${c} FROM figures LIMIT 1)`;
  }), ' UNION ALL ');
  const brought = join(columns.map((column) => {
    const c = ident(column);
    return sql`SELECT DISTINCT ${literal(column)} AS c, ${c}::VARCHAR AS v FROM figures_add WHERE ${c} IS NOT NULL`;
  }), ' UNION ALL ');
  const rows = await engine.query(sql`WITH held AS MATERIALIZED (${held}), brought AS (${brought}),
    fresh AS (SELECT * FROM brought EXCEPT SELECT * FROM held)
    SELECT c, v FROM held WHERE c IN (SELECT c FROM fresh) UNION SELECT c, v FROM fresh ORDER BY c, v`);
  for (const row of rows) {
    const column = String(row.c);
    const values = widened.get(column) ?? [];
    values.push(String(row.v));
    widened.set(column, values);
  }
  return widened;
}

/**
 * Adds one report to the loaded workspace, or replaces the report of the same doc_id, without loading the
 * others again: its rows are read into staging tables, the figures' ENUM columns are widened to values the
 * report brings (kept in text order), and the rows go in, all in one transaction — a failure leaves the tables
 * as they were. The cost is the report's, not the workspace's.
 */
export async function appendReport(engine: Engine, rows: ReportRows): Promise<void> {
  loads += 1;
  const file = (name: string) => `${IMPORT_DIR}report-${loads}-${name}.csv`;
  const [figures, documents, texts] = [file('figures'), file('documents'), file('texts')];
  let inTransaction = false;
  try {
    const [columns] = await Promise.all([
      enumColumns(engine, 'figures'),
      engine.registerText(figures, rows.figuresCsv),
      engine.registerText(documents, rows.documentsCsv),
      engine.registerText(texts, rows.textsCsv),
      engine.query(readCsvStatement('figures_add', figures, FIGURE_COLUMN_TYPES)),
      engine.query(readCsvStatement('documents_add', documents, DOCUMENT_COLUMN_TYPES)),
      engine.query(readCsvStatement('texts_add', texts, TEXT_COLUMN_TYPES)),
    ]);
    await markRepeated(engine, 'figures_add');
    const widened: SqlFragment[] = [];
    for (const [column, values] of await widenedEnums(engine, columns)) {
      widened.push(sql`ALTER TABLE figures ALTER COLUMN ${ident(column)} SET DATA TYPE ENUM(${join(values.map(literal))});`);
    }
    const id = literal(rows.doc_id);
    inTransaction = true;
    await engine.query(sql`BEGIN TRANSACTION; ${join(widened, ' ')}
      DELETE FROM figures WHERE doc_id = ${id};
      DELETE FROM documents WHERE doc_id = ${id}; DELETE FROM document_texts WHERE doc_id = ${id};
      INSERT INTO figures SELECT * FROM figures_add;
      ${deriveTables('CREATE OR REPLACE TABLE', false)}
      INSERT INTO documents SELECT *, TRUE AS added, FALSE AS hidden FROM documents_add;
      INSERT INTO document_texts SELECT * FROM texts_add;
      ${appendMetrics(id)}
      COMMIT; ${rankFigures('CREATE OR REPLACE TABLE')}`);
    inTransaction = false;
  } catch (error) {
    if (inTransaction) await engine.query(sql`ROLLBACK`).catch(() => undefined);
    throw error;
  } finally {
    await engine.query(sql`DROP TABLE IF EXISTS figures_add; DROP TABLE IF EXISTS documents_add;
      DROP TABLE IF EXISTS texts_add`).catch(() => undefined);
    await Promise.all([figures, documents, texts].map((f) => engine.dropFile(f).catch(() => undefined)));
  }
}
