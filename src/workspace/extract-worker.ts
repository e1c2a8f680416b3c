/** Runs {@link reviewExtraction} off the page's thread (see extract-off-thread.ts). */
import { reviewExtraction, type ReviewExtraction, type ReviewInput } from './review-extract';

export type ExtractReply = { ok: true; result: ReviewExtraction } | { ok: false; message: string };

self.onmessage = (event: MessageEvent<ReviewInput>) => {
  let reply: ExtractReply;
  try {
    reply = { ok: true, result: reviewExtraction(event.data) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
