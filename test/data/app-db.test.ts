import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { STORES, transact } from '../../src/data/app-db';

describe('one transaction: all of it lands or none', () => {
  it('undoes the writes made before one that throws as it is made', async () => {
    await expect(transact(STORES.settings, 'readwrite', (tx) => {
      tx.objectStore(STORES.settings).put('first', 'a');
      // A function cannot be stored: the put throws DataCloneError at the call.
      tx.objectStore(STORES.settings).put(() => undefined, 'b');
      return undefined;
    })).rejects.toThrow();
    expect(await transact(STORES.settings, 'readonly', (tx) => tx.objectStore(STORES.settings).get('a'))).toBeUndefined();
  });
});
