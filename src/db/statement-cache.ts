/**
 * Prepared statements kept by their SQL text (the text with `?` placeholders, values bound apart).
 *
 * The app's queries come from a few builders: a filter click sends the same texts as the last click, with
 * other values. DuckDB spends most of a small query's time parsing, binding and planning it. The cross-filter
 * counts over the report's 333 figures take ~14 ms from text, and ~3 ms as a prepared statement run with new
 * values. A text seen for the first time therefore runs as it is (one message to the worker), and is prepared
 * once the current task is over, behind every query it sent (a click's figures and counts go out first), so its
 * next run is a prepared one (one message too).
 *
 * DuckDB binds a prepared statement again by itself when a table it reads has been replaced. A statement that
 * fails is dropped all the same: the next run of its text starts over from the text.
 */

/** What the cache needs from an engine's prepared statements. */
export interface StatementHost<S> {
  prepare(text: string): Promise<S>;
  close(statement: S): Promise<void>;
}

/** How many statements are kept; the least recently used is closed beyond it. */
export const STATEMENT_CAPACITY = 64;

export class StatementCache<S> {
  /** Ready statements, least recently used first (a Map keeps insertion order). */
  private readonly ready = new Map<string, S>();
  private readonly preparing = new Set<string>();
  /** Set once the engine is closed: nothing is prepared or kept after. */
  private closed = false;

  /**
   * `defer` schedules the prepares; by default after the current task, so that the queries sent in the same task
   * (say a click's figures, then its counts) all reach the worker before any prepare.
   */
  constructor(
    private readonly host: StatementHost<S>,
    private readonly capacity = STATEMENT_CAPACITY,
    private readonly defer: (task: () => void) => void = (task) => void setTimeout(task, 0),
  ) {}

  /** The statement prepared for `text`, if there is one (it becomes the most recently used). */
  take(text: string): S | undefined {
    const statement = this.ready.get(text);
    if (statement === undefined) return undefined;
    this.ready.delete(text);
    this.ready.set(text, statement);
    return statement;
  }

  /**
   * Prepares `text` soon (see `defer`) unless it is prepared or being prepared. Call it after sending the query
   * itself. A text that fails to prepare is not kept.
   */
  prepareLater(text: string): void {
    if (this.ready.has(text) || this.preparing.has(text)) return;
    this.preparing.add(text);
    this.defer(() => {
      if (this.closed) return;
      this.host.prepare(text).then(
        (statement) => {
          this.preparing.delete(text);
          this.keep(text, statement);
        },
        () => this.preparing.delete(text),
      );
    });
  }

  /** Keeps `statement`, prepared by the caller for `text` (a statement already kept for it is closed). */
  keep(text: string, statement: S): void {
    if (this.closed) return;
    const previous = this.ready.get(text);
    if (previous !== undefined && previous !== statement) this.closeQuietly(previous);
    this.ready.delete(text);
    this.ready.set(text, statement);
    this.trim();
  }

  /** Drops (and closes) `statement` if it is the one kept for `text` (after it failed, say). */
  forget(text: string, statement: S): void {
    if (this.ready.get(text) !== statement) return;
    this.ready.delete(text);
    this.closeQuietly(statement);
  }

  /** Forgets every statement and prepares nothing more (the engine's worker is going away with them). */
  close(): void {
    this.closed = true;
    this.ready.clear();
    this.preparing.clear();
  }

  /** How many statements are ready (for tests). */
  get size(): number {
    return this.ready.size;
  }

  private trim(): void {
    for (const [text, statement] of this.ready) {
      if (this.ready.size <= this.capacity) return;
      this.ready.delete(text);
      this.closeQuietly(statement);
    }
  }

  private closeQuietly(statement: S): void {
    this.host.close(statement).catch(() => undefined);
  }
}
