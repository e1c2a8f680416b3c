import type { SqlQuery } from '../sql';

/** A query that DuckDB rejected or failed to run, wrapped once with the SQL that caused it. */
export class QueryError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryError';
    this.sql = sql;
  }

  static wrap(cause: unknown, query: SqlQuery): QueryError {
    if (cause instanceof QueryError) return cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    return new QueryError(message, query.text, { cause });
  }
}

/** The engine could not start (wasm failed to load, worker refused, data file missing…). */
export class EngineStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineStartError';
  }
}
