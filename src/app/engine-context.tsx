/**
 * The engine handed down from the composition root: views ask for it here instead of importing a global, so a
 * test (or another engine) can stand in.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Engine, EngineHost, LoadedWorkspace } from '../db';
import type { QueryRunner } from '../queries';
import type { StoredReport } from '../data/reports-store';

/** What the views need of the app's engine and its workspace. */
export interface AppEngine {
  host: EngineHost;
  /** Loads the kept workspace into the engine again, after the analyst changed it. */
  reloadWorkspace: () => Promise<void>;
  /** Puts a report just kept (added, or revised) into the loaded workspace without loading the others again. */
  addReport: (report: StoredReport) => Promise<void>;
}

const EngineContext = createContext<AppEngine | null>(null);

export const EngineProvider = EngineContext.Provider;

export function useAppEngine(): AppEngine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('No engine: render the app inside <EngineProvider>');
  return engine;
}

/** Runs queries on the app's engine. */
export function useRunner(): QueryRunner {
  return useAppEngine().host.run;
}

/** The started engine itself (for the workbench's read-only connection and imports). */
export function useEngine(): () => Promise<Engine> {
  return useAppEngine().host.start;
}

/** What the engine's tables hold now (version, and what the last load left out), re-rendering as it changes. */
export function useLoadedWorkspace(): LoadedWorkspace {
  const { host } = useAppEngine();
  return useSyncExternalStore(host.subscribe, host.loadedWorkspace);
}
