/**
 * Checks an import off the page's thread (see check-off-thread.ts): a text of a million rows would otherwise hold
 * the page for seconds. Answers with the checked table, or the refusal's message, row and column.
 */
import { checkImportCsv } from './import-csv';
import { CsvError } from './parse-csv';

export interface CheckRequest {
  text: string;
  table: string;
}

export type CheckReply =
  | { ok: true; imported: ReturnType<typeof checkImportCsv> }
  | { ok: false; message: string; row: number | null; column: string | null };

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { text, table } = event.data;
  let reply: CheckReply;
  try {
    reply = { ok: true, imported: checkImportCsv(text, table) };
  } catch (error) {
    reply = error instanceof CsvError
      ? { ok: false, message: error.message, row: error.row, column: error.column ?? null }
      : { ok: false, message: error instanceof Error ? error.message : String(error), row: null, column: null };
  }
  self.postMessage(reply);
};
