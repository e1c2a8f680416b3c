import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { QueryRunner } from '../queries';
import type { AppState } from './url-state';

/** Starts the queries a view will ask for in `state` (nothing when that state shows another view). */
export type StateQueries = (client: QueryClient, state: AppState, runner: QueryRunner) => void;

/**
 * When a declaration's queries start among the others. The engine answers in the order it is asked, and
 * the page draws each answer as it comes: asking for the small answer the charts need (a view's figures)
 * before a slower one (the filter menus' counts) lets the page draw while the engine still works.
 */
export type StateQueriesOrder = 'first' | 'last';

/** Declared functions, with how many mounted components declare each and when they start. */
const declared = new Map<StateQueries, { count: number; order: StateQueriesOrder }>();

/**
 * Declares, while the calling view is mounted, how to start the queries it needs for a state. An app-state
 * change runs these before React renders the new state, so the engine works while the page renders (a filter
 * click's queries would otherwise wait for the whole re-render and its effects). Pass a stable function.
 */
export function useStateQueries(queries: StateQueries, order: StateQueriesOrder = 'first'): void {
  useEffect(() => declareStateQueries(queries, order), [queries, order]);
}

/** The plain form of {@link useStateQueries}: declares `queries` until the returned function is called. */
export function declareStateQueries(queries: StateQueries, order: StateQueriesOrder = 'first'): () => void {
  declared.set(queries, { count: (declared.get(queries)?.count ?? 0) + 1, order });
  let undeclared = false;
  return () => {
    if (undeclared) return;
    undeclared = true;
    const entry = declared.get(queries);
    if (entry && entry.count > 1) declared.set(queries, { ...entry, count: entry.count - 1 });
    else declared.delete(queries);
  };
}

/** Starts (or finds in the cache) every declared query of `state`: those declared 'first', then the 'last'. */
export function prefetchStateQueries(client: QueryClient, state: AppState, runner: QueryRunner): void {
  for (const order of ['first', 'last'] as const) {
    for (const [queries, entry] of declared) if (entry.order === order) queries(client, state, runner);
  }
}
