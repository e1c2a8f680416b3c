/** A tiny external store of the engine's start-up state, read by views through `useSyncExternalStore`. */

export type EngineStatus =
  | { phase: 'idle' }
  | { phase: 'starting'; step: 'download' | 'instantiate' | 'open' | 'tables'; fraction?: number }
  | { phase: 'ready'; startedMs: number }
  | { phase: 'error'; error: Error };

let status: EngineStatus = { phase: 'idle' };
const listeners = new Set<() => void>();

export function getEngineStatus(): EngineStatus {
  return status;
}

export function setEngineStatus(next: EngineStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeEngineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
