import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadEmbeddedSources } from './data/embedded';
import { engineWorkerStarted, getEngine } from './db';
import './app/app.css';

/** A local engine: queries never go stale, never wait for a network, and fail fast to a retry button. */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
  },
});

// Start the engine first: once its worker exists, the wasm downloads and compiles on another thread while the
// overview draws from the parsed CSV. The first render waits for that at most a moment. Failures surface in
// the views that query.
getEngine(loadEmbeddedSources).catch(() => {});
await engineWorkerStarted(120);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
