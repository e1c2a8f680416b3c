import 'fake-indexeddb/auto';
import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { STORES, transact } from '../../src/data/app-db';
import { answersToKeep, keepSnapshots, loadSnapshot, settleKept, workspaceStamp } from '../../src/data/query-snapshot';
import { deleteStoredReport, loadWorkspaceState, storeHiddenReports } from '../../src/data/reports-store';
import { forgetStartFiles, START_FILES, startFiles } from '../../src/data/start-files';
import { DRAFT_QUERIES } from '../../src/queries/invalidate';

const clearSettings = async () => {
  await transact(STORES.settings, 'readwrite', (tx) => tx.objectStore(STORES.settings).clear());
  await forgetStartFiles();
};

/** Resolves once the app has written its answers file (it writes a moment after the last answer, when idle). */
async function written(): Promise<void> {
  await expect.poll(() => startFiles.read(START_FILES.answers), { timeout: 5_000 }).toBeTruthy();
}

describe('answers kept between visits', () => {
  beforeEach(clearSettings);

  it('draws the kept answers again only for the workspace version they were drawn from', async () => {
    const client = new QueryClient();
    const stop = keepSnapshots(client, () => ({ stamp: workspaceStamp(0), since: 0 }));
    client.setQueryData(['documents'], [{ doc_id: 'a', title: '某报告' }]);
    await written();
    stop();
    expect((await loadSnapshot())?.state.queries.map((q) => q.queryKey)).toEqual([['documents']]);
    // Any change to the workspace raises its version: the answers of the old one are never drawn again.
    await storeHiddenReports(['a']);
    expect((await loadWorkspaceState()).version).toBe(1);
    expect(await loadSnapshot()).toBeNull();
  });

  it('keeps no answers when storage has moved on from the version the engine loaded (another tab changed it)', async () => {
    await storeHiddenReports(['a']);
    const client = new QueryClient();
    const stop = keepSnapshots(client, () => ({ stamp: workspaceStamp(0), since: 0 }));
    client.setQueryData(['documents'], [{ doc_id: 'a', title: '某报告' }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop();
    expect(await startFiles.read(START_FILES.answers)).toBeNull();
  });

  it('draws no answers file of another build, nor one that cannot be read', async () => {
    await startFiles.write(START_FILES.answers, JSON.stringify({ stamp: 'another-build:0', state: { queries: [], mutations: [] } }));
    expect(await loadSnapshot(null)).toBeNull();
    await startFiles.write(START_FILES.answers, '{"stamp": "cut sh');
    expect(await loadSnapshot(null)).toBeNull();
  });

  it('raises the version for every kind of change', async () => {
    await storeHiddenReports([]);
    await deleteStoredReport('nothing');
    expect((await loadWorkspaceState()).version).toBe(2);
  });

  it('keeps nothing while the engine holds no known version, nor answers from before it loaded', async () => {
    const client = new QueryClient();
    client.setQueryData(['figures', 'old'], [{ id: 1 }]);
    const since = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.setQueryData(['figures', 'new'], [{ id: 2 }]);
    expect(answersToKeep(client, since).map((q) => q.queryKey)).toEqual([['figures', 'new']]);
    const stop = keepSnapshots(client, () => ({ stamp: null, since: 0 }));
    client.setQueryData(['documents'], []);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop();
    expect(await loadSnapshot()).toBeNull();
  });

  it('keeps only the views’ families, and no answer too large to draw at once', () => {
    const client = new QueryClient();
    client.setQueryData(['workbench', 'SELECT 1'], [{ one: 1 }]);
    client.setQueryData([DRAFT_QUERIES, 'extraction', 'text'], { figures: [] });
    client.setQueryData(['figures', 'all'], Array.from({ length: 6_000 }, (_, i) => ({ id: i })));
    client.setQueryData(['top-figures', 'few'], { figures: [{ id: 1 }], total: 1, unitTotals: {} });
    expect(answersToKeep(client, 0).map((q) => q.queryKey[0])).toEqual(['top-figures']);
  });

  describe('once the engine has loaded', () => {
    /** A host whose status the test moves; it loaded `stamp`. */
    const fakeHost = (stamp: string | null) => {
      const listeners = new Set<() => void>();
      let phase = 'starting';
      return {
        subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
        getStatus: () => ({ phase }),
        loadedWorkspace: () => ({ stamp }),
        become(next: string) {
          phase = next;
          for (const l of [...listeners]) l();
        },
      };
    };
    const keptAnswers = () => {
      const before = new QueryClient();
      before.setQueryData(['documents'], [{ doc_id: 'a' }], { updatedAt: 1_000 });
      return { stamp: workspaceStamp(3), state: dehydrate(before) };
    };

    it('keeps the answers drawn meanwhile again when it loaded their version (after a failed start, too)', () => {
      const client = new QueryClient();
      const kept = keptAnswers();
      hydrate(client, kept.state);
      const host = fakeHost(workspaceStamp(3));
      const since = Date.now();
      settleKept(client, kept, host);
      host.become('error');
      expect(answersToKeep(client, since)).toEqual([]);
      host.become('ready');
      expect(answersToKeep(client, since).map((q) => q.queryKey)).toEqual([['documents']]);
    });

    it('asks the engine again when it loaded another version', () => {
      const client = new QueryClient();
      const kept = keptAnswers();
      hydrate(client, kept.state);
      const host = fakeHost(workspaceStamp(4));
      settleKept(client, kept, host);
      host.become('ready');
      expect(client.getQueryCache().find({ queryKey: ['documents'] })?.state.isInvalidated).toBe(true);
    });
  });
});
