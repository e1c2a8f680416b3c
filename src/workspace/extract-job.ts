/**
 * One extraction the add flow asks for, and the messages it answers with: how far it has come, then its result
 * or why it failed. The worker runs it (extract-worker.ts); where there are no workers, the page does.
 */
import { reviewExtraction, savedFigures, type ReviewExtraction, type ReviewInput, type SavedFigures } from './review-extract';

/** What each job gives: the review's figures, account and numbers; or the figures a report is saved with. */
export interface ExtractJobs {
  review: ReviewExtraction;
  save: SavedFigures;
}
export type ExtractJob = keyof ExtractJobs;

export interface ExtractRequest {
  job: ExtractJob;
  report: ReviewInput;
}

export type ExtractReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: ExtractJobs[ExtractJob] }
  | { type: 'failed'; message: string };

/** Runs one request, posting its progress (at most once per percent), then its result or its failure. */
export function runExtractJob({ job, report }: ExtractRequest, post: (reply: ExtractReply) => void): void {
  let shown = -1;
  const onProgress = (fraction: number) => {
    const percent = Math.floor(fraction * 100);
    if (percent <= shown) return;
    shown = percent;
    post({ type: 'progress', fraction });
  };
  let reply: ExtractReply;
  try {
    reply = { type: 'done', result: job === 'review' ? reviewExtraction(report, onProgress) : savedFigures(report, onProgress) };
  } catch (error) {
    reply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  post(reply);
}
