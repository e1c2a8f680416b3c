import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate, pageSearch } from '../../src/app/useAppState';

/** A page whose history records its writes; its `location.search` follows them, as a browser's does. */
function fakePage() {
  const events = new EventTarget();
  const location = { pathname: '/app/', search: '', hash: '' };
  const writes: string[] = [];
  const write = (kind: string) => (_state: unknown, _title: string, url: string) => {
    writes.push(`${kind} ${url}`);
    location.search = new URL(url, 'http://x').search;
  };
  vi.stubGlobal('PopStateEvent', class extends Event {});
  vi.stubGlobal('window', {
    location,
    history: { pushState: write('push'), replaceState: write('replace') },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
  });
  return { events, location, writes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('moving to a new query string', () => {
  it('is written at once unless asked to wait: a move a reload must keep (the deck’s link) takes a waiting one with it', async () => {
    const page = fakePage();
    navigate('?view=compare&category=a', false, { later: true });
    navigate('?view=compare&category=a&deck=x', true);
    expect(page.writes).toEqual(['push /app/?view=compare&category=a&deck=x']);
    await tick();
    expect(page.writes).toHaveLength(1);
  });

  it('is read and heard at once; its history entry is written a moment later', async () => {
    const page = fakePage();
    const heard: string[] = [];
    page.events.addEventListener('popstate', () => heard.push(pageSearch()));
    navigate('?view=compare&subject=a', false, { later: true });
    expect(pageSearch()).toBe('?view=compare&subject=a');
    expect(heard).toEqual(['?view=compare&subject=a']);
    expect(page.writes).toEqual([]);
    await tick();
    expect(page.writes).toEqual(['push /app/?view=compare&subject=a']);
    expect(pageSearch()).toBe('?view=compare&subject=a');
  });

  it('moves made before the write make one entry: pushed if any was a push, else replacing', async () => {
    const page = fakePage();
    navigate('?q=a', true, { later: true });
    navigate('?q=ab', false, { later: true });
    navigate('?q=abc', true, { later: true });
    await tick();
    expect(page.writes).toEqual(['push /app/?q=abc']);
    navigate('?q=abcd', true, { later: true });
    navigate('?q=abcde', true, { later: true });
    await tick();
    expect(page.writes).toEqual(['push /app/?q=abc', 'replace /app/?q=abcde']);
  });

  it('after the write, the page’s own query string is read again (back and forward change it)', async () => {
    const page = fakePage();
    navigate('?view=pivot', false, { later: true });
    await tick();
    page.location.search = '?view=overview';
    expect(pageSearch()).toBe('?view=overview');
  });
});
