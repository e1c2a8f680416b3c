/**
 * The app's engine over a DuckDB-WASM database in its worker: the app's queries (prepared once their text has been
 * seen, see StatementCache), the SQL workbench's read-only queries on a connection of their own, cancelling, and
 * files registered as text. Started by duckdb-browser.ts; only types come from @duckdb/duckdb-wasm here, so the
 * query paths can be tested with a stand-in connection.
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
import { ident, inlineParams, type SqlQuery } from '../sql';
import type { Engine, ReadOnlyResult } from './engine';
import { QueryError } from './errors';
import { StatementCache } from './statement-cache';
import { toRows, type ArrowTableLike, type Row } from './rows';

export class BrowserEngine implements Engine {
  /** The app's query texts, prepared once seen: a text's next run skips parsing and planning. */
  private readonly statements: StatementCache<duckdb.AsyncPreparedStatement>;

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {
    this.statements = new StatementCache({
      prepare: (text) => conn.prepare(text),
      close: (statement) => statement.close(),
    });
  }

  async query(query: SqlQuery): Promise<ReturnType<typeof toRows>> {
    // Every path sends its first message before its first await: a click's queries leave in the order they
    // were asked for, before the page renders the click.
    const prepared = query.params.length > 0 ? this.statements.take(query.text) : undefined;
    if (prepared) {
      try {
        return toRows((await prepared.query(...query.params)) as unknown as ArrowTableLike);
      } catch (cause) {
        this.statements.forget(query.text, prepared);
        throw QueryError.wrap(cause, query);
      }
    }
    // One message to the worker: preparing a statement first would take two, and the second waits for the
    // page's thread (busy drawing another query's charts, say) before it goes out. The statement is prepared
    // after this task's queries have gone out, for the next run of the same text.
    const text = inlineParams(query);
    let stmt: duckdb.AsyncPreparedStatement | null = null;
    try {
      if (text !== null) {
        const result = this.conn.query(text);
        if (query.params.length > 0) this.statements.prepareLater(query.text);
        return toRows((await result) as unknown as ArrowTableLike);
      }
      // Values that cannot be written as literals exactly (numbers, say): prepared, and the statement kept.
      stmt = await this.conn.prepare(query.text);
      const rows = toRows((await stmt.query(...query.params)) as unknown as ArrowTableLike);
      this.statements.keep(query.text, stmt);
      stmt = null;
      return rows;
    } catch (cause) {
      // The error names the SQL the engine ran: the inlined text, when that is what was sent.
      throw QueryError.wrap(cause, text !== null ? { text, params: [] } : query);
    } finally {
      await stmt?.close();
    }
  }

  async close(): Promise<void> {
    this.statements.close();
    await this.db.terminate();
  }

  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(name);
  }

  async registerText(name: string, text: string): Promise<void> {
    await this.db.registerFileText(name, text);
  }

  async cancel(): Promise<void> {
    await this.conn.cancelSent();
    if (this.sandbox) await (await this.sandbox).cancelSent();
  }

  /** The connection user-written SQL runs on, apart from the app's own (opened on first use). */
  private sandbox: Promise<duckdb.AsyncDuckDBConnection> | null = null;

  async queryReadOnly(text: string): Promise<ReadOnlyResult> {
    const conn = await (this.sandbox ??= this.db.connect());
    try {
      // Preparing parses and binds without running anything: a text with more than one statement stops here.
      const check = await conn.prepare(text);
      await check.close();
      await conn.query('BEGIN TRANSACTION READ ONLY');
      try {
        // A sent (pending) query runs in small steps inside the worker, so cancelSent() can stop it between two.
        const reader = await conn.send(await readableText(conn, text), true);
        const rows: ReadOnlyResult['rows'] = [];
        // The reader's own schema is not set once it has been iterated: take it from a batch.
        let fields: readonly { name: string; type: unknown }[] = [];
        for await (const batch of reader) {
          fields = batch.schema.fields;
          rows.push(...toRows(batch as unknown as ArrowTableLike));
        }
        return { columns: fields.map((f) => ({ name: f.name, type: String(f.type) })), rows };
      } finally {
        await conn.query('ROLLBACK').catch(() => undefined);
      }
    } catch (cause) {
      throw QueryError.wrap(cause, { text, params: [] });
    }
  }
}

/**
 * The user's query, with ENUM result columns read as text. A streamed result carries ENUMs as Arrow
 * dictionaries whose values do not reach the client, so they would show as NULL; `DESCRIBE` (binding only,
 * nothing runs) says which columns those are. Should it fail, the query runs as written.
 */
async function readableText(conn: duckdb.AsyncDuckDBConnection, text: string): Promise<string> {
  let columns: Row[];
  try {
    columns = toRows((await conn.query(`DESCRIBE ${text}`)) as unknown as ArrowTableLike);
  } catch {
    return text;
  }
  const enums = columns
    .filter((c) => String(c.column_type).startsWith('ENUM'))
    .map((c) => ident(String(c.column_name)).text);
  if (enums.length === 0) return text;
  const replace = enums.map((c) => `${c}::VARCHAR AS ${c}`).join(', ');
  return `SELECT * REPLACE (${replace}) FROM (\n${text}\n)`;
}
