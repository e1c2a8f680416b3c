import type { SqlQuery } from '../sql';
import type { Row } from './rows';

/** A column of a user query's result: its name and DuckDB/Arrow type. */
export interface ResultColumn {
  name: string;
  type: string;
}

/** What a read-only user query returned: its columns and plain rows. */
export interface ReadOnlyResult {
  columns: ResultColumn[];
  rows: Row[];
}

/** What the rest of the app needs from a database: run a bound query, register a text file. */
export interface Engine {
  /** Runs one statement with bound parameters; rows are plain JSON-safe values. */
  query(query: SqlQuery): Promise<Row[]>;
  /** Makes `text` readable by `read_csv(name)`. */
  registerText(name: string, text: string): Promise<void>;
  /** Forgets a file registered with {@link Engine.registerText} (its memory is freed). */
  dropFile(name: string): Promise<void>;
  /** Asks the engine to stop the query that is running now (no-op where unsupported). */
  cancel(): Promise<void>;
  /**
   * Runs one user-written statement on a connection of its own, inside a READ ONLY transaction that is always
   * rolled back, and streamed so that {@link Engine.cancel} can stop it. The statement must prepare as a
   * single statement before anything runs. Engines without a sandbox leave this out.
   */
  queryReadOnly?(text: string): Promise<ReadOnlyResult>;
  /** Stops the engine for good and frees what it holds (its worker, in the browser). */
  close?(): Promise<void>;
}
