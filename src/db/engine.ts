import type { SqlQuery } from '../sql';
import type { Row } from './rows';

/** What the rest of the app needs from a database: run a bound query, register a text file. */
export interface Engine {
  /** Runs one statement with bound parameters; rows are plain JSON-safe values. */
  query(query: SqlQuery): Promise<Row[]>;
  /** Makes `text` readable by `read_csv(name)`. */
  registerText(name: string, text: string): Promise<void>;
  /** Asks the engine to stop the query that is running now (no-op where unsupported). */
  cancel(): Promise<void>;
}
