import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { declareStateQueries, prefetchStateQueries, type StateQueries } from '../../src/app/state-queries';
import { DEFAULT_STATE, type AppState } from '../../src/app/url-state';
import type { QueryRunner } from '../../src/queries';

const runner: QueryRunner = () => Promise.reject(new Error('no engine in these tests'));

const compareState: AppState = { ...DEFAULT_STATE, view: 'compare', filters: { ...DEFAULT_STATE.filters, category: ['projects'] } };

describe('state queries', () => {
  it('starts a declared query for the next state at once, before anything renders', () => {
    const client = new QueryClient();
    const started: string[] = [];
    const queries: StateQueries = (c, state) => {
      if (state.view !== 'compare') return;
      void c.prefetchQuery({
        queryKey: ['figures', state.filters.category],
        queryFn: () => {
          started.push(state.filters.category.join(','));
          return Promise.resolve([]);
        },
      });
    };
    const undeclare = declareStateQueries(queries);
    prefetchStateQueries(client, compareState, runner);
    // Synchronously: the engine gets the work in the same task as the click.
    expect(started).toEqual(['projects']);
    expect(client.getQueryState(['figures', ['projects']])?.fetchStatus).toBe('fetching');
    // A state of another view starts nothing; an undeclared view is not asked.
    prefetchStateQueries(client, { ...compareState, view: 'pivot' }, runner);
    undeclare();
    prefetchStateQueries(client, { ...compareState, filters: { ...compareState.filters, category: ['talent'] } }, runner);
    expect(started).toEqual(['projects']);
  });

  it("starts the queries declared 'last' after all others, whatever order they were declared in", () => {
    const client = new QueryClient();
    const started: string[] = [];
    const declare = (name: string, order?: 'first' | 'last') => declareStateQueries((c, state) => {
      void c.prefetchQuery({
        queryKey: [name, state.filters.category],
        queryFn: () => {
          started.push(name);
          return Promise.resolve([]);
        },
      });
    }, order);
    const undeclare = [declare('counts', 'last'), declare('figures'), declare('groups', 'first')];
    prefetchStateQueries(client, compareState, runner);
    expect(started).toEqual(['figures', 'groups', 'counts']);
    undeclare.forEach((u) => u());
  });

  it('keeps a declaration while any of its declarers is mounted', () => {
    const client = new QueryClient();
    let runs = 0;
    const queries: StateQueries = () => {
      runs += 1;
    };
    const first = declareStateQueries(queries, 'last');
    const second = declareStateQueries(queries, 'last');
    first();
    first();
    prefetchStateQueries(client, compareState, runner);
    expect(runs).toBe(1);
    second();
    prefetchStateQueries(client, compareState, runner);
    expect(runs).toBe(1);
  });
});
