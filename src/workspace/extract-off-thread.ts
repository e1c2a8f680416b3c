/**
 * Extracts a report's figures in a worker of its own, so the page stays responsive on a long report, and hears
 * how far the worker has come; where there are no workers (tests in Node) on this thread. `signal` stops the
 * worker: a new edit supersedes it, or the analyst cancels.
 */
import type { ExtractJob, ExtractJobs, ExtractReply, ExtractRequest } from './extract-job';
import type { ExtractProgress, ReviewExtraction, ReviewInput, SavedFigures } from './review-extract';

export interface OffThreadOptions {
  signal?: AbortSignal;
  onProgress?: ExtractProgress;
}

/** The review's extraction: the rules' figures, the coverage account and the text's numbers. */
export function extractOffThread(report: ReviewInput, options: OffThreadOptions = {}): Promise<ReviewExtraction> {
  return runOffThread('review', report, options);
}

/** The figures a reviewed report is saved with. */
export function figuresOffThread(report: ReviewInput, options: OffThreadOptions = {}): Promise<SavedFigures> {
  return runOffThread('save', report, options);
}

const cancelled = () => new DOMException('提取已取消', 'AbortError');

function runOffThread<J extends ExtractJob>(job: J, report: ReviewInput, { signal, onProgress }: OffThreadOptions): Promise<ExtractJobs[J]> {
  // Only the report's own fields cross to the worker (a draft or a stored report carries more).
  const { doc_id, text, published, title, corrections, excluded, included } = report;
  const request: ExtractRequest = { job, report: { doc_id, text, published, title, corrections, excluded, included } };
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    let finish = () => {};
    const onReply = (reply: ExtractReply) => {
      if (reply.type === 'progress') return onProgress?.(reply.fraction);
      finish();
      if (reply.type === 'done') resolve(reply.result as ExtractJobs[J]);
      else reject(new Error(`提取数字失败：${reply.message}`));
    };
    if (typeof Worker === 'undefined') {
      void import('./extract-job').then(({ runExtractJob }) => runExtractJob(request, onReply), reject);
      return;
    }
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(cancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ExtractReply>) => onReply(event.data);
    worker.onerror = (event) => {
      finish();
      reject(new Error(`提取数字时出错：${event.message}`));
    };
    worker.postMessage(request);
  });
}
