import { queryOptions } from '@tanstack/react-query';
import { sql, type SqlQuery } from '../sql';
import { withSignal, type QueryRunner } from './run';

export interface DocumentRow {
  doc_id: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  file: string;
  place: string;
  genre: string;
  /** Added by the analyst (false: shipped with the build). */
  added: boolean;
  /** Hidden by the analyst: listed, its figures not loaded. */
  hidden: boolean;
}

export function buildDocumentsQuery(): SqlQuery {
  return sql`SELECT doc_id, title, publisher, published, url, file, place, genre, added, hidden FROM documents
    ORDER BY published, doc_id`;
}

export async function fetchDocuments(runner: QueryRunner): Promise<DocumentRow[]> {
  const rows = await runner(buildDocumentsQuery());
  return rows.map((r) => ({
    doc_id: String(r.doc_id),
    title: String(r.title ?? ''),
    publisher: String(r.publisher ?? ''),
    published: String(r.published ?? ''),
    url: String(r.url ?? ''),
    file: String(r.file ?? ''),
    place: String(r.place ?? ''),
    genre: String(r.genre ?? ''),
    added: r.added === true,
    hidden: r.hidden === true,
  }));
}

export function documentsOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['documents'], queryFn: ({ signal }) => fetchDocuments(withSignal(runner, signal)) });
}

/** A document of the workspace with how many of its figures are loaded (0 when hidden). */
export interface WorkspaceDocument extends DocumentRow {
  figures: number;
}

export async function fetchWorkspaceDocuments(runner: QueryRunner): Promise<WorkspaceDocument[]> {
  const [documents, counts] = await Promise.all([
    fetchDocuments(runner),
    runner(sql`SELECT doc_id, count(*)::INTEGER AS n FROM figures GROUP BY doc_id`),
  ]);
  const byDoc = new Map(counts.map((r) => [String(r.doc_id), Number(r.n)]));
  return documents.map((d) => ({ ...d, figures: byDoc.get(d.doc_id) ?? 0 }));
}

export function workspaceDocumentsOptions(runner: QueryRunner) {
  return queryOptions({ queryKey: ['documents', 'workspace'], queryFn: ({ signal }) => fetchWorkspaceDocuments(withSignal(runner, signal)) });
}
