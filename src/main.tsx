/**
 * Entry and composition root. It is kept tiny on purpose: it creates the engine and starts it before anything
 * else loads, so the worker script, the wasm download and its compile run while the app's own code is still
 * arriving; the app is then loaded and mounted with that engine handed down.
 */
import { forgetWorkspaceSources, loadWorkspaceSources } from './data/embedded';
import { EngineHost } from './db';
import { whenIdle } from './lib/idle';
import './app/app.css';

const host = new EngineHost(loadWorkspaceSources);
const reloadWorkspace = () => {
  forgetWorkspaceSources();
  return host.reload();
};

host.start().then(
  // Once the page has settled, each query family once with filters, so the first click does not compile the
  // engine's code (the views' own first queries, already waiting for the engine, go first).
  () => whenIdle(() => {
    void import('./queries/warm-up')
      .then(({ warmUpQueries }) => {
        const { runner, stopped } = host.background();
        return warmUpQueries(runner, stopped);
      })
      .catch(() => {});
  }),
  () => {},
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render is one long task. A message to a worker that is still starting is only passed on by the
// page's own thread, so rendering first would hold the engine's start back by that long: wait (briefly) until
// the worker answers.
const [{ mountApp }] = await Promise.all([import('./app/mount'), host.workerRunningWithin(400)]);
mountApp(root, { host, reloadWorkspace });
