import { replaceEqualDeep, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useRunner } from './engine-context';
import { prefetchStateQueries } from './state-queries';
import { parseState, serializeState, type AppState } from './url-state';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

/**
 * A query string the app moved to whose history entry is not written yet (see {@link navigate}), and whether
 * the entries it stands for were all replacements.
 */
let unwritten: { search: string; replace: boolean } | null = null;

/** The page's query string: the one the app last moved to, written to the history or about to be. */
export function pageSearch(): string {
  return unwritten?.search ?? window.location.search;
}

const getSearch = pageSearch;
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
  return currentState(pageSearch());
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
    const merged = { ...currentState(pageSearch()), ...next };
    const keep = new URLSearchParams(pageSearch());
    const search = serializeState(merged, keep);
    // The views' queries for the new state start first; React renders it meanwhile.
    prefetchStateQueries(client, currentState(search), runner);
    navigate(search, opts?.replace ?? false, { later: true });
  }, [client, runner]);
  return [state, update];
}

/**
 * Moves to a new query string and tells every subscriber. `later`: its history entry (pushed, or replacing the
 * current one) is written a moment after, not before the views render it: writing one takes the browser
 * 10–30 ms here, which a filter click would otherwise wait for; moves made meanwhile make one entry. A move
 * whose parameter must survive an immediate reload (the deck's share link: a reload adopts the deck the address
 * holds) is written at once, with any move still waiting.
 */
export function navigate(search: string, replace: boolean, { later = false }: { later?: boolean } = {}): void {
  const waiting = unwritten;
  unwritten = { search, replace: (waiting?.replace ?? true) && replace };
  if (!later) writeHistory();
  else if (waiting === null) setTimeout(writeHistory, 0);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function writeHistory(): void {
  if (!unwritten) return;
  const { search, replace } = unwritten;
  unwritten = null;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
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
      const params = new URLSearchParams(pageSearch());
      if (next === null) params.delete(key);
      else params.set(key, next);
      const text = params.toString();
      navigate(text === '' ? '' : `?${text}`, opts?.replace ?? false);
    },
    [key],
  );
  return [value, set];
}
