/**
 * The floor page (bench/engine.html): the app's own engine start (the same patched worker, wasm, data files
 * and table loading, through an `EngineHost`) on a page with nothing else to do. Its `figures-board:duckdb-ready`
 * mark is the shortest the app's could be at that moment on that machine; the benchmark loads it cold beside
 * the app, alternately, so that the two are compared under the same conditions. The page also runs the
 * interaction floor on demand (`window.__figuresBoardQueryFloor`, loaded only then).
 */
import { WorkspaceSources } from '../data/embedded';
import { EngineHost } from '../db';

// This page is its own composition root: it makes the engine as main.tsx does.
const host = new EngineHost(new WorkspaceSources().load);
host.start().catch((error: unknown) => {
  document.body.textContent = `The engine did not start: ${error instanceof Error ? error.message : String(error)}`;
});

(window as unknown as { __figuresBoardQueryFloor?: (states: readonly string[]) => Promise<unknown> })
  .__figuresBoardQueryFloor = async (states) => (await import('./query-floor')).runQueryFloor(host.run, states);
