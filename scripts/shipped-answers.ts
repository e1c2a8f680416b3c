/**
 * The answers the overview draws for the shipped workspace (the build's reports, nothing added or hidden),
 * computed while the app is built by the app's own queries on DuckDB's Node build of the same engine, and
 * emitted as an asset of the build by scripts/shipped-answers-plugin.ts. A first
 * visit draws its first chart from them while the browser's engine starts (see src/data/query-snapshot.ts):
 * they are answers of this build over this workspace, so the engine's own answers are the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { composeTableSources } from '../src/data/workspace-sources';
// Narrow imports: nothing of the browser engine's modules (their `?url` assets) is needed here.
import type { Engine } from '../src/db/engine';
import { toRows, type ArrowTableLike } from '../src/db/rows';
import { loadTables } from '../src/db/tables';
import { documentsOptions } from '../src/queries/documents-query';
import { figuresOptions, reportFiguresParams } from '../src/queries/figures-query';
import type { QueryRunner } from '../src/queries/run';
import { inlineParams } from '../src/sql';
import { duckdbDist } from './duckdb-link-patch';

/** DuckDB's Node build, opened as the browser opens it, as an {@link Engine}. */
async function nodeEngine(): Promise<Engine> {
  const dist = duckdbDist();
  const db = await createDuckDB({
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  }, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return {
    async query(query) {
      const text = inlineParams(query);
      const result = text === null ? conn.prepare(query.text).query(...query.params) : conn.query(text);
      return toRows(result as unknown as ArrowTableLike);
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async cancel() {},
    async close() {
      conn.close();
    },
  };
}

/** The overview's answers for the shipped reports of the project at `root`. */
export async function computeShippedAnswers(root: string): Promise<DehydratedState> {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const documentsCsv = read('data/documents.csv');
  const [header = '', ...lines] = documentsCsv.trim().split(/\r?\n/);
  const fileColumn = header.split(',').indexOf('file');
  // documents.csv's doc_id and file columns hold no commas or quotes (ids and paths).
  const texts = lines.map((line) => line.split(',')).filter((cells) => cells[fileColumn])
    .map((cells) => ({ doc_id: cells[0] ?? '', text: read(join('data', cells[fileColumn] ?? '')) }));
  const engine = await nodeEngine();
  try {
    await loadTables(engine, composeTableSources({ figuresCsv: read('data/figures.csv'), documentsCsv, texts }, [], []));
    const runner: QueryRunner = (query) => engine.query(query);
    const client = new QueryClient();
    const documents = await client.fetchQuery(documentsOptions(runner));
    for (const document of documents) await client.fetchQuery(figuresOptions(runner, reportFiguresParams(document.doc_id)));
    // Timeless, so that one source always builds the same file: the app treats them as drawn before any visit.
    const state = dehydrate(client);
    return { ...state, queries: state.queries.map((q) => ({ ...q, dehydratedAt: 0, state: { ...q.state, dataUpdatedAt: 0 } })) };
  } finally {
    await engine.close?.();
  }
}
