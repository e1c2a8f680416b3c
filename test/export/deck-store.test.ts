import { describe, expect, it } from 'vitest';
import { decodeDeck, DeckFormatError, encodeDeck, slideQuery } from '../../src/export/deck-codec';
import { DECK_STORAGE_KEY, DeckStore } from '../../src/export/deck-store';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

const SLIDE = { chartId: 'compare-bars-CNY', title: '人民币 <&"\'>', query: '?view=compare&category=investment' };

describe('deck link', () => {
  it('round-trips slides through a URL-safe text', () => {
    const text = encodeDeck([{ id: 'x', ...SLIDE }, { id: 'y', chartId: 'overview-talent-person', title: '人才', query: '' }]);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDeck(text).map(({ chartId, title, query }) => ({ chartId, title, query }))).toEqual([
      SLIDE, { chartId: 'overview-talent-person', title: '人才', query: '' },
    ]);
  });

  it.each([['not base64!'], [btoa('{"a":1}')], [btoa('[[1,2,3]]')], [btoa('[["c","t","no-question-mark"]]')]])(
    'rejects the malformed link %j with a readable error', (text) => {
      expect(() => decodeDeck(text)).toThrow(DeckFormatError);
    },
  );

  it('keeps the chart state but not the deck itself or an open panel in a slide query', () => {
    expect(slideQuery('?view=compare&deck=abc&fig=x&category=talent')).toBe('?view=compare&category=talent');
    expect(slideQuery('?deck=abc')).toBe('');
  });
});

describe('DeckStore', () => {
  it('adds, renames, reorders and removes slides, and a new store reads them back', () => {
    const storage = memoryStorage();
    const store = new DeckStore(storage);
    store.add(SLIDE);
    store.add({ ...SLIDE, chartId: 'compare-treemap', title: '树图' });
    store.add({ ...SLIDE, chartId: 'compare-groups-CNY', title: '分组' });
    const [a, b, c] = store.getSnapshot().slides;
    store.move(c!.id, -5);
    store.rename(a!.id, '新标题');
    store.remove(b!.id);
    expect(store.getSnapshot().slides.map((s) => s.title)).toEqual(['分组', '新标题']);
    const reloaded = new DeckStore(storage);
    expect(reloaded.getSnapshot()).toMatchObject({ error: null, slides: [{ title: '分组' }, { title: '新标题', chartId: 'compare-bars-CNY' }] });
  });

  it.each([['{not json'], ['{"version":2,"slides":[]}'], ['{"version":1,"slides":[["only-id"]]}']])(
    'starts empty with a clear error when the saved deck is %j', (stored) => {
      const store = new DeckStore(memoryStorage({ [DECK_STORAGE_KEY]: stored }));
      expect(store.getSnapshot().slides).toEqual([]);
      expect(store.getSnapshot().error).toMatch(/无法读取.*deck/);
      store.add(SLIDE);
      expect(store.getSnapshot()).toMatchObject({ error: null, slides: [SLIDE] });
    },
  );

  it('tells subscribers about every change', () => {
    const store = new DeckStore(null);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.add(SLIDE);
    store.replace([]);
    unsubscribe();
    store.add(SLIDE);
    expect(calls).toBe(2);
  });
});
