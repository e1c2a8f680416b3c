import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AppState } from './url-state';

/** Starts the queries a view will ask for in `state` (nothing when that state shows another view). */
export type StateQueries = (client: QueryClient, state: AppState) => void;

/** Declared functions, with how many mounted components declare each. */
const declared = new Map<StateQueries, number>();

/**
 * Declares, while the calling view is mounted, how to start the queries it needs for a state. An app-state
 * change runs these before React renders the new state, so the engine works while the page renders (a filter
 * click's queries would otherwise wait for the whole re-render and its effects). Pass a stable function.
 */
export function useStateQueries(queries: StateQueries): void {
  useEffect(() => declareStateQueries(queries), [queries]);
}

/** The plain form of {@link useStateQueries}: declares `queries` until the returned function is called. */
export function declareStateQueries(queries: StateQueries): () => void {
  declared.set(queries, (declared.get(queries) ?? 0) + 1);
  let undeclared = false;
  return () => {
    if (undeclared) return;
    undeclared = true;
    const count = (declared.get(queries) ?? 1) - 1;
    if (count > 0) declared.set(queries, count);
    else declared.delete(queries);
  };
}

/** Starts (or finds in the cache) every declared query of `state`. */
export function prefetchStateQueries(client: QueryClient, state: AppState): void {
  for (const queries of declared.keys()) queries(client, state);
}
