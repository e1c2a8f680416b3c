/**
 * Entry and composition root. It is kept tiny on purpose: it creates the engine and starts it before anything
 * else loads, so the worker script, the wasm download and its compile run while the app's own code is still
 * arriving; the app is then loaded and mounted with that engine handed down.
 */
import { WorkspaceSources } from './data/embedded';
import { loadSnapshot, workspaceStamp } from './data/query-snapshot';
import { loadWorkspaceState, type StoredReport } from './data/reports-store';
import { reportRows } from './data/workspace-sources';
import { EngineHost } from './db';
import { whenIdle } from './lib/idle';
import './app/app.css';

// The kept answers are asked for first: storage serves requests in order, and the workspace's own read (all of
// its reports) is far larger.
const snapshot = Promise.race([loadSnapshot(), new Promise<null>((resolve) => setTimeout(resolve, 500, null))]);
// The workspace is read from storage once the first screen is drawn: reading and composing a large one takes
// the page's thread for a while, and the engine's own download and compile (in its worker) take longer anyway.
let drawn: () => void = () => {};
const firstScreen = new Promise<void>((resolve) => (drawn = resolve));
const workspace = new WorkspaceSources();
const host = new EngineHost(() => firstScreen.then(workspace.load));
const reloadWorkspace = () => {
  workspace.forget();
  return host.reload();
};
// A report just kept goes into the loaded tables alone when the engine holds the version its save replaced;
// after any other change (another tab's, say) the whole workspace is loaded again.
const addReport = async (report: StoredReport) => {
  workspace.forget();
  const kept = await loadWorkspaceState().catch(() => null);
  const version = kept?.version ?? null;
  if (version === null || kept?.hidden.includes(report.doc_id) || host.loadedWorkspace().stamp !== workspaceStamp(version - 1)) {
    return host.reload();
  }
  // Kept either way: should adding it alone fail, the whole workspace is loaded again.
  return host.append(reportRows(report, workspaceStamp(version))).catch(() => host.reload());
};

host.start().then(
  // Once the page has settled, each query family once with filters, so the first click does not compile the
  // engine's code (the views' own first queries, already waiting for the engine, go first).
  () => whenIdle(() => {
    void import('./queries/warm-up')
      .then(({ warmUpQueries, WARMED_UP_MARK }) => {
        const { runner, stopped } = host.background();
        return warmUpQueries(runner, stopped).finally(() => performance.mark(WARMED_UP_MARK));
      })
      .catch(() => {});
  }),
  () => {},
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The answers kept from the last visit (same build and workspace version) are drawn at once when there are
// some. Without them the first render only shows loading states, and it is one long task: a message to a
// worker that is still starting is only passed on by the page's own thread, so rendering first would hold the
// engine's start back by that long: then wait (briefly) until the worker answers.
// Storage that does not answer within a moment does not hold the first render back.
const [{ mountApp }, kept] = await Promise.all([import('./app/mount'), snapshot]);
if (!kept) await host.workerRunningWithin(400);
mountApp(root, { host, reloadWorkspace, addReport }, kept);
// After the next frame is painted; a page in the background paints no frames, so a moment at most.
requestAnimationFrame(() => setTimeout(drawn, 0));
setTimeout(drawn, 1_000);
