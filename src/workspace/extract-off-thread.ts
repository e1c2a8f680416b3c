/**
 * Extracts a report's figures in a worker of its own, so the page stays responsive on a long report; where
 * there are no workers (tests in Node) on this thread. `signal` stops the worker (a new edit supersedes it).
 */
import type { ExtractReply } from './extract-worker';
import type { ReviewExtraction, ReviewInput } from './review-extract';

export function extractOffThread(report: ReviewInput, signal?: AbortSignal): Promise<ReviewExtraction> {
  if (typeof Worker === 'undefined') {
    return import('./review-extract').then(({ reviewExtraction }) => reviewExtraction(report));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('提取已取消', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    const done = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ExtractReply>) => {
      done();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(`提取数字失败：${event.data.message}`));
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(`提取数字时出错：${event.message}`));
    };
    const { doc_id, text, published, title, corrections, excluded, included } = report;
    worker.postMessage({ doc_id, text, published, title, corrections, excluded, included } satisfies ReviewInput);
  });
}
