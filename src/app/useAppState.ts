import { useCallback, useSyncExternalStore } from 'react';
import { parseState, serializeState, type AppState } from './url-state';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

const getSearch = () => window.location.search;
let cached: { search: string; state: AppState } | null = null;

function currentState(search: string): AppState {
  if (!cached || cached.search !== search) cached = { search, state: parseState(search) };
  return cached.state;
}

/**
 * The app state lives in the URL: reading parses `location.search`, updating pushes a history entry (or
 * replaces it, for typing), so links reproduce the view and back/forward walk through it.
 */
export function useAppState(): [AppState, (next: Partial<AppState>, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const state = currentState(search);
  const update = useCallback((next: Partial<AppState>, opts?: { replace?: boolean }) => {
    const merged = { ...currentState(window.location.search), ...next };
    const url = `${window.location.pathname}${serializeState(merged)}${window.location.hash}`;
    if (opts?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [state, update];
}
