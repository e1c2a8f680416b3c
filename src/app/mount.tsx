import { hydrate, notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EngineProvider, type AppEngine } from './engine-context';
import { keepSnapshots, settleKept, type QuerySnapshot } from '../data/query-snapshot';

/** A local engine: queries never go stale, never wait for a network, and fail fast to a retry button. */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Renders the app into `root` with its query client and the engine made at the composition root. `kept` are
 * the answers the views drew last time from this build and workspace version (src/data/query-snapshot.ts):
 * they are drawn at once, while the engine starts; answers are kept again as they arrive.
 */
export function mountApp(root: HTMLElement, engine: AppEngine, kept: QuerySnapshot | null = null): void {
  // Query results reach React in the task that delivered them, not a timer later: an answer from the engine
  // is drawn as soon as the page's thread is free (TanStack Query batches with setTimeout by default).
  notifyManager.setScheduler(queueMicrotask);
  const client = createQueryClient();
  keepSnapshots(client, engine.host.loadedWorkspace);
  if (kept) {
    hydrate(client, kept.state);
    settleKept(client, kept, engine.host);
  }
  createRoot(root).render(
    <StrictMode>
      <EngineProvider value={engine}>
        <QueryClientProvider client={client}>
          <App />
        </QueryClientProvider>
      </EngineProvider>
    </StrictMode>,
  );
}
