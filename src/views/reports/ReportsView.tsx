import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { loadDraft, loadStoredReport, storeDraft, type ReportDraft } from '../../data/reports-store';
import {
  exportWorkspaceFile, importWorkspace, planWorkspaceImport, removeReport, setReportHidden,
} from '../../data/workspace-actions';
import { downloadBlob } from '../../export/image';
import { t } from '../../i18n/zh';
import { DRAFT_QUERIES, invalidateWorkspaceAnswers, workspaceDocumentsOptions, type WorkspaceDocument } from '../../queries';
import { ErrorBox, Loading, QueryState } from '../shared/QueryState';
import { AddReport } from './AddReport';
import { useAppEngine, useLoadedWorkspace, useRunner } from '../../app/engine-context';
import { reviseDraft } from './revise-draft';

const draftKey = [DRAFT_QUERIES] as const;

/** The workspace's reports: the list (shipped and added), and the add and review flow. */
export function ReportsView() {
  const queryClient = useQueryClient();
  const draft = useQuery({ queryKey: draftKey, queryFn: loadDraft });
  const { notLoaded } = useLoadedWorkspace();
  const [notice, setNotice] = useState<string | null>(null);
  // A draft the browser could not keep (its storage full, say) is still edited here, but a reload would lose it.
  const [draftError, setDraftError] = useState<Error | null>(null);

  const setDraft = (next: ReportDraft | null) => {
    queryClient.setQueryData(draftKey, next);
    storeDraft(next).then(
      () => setDraftError(null),
      (e: unknown) => setDraftError(new Error(t.reports.draftNotKept(e instanceof Error ? e.message : String(e)), { cause: e })),
    );
  };

  if (draft.isPending) return <Loading />;
  if (draft.data) {
    return (
      <>
        {draftError && <ErrorBox error={draftError} />}
        <AddReport draft={draft.data} onChange={setDraft}
          onDone={(message) => {
            queryClient.setQueryData(draftKey, null);
            setNotice(message);
            void invalidateWorkspaceAnswers(queryClient);
          }}
          onCancel={() => setDraft(null)} />
      </>
    );
  }
  return (
    <section className="reports-view" aria-labelledby="reports-heading">
      <header className="reports-head">
        <div>
          <h2 id="reports-heading">{t.reports.heading}</h2>
          <p className="muted">{t.reports.intro}</p>
        </div>
        <WorkspaceActions onNotice={setNotice}
          onAdd={() => setDraft({ replaces: null, step: 'source', text: '', fileName: '', meta: EMPTY_META, corrections: [], excluded: [], included: [] })} />
      </header>
      {draft.isError && <ErrorBox error={draft.error} />}
      {notice && <p className="notice" role="status">{notice}</p>}
      {notLoaded.map((r) => <p key={r.doc_id} className="error-box" role="alert">{t.reports.notLoaded(r.title, r.message)}</p>)}
      <ReportList onNotice={setNotice} onRevise={setDraft} />
    </section>
  );
}

const EMPTY_META: ReportDraft['meta'] = { title: '', publisher: '', place: '', published: '', genre: 'other', url: '' };

function WorkspaceActions({ onAdd, onNotice }: { onAdd: () => void; onNotice: (message: string) => void }) {
  const queryClient = useQueryClient();
  const { reloadWorkspace } = useAppEngine();
  const fileInput = useRef<HTMLInputElement>(null);
  const exporting = useMutation({
    mutationFn: exportWorkspaceFile,
    onSuccess: (json) => downloadBlob(new Blob([json], { type: 'application/json' }), `figures-board-workspace-${new Date().toISOString().slice(0, 10)}.json`),
  });
  const importing = useMutation({
    mutationFn: async (file: File) => {
      const plan = await planWorkspaceImport(await file.text(), file.name);
      if (!window.confirm(t.reports.confirmImport(plan.reports.length, plan.replaced.length))) return null;
      await importWorkspace(plan);
      await reloadWorkspace();
      return plan.reports.length;
    },
    onSuccess: (n) => {
      if (n === null) return;
      onNotice(t.reports.imported(n));
      void invalidateWorkspaceAnswers(queryClient);
    },
  });
  return (
    <div className="reports-actions">
      <button type="button" className="primary" onClick={onAdd}>{t.reports.add}</button>
      <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending}>{t.reports.exportWorkspace}</button>
      <button type="button" onClick={() => fileInput.current?.click()} disabled={importing.isPending}>{t.reports.importWorkspace}</button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="workspace-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) importing.mutate(file);
        }} />
      {importing.isPending && <Loading label={t.reports.working} />}
      {(importing.error ?? exporting.error) && <ErrorBox error={importing.error ?? exporting.error} />}
    </div>
  );
}

/** Reports the list renders at first (a workspace may hold a thousand), and more at a click. */
const LIST_SHOWN = 100;
/** From how many reports the list offers a find box. */
const FIND_FROM = 10;

function ReportList({ onNotice, onRevise }: { onNotice: (message: string) => void; onRevise: (draft: ReportDraft) => void }) {
  const runner = useRunner();
  const { reloadWorkspace } = useAppEngine();
  const queryClient = useQueryClient();
  const documents = useQuery(workspaceDocumentsOptions(runner));
  const change = useMutation({
    mutationFn: async ({ doc, action }: { doc: WorkspaceDocument; action: 'hide' | 'show' | 'remove' | 'review' | 'replace' }) => {
      if (action === 'remove') {
        if (!window.confirm(t.reports.confirmRemove(doc.title))) return;
        await removeReport(doc.doc_id);
        await reloadWorkspace();
        onNotice(t.reports.removed(doc.title));
      } else if (action === 'hide' || action === 'show') {
        if (action === 'hide' && !window.confirm(t.reports.confirmHide(doc.title))) return;
        await setReportHidden(doc.doc_id, action === 'hide');
        await reloadWorkspace();
      } else {
        const kept = await loadStoredReport(doc.doc_id);
        if (!kept) throw new Error(`报告 ${doc.doc_id} 不在本浏览器中`);
        onRevise(reviseDraft(kept, action));
        return;
      }
      await invalidateWorkspaceAnswers(queryClient);
    },
  });
  const [find, setFind] = useState('');
  const [limit, setLimit] = useState(LIST_SHOWN);
  return (
    <QueryState query={documents}>
      {(docs) => {
        const wanted = find.trim();
        // The latest published first.
        const matching = [...docs].reverse().filter((d) => wanted === '' || [d.title, d.place, d.publisher, d.published].some((v) => v.includes(wanted)));
        const listed = matching.slice(0, limit);
        return (
          <>
            {change.isPending && <Loading label={t.reports.working} />}
            {change.error && <ErrorBox error={change.error} />}
            {docs.length > FIND_FROM && (
              <input type="search" className="review-filter" placeholder={t.reports.find} aria-label={t.reports.find}
                value={find} onChange={(e) => setFind(e.target.value)} />
            )}
            <table className="reports-table" data-testid="reports-table">
              <thead>
                <tr>
                  {(['title', 'place', 'published', 'genre', 'figures', 'origin', 'actions'] as const).map((c) => (
                    <th key={c} scope="col">{t.reports.columns[c]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {listed.map((doc) => (
                  <tr key={doc.doc_id} className={doc.hidden ? 'hidden-report' : undefined} data-doc={doc.doc_id}>
                    <th scope="row">
                      <div className="report-title">{doc.title}</div>
                      <div className="muted">
                        {doc.publisher}
                        {doc.url && <> · <a href={doc.url} target="_blank" rel="noreferrer noopener">{t.provenance.openOriginal}</a></>}
                      </div>
                    </th>
                    <td>{doc.place}</td>
                    <td>{doc.published}</td>
                    <td>{t.reports.genres[doc.genre] ?? doc.genre}</td>
                    <td className="num">{doc.hidden ? t.reports.hiddenNote : doc.figures.toLocaleString('zh-CN')}</td>
                    <td>{doc.added ? t.reports.added : t.reports.shipped}</td>
                    <td>
                      <div className="row-actions">
                        {doc.added ? (
                          <>
                            <button type="button" onClick={() => change.mutate({ doc, action: 'review' })}>{t.reports.reviewAction}</button>
                            <button type="button" onClick={() => change.mutate({ doc, action: 'replace' })}>{t.reports.replace}</button>
                            <button type="button" className="danger" onClick={() => change.mutate({ doc, action: 'remove' })}>{t.reports.remove}</button>
                          </>
                        ) : (
                          <button type="button" onClick={() => change.mutate({ doc, action: doc.hidden ? 'show' : 'hide' })}>
                            {doc.hidden ? t.reports.show : t.reports.hide}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {matching.length === 0 && <p className="muted">{t.reports.noneFound(wanted)}</p>}
            {listed.length < matching.length && (
              <p className="muted" role="status">
                {t.reports.listedFirst(listed.length, matching.length)}{' '}
                <button type="button" onClick={() => setLimit(limit + LIST_SHOWN)}>{t.reports.listMore(Math.min(LIST_SHOWN, matching.length - listed.length))}</button>
              </p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
