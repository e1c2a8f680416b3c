import { replaceEqualDeep, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useRunner } from './engine-context';
import { prefetchStateQueries } from './state-queries';
import { parseState, serializeState, type AppState } from './url-state';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

const getSearch = () => window.location.search;
let cached: { search: string; state: AppState } | null = null;

/**
 * The state of a query string. Parts equal to the previous state's are that state's own objects, so a filter
 * click leaves every unchanged part (the compare settings, the other dimensions' lists) identical: memoised
 * views and hooks keyed on them skip their work.
 */
function currentState(search: string): AppState {
  if (!cached || cached.search !== search) {
    cached = { search, state: replaceEqualDeep(cached?.state, parseState(search)) };
  }
  return cached.state;
}

/** The app state of the page's URL right now (for callbacks that must not depend on a rendered state). */
export function readAppState(): AppState {
  return currentState(window.location.search);
}

/**
 * The app state lives in the URL: reading parses `location.search`, updating pushes a history entry (or
 * replaces it, for typing), so links reproduce the view and back/forward walk through it. An update first
 * starts the queries the mounted views declared for the new state.
 */
export function useAppState(): [AppState, (next: Partial<AppState>, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const state = currentState(search);
  const client = useQueryClient();
  const runner = useRunner();
  const update = useCallback((next: Partial<AppState>, opts?: { replace?: boolean }) => {
    const merged = { ...currentState(window.location.search), ...next };
    const keep = new URLSearchParams(window.location.search);
    const search = serializeState(merged, keep);
    // The views' queries for the new state start first; React renders it meanwhile.
    prefetchStateQueries(client, currentState(search), runner);
    navigate(search, opts?.replace ?? false);
  }, [client, runner]);
  return [state, update];
}

/** Moves to a new query string (pushing or replacing a history entry) and tells every subscriber. */
export function navigate(search: string, replace: boolean): void {
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * One query-string parameter owned by a feature (e.g. a pivot spec), kept in the URL beside the core state:
 * links reproduce it and back/forward restore it. `null` removes it.
 */
export function useUrlParam(key: string): [string | null, (value: string | null, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const value = new URLSearchParams(search).get(key);
  const set = useCallback(
    (next: string | null, opts?: { replace?: boolean }) => {
      const params = new URLSearchParams(window.location.search);
      if (next === null) params.delete(key);
      else params.set(key, next);
      const text = params.toString();
      navigate(text === '' ? '' : `?${text}`, opts?.replace ?? false);
    },
    [key],
  );
  return [value, set];
}
