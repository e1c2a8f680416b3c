import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadDraft, loadHiddenReports, loadStoredReports, loadWorkspaceState, storeDraft, storeHiddenReports, type ReportDraft,
} from '../../src/data/reports-store';
import { findSameText, importWorkspace, planWorkspaceImport, reportFromDraft, saveReport } from '../../src/data/workspace-actions';
import { toFiguresCsv } from '../../src/extract';
import { reviseDraft } from '../../src/views/reports/revise-draft';
import { reportFigures, serializeWorkspace, type WorkspaceReport } from '../../src/workspace';
import { fixtureReport } from './helpers';

/** A fresh, empty browser storage for every test. */
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const figuresCsv = (report: WorkspaceReport) => toFiguresCsv(reportFigures(report));
const draftOf = (report: WorkspaceReport): ReportDraft => ({
  replaces: null, step: 'review', text: report.text, fileName: '', corrections: [], excluded: [], included: [],
  meta: { title: report.title, publisher: report.publisher, place: report.place, published: report.published, genre: report.genre, url: report.url },
});

/** fake-indexeddb's own steps for a request and a transaction (what it does for any request that fails). */
interface FakeTransaction {
  _execRequestAsync(request: { source: IDBObjectStore; operation: () => never }): IDBRequest;
  _abort(errorName: string): void;
}
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * The two ways a browser reports a full disk: the write's request fails with QuotaExceededError and its
 * transaction aborts; or every request succeeds and the transaction aborts with it as it commits.
 */
const FAULTS = {
  'the write fails': (store: IDBObjectStore) =>
    (store.transaction as unknown as FakeTransaction)._execRequestAsync({ source: store, operation: () => { throw quotaError(); } }),
  'the commit fails': (store: IDBObjectStore, write: () => IDBRequest) => {
    const request = write();
    request.addEventListener('success', () => (store.transaction as unknown as FakeTransaction)._abort('QuotaExceededError'));
    return request;
  },
} as const;

/** Makes every put of a value `full` picks out fail as a full disk does (in the way `fault` names). */
function diskFullFor(fault: keyof typeof FAULTS, full: (value: unknown) => boolean) {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const write = () => put.call(this, value, key);
    return full(value) ? FAULTS[fault](this, write) : write();
  });
}

const isReport = (docId: string) => (value: unknown) => (value as { doc_id?: string }).doc_id === docId;
const docIds = (reports: readonly { doc_id: string }[]) => reports.map((r) => r.doc_id).sort();

describe.each(Object.keys(FAULTS) as (keyof typeof FAULTS)[])('storage full (%s)', (fault) => {
  it('saving a report: nothing of it is kept, and the reports kept before and the draft are as they were', async () => {
    const kept = await fixtureReport('county-bulletin-2023.txt');
    await saveReport(kept, figuresCsv(kept));
    const adding = await fixtureReport('work-report-2024.txt');
    const draft = draftOf(adding);
    await storeDraft(draft);
    const before = await loadStoredReports();

    diskFullFor(fault, isReport(adding.doc_id));
    await expect(saveReport(adding, figuresCsv(adding))).rejects.toThrow();
    expect(await loadStoredReports()).toEqual(before);
    expect(await loadDraft()).toEqual(draft);

    // Once space is freed the same save lands, and the draft it came from is gone.
    vi.restoreAllMocks();
    await saveReport(adding, figuresCsv(adding));
    expect(docIds(await loadStoredReports())).toEqual(docIds([kept, adding]));
    expect(await loadDraft()).toBeNull();
  });

  it('importing a workspace: when one report cannot be written, none is, and the hidden list is as it was', async () => {
    const [first, second] = await Promise.all([fixtureReport('county-bulletin-2023.txt'), fixtureReport('work-report-2024.txt')]);
    await storeHiddenReports(['binhai-2022-08-04']);
    const plan = await planWorkspaceImport(serializeWorkspace([first, second], ['other-report']), 'workspace.json');

    diskFullFor(fault, isReport(second.doc_id));
    await expect(importWorkspace(plan)).rejects.toThrow();
    expect(await loadStoredReports()).toEqual([]);
    expect(await loadHiddenReports()).toEqual(['binhai-2022-08-04']);
  });

  it('keeping the draft as it is edited: the draft kept before stays', async () => {
    const report = await fixtureReport('work-report-2024.txt');
    const draft = draftOf(report);
    await storeDraft(draft);
    const edited = { ...draft, excluded: [report.text.indexOf('680.5')] };

    diskFullFor(fault, (value) => value === edited);
    await expect(storeDraft(edited)).rejects.toThrow();
    expect(await loadDraft()).toEqual(draft);
  });
});

describe('the message when storage is full', () => {
  const WHAT_TO_FREE = /^浏览器存储空间已满，未保存任何内容。请删除不再需要的报告或导入的表，或在浏览器设置中为本站释放空间后重试$/;
  const failedSave = async (fault: keyof typeof FAULTS) => {
    const report = await fixtureReport('work-report-2024.txt');
    diskFullFor(fault, isReport(report.doc_id));
    return saveReport(report, figuresCsv(report)).then(() => null, (e: unknown) => e);
  };

  it('says what to free when the transaction aborts as it commits', async () => {
    expect(await failedSave('the commit fails')).toMatchObject({ message: expect.stringMatching(WHAT_TO_FREE) });
  });

  it('says what to free when the write itself fails', async () => {
    expect(await failedSave('the write fails')).toMatchObject({ message: expect.stringMatching(WHAT_TO_FREE) });
  });
});

describe('two tabs adding reports at once', () => {
  it('keeps both: each save is one transaction on a connection of its own, and neither overwrites the other', async () => {
    const [one, other] = await Promise.all([fixtureReport('county-bulletin-2023.txt'), fixtureReport('district-investment-summary-2023.txt')]);
    // Each tab keeps its draft as it is edited, then saves; the writes interleave.
    await Promise.all([
      storeDraft(draftOf(one)).then(() => saveReport(one, figuresCsv(one))),
      storeDraft(draftOf(other)).then(() => saveReport(other, figuresCsv(other))),
    ]);
    const kept = await loadStoredReports();
    expect(kept.map((r) => r.doc_id).sort()).toEqual([one.doc_id, other.doc_id].sort());
    expect(kept.find((r) => r.doc_id === one.doc_id)?.figures?.csv).toBe(figuresCsv(one));
    expect(kept.find((r) => r.doc_id === other.doc_id)?.figures?.csv).toBe(figuresCsv(other));
  });
});

describe('the workspace’s version and hidden list', () => {
  it('are read without the reports, and every save raises the version once', async () => {
    const before = await loadWorkspaceState();
    const report = await fixtureReport('county-bulletin-2023.txt');
    await saveReport(report, figuresCsv(report));
    await storeHiddenReports(['2022-08-04-binhai']);
    const after = await loadWorkspaceState();
    expect(after).toEqual({ version: (before.version ?? 0) + 2, hidden: ['2022-08-04-binhai'], anyReport: true });
  });
});

describe('the same text twice', () => {
  it('is found by its SHA-256, and is offered for review as kept', async () => {
    const kept = await fixtureReport('work-report-2024.txt', {
      excluded: [], corrections: [{ start: 0, field: 'indicator', value: 'x' }], included: [],
    });
    await saveReport(kept, '');
    const same = await findSameText(kept.text);
    expect(same?.doc_id).toBe(kept.doc_id);
    // One character more is another text.
    expect(await findSameText(`${kept.text} `)).toBeNull();

    const draft = reviseDraft(same!, 'review');
    expect(draft).toMatchObject({ replaces: kept.doc_id, step: 'review', text: kept.text, corrections: kept.corrections });
    // Saved again from that draft, it stays one report under its own id.
    expect((await reportFromDraft(draft)).doc_id).toBe(kept.doc_id);
  });

  it('a text replaced: the review of the old text is dropped, its metadata kept', async () => {
    const kept = await fixtureReport('work-report-2024.txt', { excluded: [5], included: [7] });
    expect(reviseDraft(kept, 'replace')).toEqual({
      replaces: kept.doc_id, step: 'source', text: '', fileName: '', corrections: [], excluded: [], included: [],
      meta: { title: kept.title, publisher: kept.publisher, place: kept.place, published: kept.published, genre: kept.genre, url: kept.url },
    });
  });
});
