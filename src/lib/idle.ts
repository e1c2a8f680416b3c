/** Scheduling work for when the page has nothing better to do. */

/** How long the page must have been left alone before off-screen work starts. */
const SETTLE_MS = 300;

/**
 * Runs `task` once the page has settled: after SETTLE_MS, in an idle period (or within a second). The delay
 * keeps off-screen drawing out of the gaps of an interaction still under way (while it waits for the engine,
 * say), where it would hold up the on-screen answer. Returns a cancel function.
 */
export function whenIdle(task: () => void): () => void {
  let cancelIdle = () => {};
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(task, { timeout: 1000 });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      task();
    }
  }, SETTLE_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle();
  };
}
