import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serializeState, toggleFilter } from '../../src/app/url-state';

describe('URL state', () => {
  it('round-trips every part of the state', () => {
    const state = {
      view: 'compare' as const,
      filters: { ...DEFAULT_STATE.filters, category: ['investment', 'projects'], subject: ['高新区'], q: '5G 基站&x=1' },
      figure: 'binhai-2022-08-04:0012',
      compare: { mode: 'groups' as const, by: 'section' as const, picks: ['a:1', 'a:2'] },
      sort: { column: 'value_base' as const, desc: true },
    };
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it('writes nothing for the default state and ignores junk', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('?view=nope&mode=pie&sort=quote;drop:desc&by=password')).toEqual({
      ...DEFAULT_STATE, sort: { column: 'id', desc: true },
    });
  });

  it('keeps the parameters a feature owns when it writes the core state', () => {
    const keep = new URLSearchParams('pivot=abc&view=explorer&category=x');
    expect(serializeState({ ...DEFAULT_STATE, view: 'compare' }, keep)).toBe('?pivot=abc&view=compare');
  });

  it('toggles one filter value on and off', () => {
    const on = toggleFilter(DEFAULT_STATE.filters, 'category', 'investment');
    expect(on.category).toEqual(['investment']);
    expect(toggleFilter(on, 'category', 'investment').category).toEqual([]);
  });
});
