import { queryOptions } from '@tanstack/react-query';
import type { Engine, ReadOnlyResult } from '../db';
import { sql, type SqlQuery } from '../sql';
import { withSignal, type QueryRunner } from './run';

/**
 * The SQL workbench's query family. User SQL is never trusted: the engine is locked (no files, URLs,
 * extensions, settings), the text must prepare as one statement, it runs as a subquery — so DuckDB's own parser
 * refuses anything that is not a query — inside a READ ONLY transaction on a connection of its own.
 */

/** At most this many result rows are kept; one more is asked for to tell that the result was cut. */
export const WORKBENCH_MAX_ROWS = 10_000;

/** Runs one user statement read-only (the app's engine, or a test database doing the same steps). */
export type ReadOnlyRunner = (text: string) => Promise<ReadOnlyResult>;

export interface WorkbenchResult extends ReadOnlyResult {
  /** More rows existed than {@link WORKBENCH_MAX_ROWS}. */
  truncated: boolean;
}

/** Why a workbench query gave no result: refused by policy, failed in DuckDB, or cancelled by the user. */
export type WorkbenchErrorKind = 'refused' | 'error' | 'cancelled';

/** A failed workbench query: DuckDB's message (with line numbers of the user's text) and where it points. */
export class WorkbenchError extends Error {
  constructor(
    readonly kind: WorkbenchErrorKind,
    message: string,
    /** 1-based line and column in the user's text, when DuckDB pointed at one. */
    readonly position: { line: number; column: number } | null,
    /** The first keyword of the statement, e.g. DROP (for a refusal). */
    readonly keyword: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbenchError';
  }
}

/** Statements that can stand as a subquery: everything else is refused. */
const QUERY_KEYWORDS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', '(']);

/** The first keyword of a statement, skipping comments (only to word a message; DuckDB does the enforcing). */
export function leadingKeyword(text: string): string {
  const stripped = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trimStart();
  if (stripped.startsWith('(')) return '(';
  return (/^[A-Za-z_]+/.exec(stripped)?.[0] ?? '').toUpperCase();
}

/** The user's text without trailing whitespace and semicolons (`SELECT 1;` is one statement). */
function trimStatement(text: string): string {
  return text.replace(/[\s;]+$/, '');
}

/**
 * The statement sent to DuckDB: the user's query as a subquery, its result capped. The prefix ends in a
 * newline, so the user's line n is DuckDB's line n + 1 and columns are unchanged.
 */
export function wrapUserQuery(userSql: string, maxRows = WORKBENCH_MAX_ROWS): string {
  return `SELECT * FROM (\n${trimStatement(userSql)}\n) AS workbench LIMIT ${maxRows + 1}`;
}

const LINE_MARK = /\n?LINE (\d+): ([^\n]*)\n( *)\^/;

/**
 * Turns DuckDB's message for the wrapped statement into one about the user's text: `LINE n:` is renumbered
 * and the caret's column read. A position on the wrapper's own lines is dropped.
 */
export function locateError(message: string, userSql: string): { message: string; position: WorkbenchError['position'] } {
  const match = LINE_MARK.exec(message);
  const head = message.slice(0, match?.index ?? message.length).replace(/\s+$/, '');
  if (!match) return { message: head, position: null };
  const wrappedLine = Number(match[1]);
  const lineText = match[2] ?? '';
  const caret = (match[3] ?? '').length - `LINE ${wrappedLine}: `.length;
  const line = wrappedLine - 1;
  const lineCount = trimStatement(userSql).split('\n').length;
  if (line < 1 || line > lineCount) return { message: head, position: null };
  const prefix = `LINE ${line}: `;
  return {
    message: `${head}\n\n${prefix}${lineText}\n${' '.repeat(prefix.length + Math.max(0, caret))}^`,
    position: { line, column: Math.max(0, caret) + 1 },
  };
}

/** DuckDB's words when the lock, the read-only transaction or the one-statement rule stopped a query. */
const REFUSALS = new RegExp([
  '^Permission Error', 'disabled (by|through) configuration', 'configuration has been locked', 'read-only',
  'multiple statements', 'single SELECT statement', 'syntax error at or near ";"',
].join('|'), 'i');

/** Classifies a failure of the wrapped statement (pure: the message is DuckDB's). */
export function describeFailure(cause: unknown, userSql: string): WorkbenchError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  const keyword = leadingKeyword(userSql);
  const { message, position } = locateError(raw, userSql);
  if (/interrupt|cancel/i.test(raw)) return new WorkbenchError('cancelled', message, null, keyword, { cause });
  const refused =
    REFUSALS.test(raw) || (/^Parser Error/.test(raw) && !QUERY_KEYWORDS.has(keyword));
  return new WorkbenchError(refused ? 'refused' : 'error', message, position, keyword, { cause });
}

/** Runs a user's query read-only; failures become a {@link WorkbenchError}. */
export async function runWorkbenchQuery(runner: ReadOnlyRunner, userSql: string, maxRows = WORKBENCH_MAX_ROWS): Promise<WorkbenchResult> {
  if (trimStatement(userSql).trim() === '') throw new WorkbenchError('error', 'Empty query', null, '');
  try {
    const result = await runner(wrapUserQuery(userSql, maxRows));
    return { columns: result.columns, rows: result.rows.slice(0, maxRows), truncated: result.rows.length > maxRows };
  } catch (cause) {
    throw describeFailure(cause, userSql);
  }
}

/** The read-only runner of an engine: its sandboxed connection. */
export function readOnlyRunner(engine: () => Promise<Engine>): ReadOnlyRunner {
  return async (text) => {
    const db = await engine();
    if (!db.queryReadOnly) throw new Error('This engine cannot run user SQL');
    return db.queryReadOnly(text);
  };
}

/** Asks the engine to stop the running user query. */
export async function cancelReadOnly(engine: () => Promise<Engine>): Promise<void> {
  await (await engine()).cancel();
}

/** One column of a loaded table, for the schema list beside the editor. */
export interface SchemaColumnRow {
  table: string;
  column: string;
  type: string;
}

/**
 * Every column of every table and view in the main schema (whatever is loaded), but the tables derived from
 * `figures` (`figures_linked` for honest sums, the facet tables for the menus' counts, the ranking), which the analyst reads
 * through `figures` (they stay queryable).
 */
export function buildSchemaQuery(): SqlQuery {
  return sql`SELECT table_name AS "table", column_name AS "column", data_type AS "type"
    FROM information_schema.columns WHERE table_schema = 'main'
      AND table_name NOT IN ('figures_linked', 'figures_facets', 'figures_repeated', 'figures_ranked', 'figures_metrics', 'figures_metric_points')
    ORDER BY table_name, ordinal_position`;
}

export async function fetchSchema(runner: QueryRunner): Promise<SchemaColumnRow[]> {
  const rows = await runner(buildSchemaQuery());
  return rows.map((r) => ({ table: String(r.table), column: String(r.column), type: String(r.type) }));
}

export function schemaOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['schema'], queryFn: ({ signal }) => fetchSchema(withSignal(runner, signal)) });
}

/**
 * A user's query as data for a view (a saved query on the Compare page): the same read-only path as the
 * workbench, cached by its text.
 */
export function workbenchQueryOptions(engine: () => Promise<Engine>, userSql: string) {
  return queryOptions({ queryKey: ['workbench', userSql], queryFn: () => runWorkbenchQuery(readOnlyRunner(engine), userSql) });
}
