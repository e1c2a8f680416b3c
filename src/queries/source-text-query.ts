import { queryOptions } from '@tanstack/react-query';
import { sql } from '../sql';
import { withSignal, type QueryRunner } from './run';

/** The full text of a document (shipped or added), from the engine's document_texts table. */
export async function fetchDocumentText(runner: QueryRunner, docId: string): Promise<string> {
  const [row] = await runner(sql`SELECT text FROM document_texts WHERE doc_id = ${docId}`);
  if (typeof row?.text !== 'string') throw new Error(`报告 ${docId} 的正文不在工作区中`);
  return row.text;
}

/** The full text of a document, fetched once per document. */
export function sourceTextOptions(runner: QueryRunner, docId: string) {
  return queryOptions({ queryKey: ['source-text', docId], queryFn: ({ signal }) => fetchDocumentText(withSignal(runner, signal), docId), staleTime: Infinity });
}
