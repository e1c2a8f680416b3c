import type * as duckdb from '@duckdb/duckdb-wasm';
import { describe, expect, it } from 'vitest';
import { BrowserEngine } from '../../src/db/browser-engine';
import { QueryError } from '../../src/db/errors';
import { sql } from '../../src/sql';

/** A one-row, one-column result shaped as the engine's Arrow tables are read (a plain iterable column). */
const result = (value: string) => ({
  schema: { fields: [{ name: 'v', type: { typeId: 2 } }] },
  numRows: 1,
  getChildAt: () => [value],
});

/**
 * A stand-in connection that logs every message the engine would send to DuckDB's worker: a query from text,
 * a prepare, a run of a prepared statement (with its values) and a close. `failing` statements throw when run.
 */
function connection() {
  const log: string[] = [];
  const failing = new Set<string>();
  const conn = {
    async query(text: string) {
      log.push(`query ${text}`);
      return result(`text:${text}`);
    },
    async prepare(text: string) {
      log.push(`prepare ${text}`);
      return {
        async query(...params: unknown[]) {
          log.push(`run ${text} ${JSON.stringify(params)}`);
          if (failing.has(text)) throw new Error(`Binder Error: ${text} no longer binds`);
          return result(`prepared:${JSON.stringify(params)}`);
        },
        async close() {
          log.push(`close ${text}`);
        },
      };
    },
  };
  const db = { terminate: async () => log.push('terminate') };
  const engine = new BrowserEngine(db as unknown as duckdb.AsyncDuckDB, conn as unknown as duckdb.AsyncDuckDBConnection);
  return { engine, log, failing };
}

/** Lets the prepares deferred past the current task go out and settle. */
const afterTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const byCategory = (category: string) => sql`SELECT v FROM figures WHERE category = ${category}`;
const TEXT = 'SELECT v FROM figures WHERE category = ?';

describe('BrowserEngine queries', () => {
  it('runs a text seen for the first time inlined, prepares it after the task, and runs it prepared from then on', async () => {
    const { engine, log } = connection();
    expect(await engine.query(byCategory('talent'))).toEqual([{ v: `text:SELECT v FROM figures WHERE category = 'talent'` }]);
    // The answer came from one message; the prepare only leaves once the current task is over.
    expect(log).toEqual([`query SELECT v FROM figures WHERE category = 'talent'`]);
    await afterTask();
    expect(log.slice(1)).toEqual([`prepare ${TEXT}`]);
    expect(await engine.query(byCategory('projects'))).toEqual([{ v: 'prepared:["projects"]' }]);
    expect(await engine.query(byCategory('talent'))).toEqual([{ v: 'prepared:["talent"]' }]);
    expect(log.slice(2)).toEqual([`run ${TEXT} ["projects"]`, `run ${TEXT} ["talent"]`]);
  });

  it('prepares a text once however many of its runs are under way before the statement is ready', async () => {
    const { engine, log } = connection();
    await Promise.all([engine.query(byCategory('a')), engine.query(byCategory('b'))]);
    await afterTask();
    expect(log.filter((line) => line.startsWith('prepare'))).toEqual([`prepare ${TEXT}`]);
  });

  it('drops a statement that fails, reports the error with its SQL, and starts the text over inlined', async () => {
    const { engine, log, failing } = connection();
    await engine.query(byCategory('a'));
    await afterTask();
    failing.add(TEXT);
    const error = await engine.query(byCategory('b')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect(String((error as Error).message)).toContain('no longer binds');
    await afterTask();
    expect(log).toContain(`close ${TEXT}`);
    failing.clear();
    log.length = 0;
    expect(await engine.query(byCategory('c'))).toEqual([{ v: `text:SELECT v FROM figures WHERE category = 'c'` }]);
    expect(log[0]).toBe(`query SELECT v FROM figures WHERE category = 'c'`);
  });

  it('prepares a query whose values cannot be written as literals, and keeps the statement for the next run', async () => {
    const { engine, log } = connection();
    const above = (n: number) => sql`SELECT v FROM figures WHERE value > ${n}`;
    expect(await engine.query(above(1.5))).toEqual([{ v: 'prepared:[1.5]' }]);
    expect(await engine.query(above(2))).toEqual([{ v: 'prepared:[2]' }]);
    expect(log).toEqual([
      'prepare SELECT v FROM figures WHERE value > ?',
      'run SELECT v FROM figures WHERE value > ? [1.5]',
      'run SELECT v FROM figures WHERE value > ? [2]',
    ]);
  });

  it('never prepares a query without values', async () => {
    const { engine, log } = connection();
    await engine.query(sql`SELECT count(*) AS v FROM figures`);
    await engine.query(sql`SELECT count(*) AS v FROM figures`);
    await afterTask();
    expect(log).toEqual(['query SELECT count(*) AS v FROM figures', 'query SELECT count(*) AS v FROM figures']);
  });

  it('sends no prepare after it is closed (the worker is gone by then)', async () => {
    const { engine, log } = connection();
    await engine.query(byCategory('a'));
    await engine.close();
    await afterTask();
    expect(log).toEqual([`query SELECT v FROM figures WHERE category = 'a'`, 'terminate']);
  });
});
