/** A tiny external store of the engine's start-up state, read by views through `useSyncExternalStore`. */

export type EngineStatus =
  | { phase: 'idle' }
  | { phase: 'starting'; step: 'download' | 'instantiate' | 'open' | 'tables'; fraction?: number }
  | { phase: 'ready'; startedMs: number; loaded: LoadedCounts | null }
  | { phase: 'reloading'; loaded: LoadedCounts | null }
  | { phase: 'error'; error: Error };

/** What the engine holds, for the header: reports (documents shown) and figures. */
export interface LoadedCounts {
  reports: number;
  figures: number;
}

let status: EngineStatus = { phase: 'idle' };
const listeners = new Set<() => void>();

export function getEngineStatus(): EngineStatus {
  return status;
}

export function setEngineStatus(next: EngineStatus): void {
  // Each start-up step leaves a performance mark, so a trace or the benchmark can see where the time goes.
  if (next.phase === 'starting' && (status.phase !== 'starting' || status.step !== next.step)) {
    performance.mark(`figures-board:engine-${next.step}`);
  }
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeEngineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
