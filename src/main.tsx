/**
 * Entry. It is kept tiny on purpose: it starts the engine before anything else loads, so the worker script, the
 * wasm download and its compile run while the app's own code is still arriving; the app is then loaded and
 * mounted. The overview draws from the parsed CSV and never waits for the engine.
 */
import { loadWorkspaceSources } from './data/embedded';
import { engineWorkerRunning, getEngine } from './db';
import { whenIdle } from './lib/idle';
import './app/app.css';

getEngine(loadWorkspaceSources).then(
  // Once the page has settled, each query family once with filters, so the first click does not compile the
  // engine's code (the views' own first queries, already waiting for the engine, go first).
  () => whenIdle(() => {
    void Promise.all([import('./queries/warm-up'), import('./queries/run')])
      .then(([{ warmUpQueries }, { backgroundRunner }]) => {
        const { runner, stopped } = backgroundRunner();
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
const [{ mountApp }] = await Promise.all([import('./app/mount'), engineWorkerRunning(400)]);
mountApp(root);
