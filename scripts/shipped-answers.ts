/**
 * The answers the overview draws for the shipped workspace (the build's reports, nothing added or hidden),
 * computed while the app is built by the app's own queries on DuckDB's Node build of the same engine, and
 * emitted as an asset of the build (`virtual:shipped-answers` gives its URL, or null outside a build). A first
 * visit draws its first chart from them while the browser's engine starts (see src/data/query-snapshot.ts):
 * they are answers of this build over this workspace, so the engine's own answers are the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { Plugin } from 'vite';
import { composeTableSources } from '../src/data/workspace-sources';
// Narrow imports: the config's bundle must not reach the browser engine's modules (their `?url` assets).
import type { Engine } from '../src/db/engine';
import { toRows, type ArrowTableLike } from '../src/db/rows';
import { loadTables } from '../src/db/tables';
import { documentsOptions } from '../src/queries/documents-query';
import { figuresOptions, reportFiguresParams } from '../src/queries/figures-query';
import type { QueryRunner } from '../src/queries/run';
import { inlineParams } from '../src/sql';
import { duckdbDist } from './duckdb-link-patch';

const VIRTUAL = 'virtual:shipped-answers';

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
    return dehydrate(client);
  } finally {
    await engine.close?.();
  }
}

/** Emits the shipped answers with the build; in the dev server and in tests the module says there are none. */
export function shippedAnswers(): Plugin {
  let build = false;
  let root = process.cwd();
  return {
    name: 'figures-board-shipped-answers',
    configResolved(config) {
      build = config.command === 'build' && !process.env.VITEST;
      root = config.root;
    },
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      if (!build) return 'export default null;';
      const state = await computeShippedAnswers(root);
      const ref = this.emitFile({ type: 'asset', name: 'shipped-answers.json', source: JSON.stringify(state) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
