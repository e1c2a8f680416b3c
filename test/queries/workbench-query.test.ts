import { SAMPLE_SQL } from '../../src/views/workbench/sample-query';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockEngine, toRows, type Engine } from '../../src/db';
import type { ArrowTableLike } from '../../src/db/rows';
import { loadTables } from '../../src/db';
import {
  WorkbenchError, describeFailure, fetchSchema, leadingKeyword, locateError, runWorkbenchQuery, type ReadOnlyRunner,
} from '../../src/queries';
import { raw } from '../../src/sql';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';
import { NODE_BUNDLES } from '../util/test-db';

/**
 * A blocking DuckDB doing the browser engine's sandbox steps: the app's tables on one connection, locked;
 * user SQL on a second connection — prepared first (one statement only), then run in a READ ONLY transaction
 * that is rolled back.
 */
let runner: ReadOnlyRunner;
let app: Engine;

beforeAll(async () => {
  const db = await createDuckDB(NODE_BUNDLES, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const main = db.connect();
  main.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  app = {
    async query(q) {
      if (q.params.length > 0) throw new Error('not needed here');
      return toRows(main.query(q.text) as unknown as ArrowTableLike);
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async cancel() {},
  };
  await loadTables(app, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
  await lockEngine(app);
  const sandbox = db.connect();
  runner = async (text) => {
    sandbox.prepare(text).close();
    sandbox.query('BEGIN TRANSACTION READ ONLY');
    try {
      const table = sandbox.query(text) as unknown as ArrowTableLike;
      return { columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: toRows(table) };
    } finally {
      sandbox.query('ROLLBACK');
    }
  };
});

async function failure(userSql: string): Promise<WorkbenchError> {
  const error = await runWorkbenchQuery(runner, userSql).then(() => null, (e: unknown) => e);
  if (!(error instanceof WorkbenchError)) throw new Error(`Expected a WorkbenchError for ${userSql}, got ${String(error)}`);
  return error;
}

const figureCount = async () => (await app.query(raw('SELECT count(*) AS n FROM figures')))[0]?.n;

describe('workbench queries', () => {
  it('runs the sample query the editor opens with: one row per indicator, no total of rates', async () => {
    const result = await runWorkbenchQuery(runner, SAMPLE_SQL);
    expect(result.rows.length).toBeGreaterThan(3);
    const share = result.rows.find((r) => r.base_unit === 'percent');
    expect(share).toMatchObject({ facts: 1, total: null });
    expect(result.rows.find((r) => r.indicator === '协议投资额')).toMatchObject({ facts: 1, total: 197500000000 });
  });

  it('runs a read query over the loaded tables, with its columns and types', async () => {
    const result = await runWorkbenchQuery(runner, `-- money by category
SELECT category, sum(value_base) AS total FROM figures WHERE base_unit = 'CNY' GROUP BY category;`);
    expect(result.columns.map((c) => c.name)).toEqual(['category', 'total']);
    expect(result.rows).toEqual([{ category: 'investment', total: 197500000000 + 26248000000 + 23531649 }]);
    expect(result.truncated).toBe(false);
  });

  it('caps the result and says so', async () => {
    const result = await runWorkbenchQuery(runner, 'SELECT * FROM range(50)', 20);
    expect([result.rows.length, result.truncated]).toEqual([20, true]);
  });

  it.each([
    ['DROP TABLE figures', 'DROP'],
    ['DELETE FROM figures', 'DELETE'],
    ["COPY figures TO 'out.csv'", 'COPY'],
    ["ATTACH 'x.db' AS x", 'ATTACH'],
    ['INSTALL httpfs', 'INSTALL'],
    ['SET enable_external_access = true', 'SET'],
    ['CREATE TABLE t AS SELECT 1', 'CREATE'],
    ['SELECT 1; DROP TABLE figures', 'SELECT'],
    ['SELECT 1) AS x; DROP TABLE figures; SELECT * FROM (SELECT 1', 'SELECT'],
    ["SELECT * FROM read_csv('https://example.org/x.csv')", 'SELECT'],
    ["SELECT * FROM query('DROP TABLE figures')", 'SELECT'],
  ])('refuses %s and leaves the data as it was', async (text, keyword) => {
    const error = await failure(text);
    expect([error.kind, error.keyword]).toEqual(['refused', keyword]);
    expect(await figureCount()).toBe(SAMPLE_FIGURES.length);
  });

  it('reports DuckDB’s message with the line and column in the user’s own text', async () => {
    const error = await failure('SELECT id,\n  nope\nFROM figures');
    expect(error.kind).toBe('error');
    expect(error.message).toMatch(/Referenced column "nope" not found/);
    expect(error.message).toContain('LINE 2:   nope');
    expect(error.position).toEqual({ line: 2, column: 3 });
  });

  it('says a syntax error is one, without pointing into its own wrapper', async () => {
    const error = await failure('SELECT FROM WHERE');
    expect(error.kind).toBe('error');
    expect(error.message).toMatch(/^Parser Error/);
    expect(error.message).not.toMatch(/workbench|LIMIT/);
  });

  it('lists the loaded tables’ columns for the schema panel', async () => {
    const schema = await fetchSchema((q) => app.query(q));
    expect(new Set(schema.map((c) => c.table))).toEqual(new Set(['document_texts', 'documents', 'figures']));
    expect(schema.find((c) => c.column === 'value_base')?.type).toBe('DECIMAL(38,6)');
  });
});

describe('workbench error helpers', () => {
  it('finds the first keyword past comments', () => {
    expect(leadingKeyword('/* x */ -- y\n drop table t')).toBe('DROP');
    expect(leadingKeyword('(SELECT 1)')).toBe('(');
  });

  it('renumbers LINE marks and keeps the caret under the same character', () => {
    const message = 'Binder Error: x\n\nLINE 10: SELECT nope\n                ^';
    const located = locateError(message, Array.from({ length: 9 }, () => 'x').join('\n'));
    expect(located.position).toEqual({ line: 9, column: 8 });
    expect(located.message).toBe('Binder Error: x\n\nLINE 9: SELECT nope\n               ^');
  });

  it('tells a cancelled query from a failed one', () => {
    expect(describeFailure(new Error('INTERRUPT Error: Interrupted!'), 'SELECT 1').kind).toBe('cancelled');
  });
});
