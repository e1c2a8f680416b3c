/** Runs {@link checkImportCsv} in a worker of its own, so that the page stays responsive while a large text is checked. */
import { checkImportCsv, type ImportedCsv } from './import-csv';
import type { CheckReply, CheckRequest } from './import-worker';
import { CsvError } from './parse-csv';

export function checkImportCsvOffThread(text: string, table: string): Promise<ImportedCsv> {
  // Where there are no workers (tests in Node), on this thread.
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => checkImportCsv(text, table));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      done();
      const reply = event.data;
      if (reply.ok) resolve(reply.imported);
      else if (reply.row !== null) reject(new CsvError(reply.message, reply.row, reply.column ?? undefined));
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(`The import check stopped: ${event.message}`));
    };
    worker.postMessage({ text, table } satisfies CheckRequest);
  });
}
