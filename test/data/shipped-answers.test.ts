import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeShippedAnswers } from '../../scripts/shipped-answers';
import { STORES, transact } from '../../src/data/app-db';
import { loadSnapshot, workspaceStamp } from '../../src/data/query-snapshot';
import { saveReport } from '../../src/data/workspace-actions';
import { storeHiddenReports } from '../../src/data/reports-store';
import { loadTables } from '../../src/db';
import { composeTableSources } from '../../src/data/workspace-sources';
import { fetchDocuments, fetchFigures, reportFiguresParams } from '../../src/queries';
import { createTestEngine } from '../util/test-db';
import { fixtureReport, ROOT, shippedData } from '../workspace/helpers';

afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all([STORES.settings, STORES.reports].map((store) => transact(store, 'readwrite', (tx) => tx.objectStore(store).clear())));
});

describe('the build’s answers for its own reports', () => {
  it('are the answers the app’s engine gives the overview for the shipped workspace', async () => {
    const state = await computeShippedAnswers(ROOT);
    const engine = await createTestEngine();
    await loadTables(engine, composeTableSources(shippedData(), [], []));
    const documents = await fetchDocuments(engine.runner);
    const expected = [
      { queryKey: ['documents'], data: documents },
      ...await Promise.all(documents.map(async (d) => ({
        queryKey: ['figures', reportFiguresParams(d.doc_id)], data: await fetchFigures(engine.runner, reportFiguresParams(d.doc_id)),
      }))),
    ];
    // As the browser reads them: through JSON.
    const read = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(read.queries.map((q) => ({ queryKey: q.queryKey, data: q.state.data }))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected[1]?.data.length).toBeGreaterThan(300);
  });

  it('are drawn on a first visit only: not once a report is kept or one is hidden', async () => {
    const answers = { mutations: [], queries: [] };
    const fetched = vi.fn(async () => new Response(JSON.stringify(answers)));
    vi.stubGlobal('fetch', fetched);
    expect(await loadSnapshot('/assets/shipped-answers.json')).toEqual({ stamp: workspaceStamp(0), state: answers });
    await storeHiddenReports(['binhai-2022-08-04']);
    expect(await loadSnapshot('/assets/shipped-answers.json')).toBeNull();
    expect(fetched).toHaveBeenCalledTimes(1);
  });

  it('are not drawn for reports kept by a build that kept no workspace version', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"mutations":[],"queries":[]}')));
    const report = await fixtureReport('work-report-2024.txt');
    await saveReport(report, '');
    await transact(STORES.settings, 'readwrite', (tx) => tx.objectStore(STORES.settings).delete('workspace-version'));
    expect(await loadSnapshot('/assets/shipped-answers.json')).toBeNull();
  });
});
