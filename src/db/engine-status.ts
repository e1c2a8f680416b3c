/** The engine's start-up state, as its host tells it (see EngineHost) and the header shows it. */

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
