import { describe, expect, it } from 'vitest';
import { StatementCache, type StatementHost } from '../../src/db/statement-cache';

/** Prepares at once (the order of messages is tested on its own below). */
const now = (task: () => void) => task();

/** A host whose prepares resolve when the test says so; statements are their texts. */
function host(failing: string[] = []) {
  const prepared: string[] = [];
  const closed: string[] = [];
  const waiting: (() => void)[] = [];
  const h: StatementHost<string> = {
    prepare(text) {
      prepared.push(text);
      return new Promise((resolve, reject) => {
        waiting.push(() => (failing.includes(text) ? reject(new Error(`cannot prepare ${text}`)) : resolve(`stmt:${text}`)));
      });
    },
    async close(statement) {
      closed.push(statement);
    },
  };
  const settle = async () => {
    for (const go of waiting.splice(0)) go();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { h, prepared, closed, settle };
}

describe('StatementCache', () => {
  it('has nothing for a text until its prepare has finished, then hands it out', async () => {
    const { h, prepared, settle } = host();
    const cache = new StatementCache(h, undefined, now);
    expect(cache.take('a')).toBeUndefined();
    cache.prepareLater('a');
    expect(cache.take('a')).toBeUndefined();
    await settle();
    expect(cache.take('a')).toBe('stmt:a');
    expect(cache.take('a')).toBe('stmt:a');
    expect(prepared).toEqual(['a']);
  });

  it('prepares a text once, however often it is asked while preparing or ready', async () => {
    const { h, prepared, settle } = host();
    const cache = new StatementCache(h, undefined, now);
    cache.prepareLater('a');
    cache.prepareLater('a');
    await settle();
    cache.prepareLater('a');
    expect(prepared).toEqual(['a']);
  });

  it('keeps no statement for a text that fails to prepare, and tries it again when asked again', async () => {
    const { h, prepared, settle } = host(['bad']);
    const cache = new StatementCache(h, undefined, now);
    cache.prepareLater('bad');
    await settle();
    expect(cache.take('bad')).toBeUndefined();
    cache.prepareLater('bad');
    expect(prepared).toEqual(['bad', 'bad']);
  });

  it('closes the least recently used statement beyond its capacity', async () => {
    const { h, closed, settle } = host();
    const cache = new StatementCache(h, 2, now);
    for (const text of ['a', 'b']) cache.prepareLater(text);
    await settle();
    cache.take('a');
    cache.prepareLater('c');
    await settle();
    expect(closed).toEqual(['stmt:b']);
    expect(cache.size).toBe(2);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.take('a')).toBe('stmt:a');
    expect(cache.take('c')).toBe('stmt:c');
  });

  it('closes a forgotten statement and prepares its text afresh', async () => {
    const { h, prepared, closed, settle } = host();
    const cache = new StatementCache(h, undefined, now);
    cache.prepareLater('a');
    await settle();
    cache.forget('a', 'stmt:a');
    expect(closed).toEqual(['stmt:a']);
    expect(cache.take('a')).toBeUndefined();
    cache.prepareLater('a');
    await settle();
    expect(prepared).toEqual(['a', 'a']);
    expect(cache.take('a')).toBe('stmt:a');
  });

  it('forgets only the statement that failed, not a newer one kept for the same text since', () => {
    const { h, closed } = host();
    const cache = new StatementCache(h, undefined, now);
    cache.keep('a', 'old');
    cache.keep('a', 'new');
    expect(closed).toEqual(['old']);
    cache.forget('a', 'old');
    expect(cache.take('a')).toBe('new');
    expect(closed).toEqual(['old']);
  });

  it('keeps a statement its caller prepared, within the same capacity', () => {
    const { h, closed } = host();
    const cache = new StatementCache(h, 1, now);
    cache.keep('a', 'stmt:a');
    cache.keep('b', 'stmt:b');
    expect(cache.take('a')).toBeUndefined();
    expect(cache.take('b')).toBe('stmt:b');
    expect(closed).toEqual(['stmt:a']);
  });

  it('by default prepares only after the current task, behind every query that task sent', async () => {
    const sent: string[] = [];
    const h: StatementHost<string> = {
      async prepare(text) {
        sent.push(`prepare ${text}`);
        return `stmt:${text}`;
      },
      async close() {},
    };
    const cache = new StatementCache(h);
    // A click: its figures query, then its counts, each followed by the request to prepare its text.
    sent.push('run figures');
    cache.prepareLater('figures');
    sent.push('run counts');
    cache.prepareLater('counts');
    expect(sent).toEqual(['run figures', 'run counts']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual(['run figures', 'run counts', 'prepare figures', 'prepare counts']);
  });

  it('prepares nothing once closed, not even a prepare asked for before', () => {
    const { h, prepared } = host();
    const tasks: (() => void)[] = [];
    const cache = new StatementCache(h, undefined, (task) => tasks.push(task));
    cache.prepareLater('a');
    cache.close();
    tasks.forEach((task) => task());
    cache.keep('b', 'stmt:b');
    expect(prepared).toEqual([]);
    expect(cache.size).toBe(0);
  });
});
