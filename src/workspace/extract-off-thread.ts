/**
 * Extracts a report's figures in a worker of its own, so the page stays responsive on a long report, and hears
 * how far the worker has come; where there are no workers (tests in Node) on this thread. `signal` stops the
 * worker: a new edit supersedes it, or the analyst cancels. A review's extraction can be started ahead, while
 * the analyst fills in the form ({@link ExtractWorkers}): the review then takes the one under way, or done.
 */
import type { ExtractJob, ExtractJobs, ExtractReply, ExtractRequest } from './extract-job';
import type { ExtractProgress, ReviewExtraction, ReviewInput, SavedFigures } from './review-extract';

export interface OffThreadOptions {
  signal?: AbortSignal;
  onProgress?: ExtractProgress;
  /** Where an extraction started ahead waits (see {@link ExtractWorkers}). */
  workers?: ExtractWorkers;
}

/** The review's extraction: the rules' figures, the coverage account and the text's numbers. */
export function extractOffThread(report: ReviewInput, options: OffThreadOptions = {}): Promise<ReviewExtraction> {
  return runOffThread('review', report, options);
}

/** The figures a reviewed report is saved with. */
export function figuresOffThread(report: ReviewInput, options: OffThreadOptions = {}): Promise<SavedFigures> {
  return runOffThread('save', report, options);
}

/**
 * Only the report's own fields cross to the worker (a draft or a stored report carries more). The review's
 * extraction is made without the place (the analyst may still be settling it, and no rule reads it but the place
 * column: the review names it after, see `placedReview`), so a changed place does not extract the text again.
 */
const request = (job: ExtractJob, { doc_id, text, published, title, place, genre, corrections, excluded, included }: ReviewInput): ExtractRequest =>
  ({ job, report: { doc_id, text, published, title, place: job === 'review' ? '' : place, genre, corrections, excluded, included } });

/** A worker's replies, and its own failure (an error the job could not catch). */
type Heard = ExtractReply | { type: 'crashed'; message: string };

/** A worker, and the replies it posted before anyone listened (an extraction started ahead). */
class Channel {
  readonly worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
  private unheard: Heard[] = [];
  private listener: ((reply: Heard) => void) | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<ExtractReply>) => this.deliver(event.data);
    this.worker.onerror = (event) => this.deliver({ type: 'crashed', message: event.message });
  }

  /** Sends a job; its start and its result leave performance marks (the benchmark times the extraction by them). */
  post(request: ExtractRequest): void {
    performance.mark('figures-board:extraction-start');
    this.worker.postMessage(request);
  }

  private deliver(reply: Heard): void {
    if (reply.type === 'done') performance.mark('figures-board:extraction-done');
    if (this.listener) this.listener(reply);
    else this.unheard.push(reply);
  }

  /** Whether the job posted before anyone listened has ended. */
  get ended(): boolean {
    return this.unheard.some((reply) => reply.type !== 'progress');
  }

  /** Hears the replies: those posted meanwhile first, unless `fresh` (a new job on a worker whose last ended). */
  listen(listener: (reply: Heard) => void, fresh: boolean): void {
    const unheard = fresh ? [] : this.unheard;
    this.unheard = [];
    this.listener = listener;
    for (const reply of unheard) listener(reply);
  }
}

/**
 * A review's extraction started ahead, while the analyst is still filling in the form (with the title and date
 * the text suggests). When the review asks for the same extraction it takes this one, under way or done;
 * otherwise the worker, once its extraction has ended, is warm (its code compiled and optimised, about three
 * times as fast) and does the review's, else a new one does. `dispose` ends one no review took.
 */
export class ExtractWorkers {
  private ahead: { channel: Channel; key: string } | null = null;

  /** Whether an extraction is ahead, waiting for the review (while it is, `prepare` starts nothing). */
  get started(): boolean {
    return this.ahead !== null;
  }

  prepare(report: ReviewInput): void {
    if (this.ahead !== null || typeof Worker === 'undefined') return;
    const review = request('review', report);
    const channel = new Channel();
    channel.post(review);
    this.ahead = { channel, key: JSON.stringify(review) };
  }

  /** The worker for `wanted`, and whether it is under way there already. */
  take(wanted: ExtractRequest): { channel: Channel; posted: boolean; fresh: boolean } {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead?.key === JSON.stringify(wanted)) return { channel: ahead.channel, posted: true, fresh: false };
    if (ahead?.channel.ended) return { channel: ahead.channel, posted: false, fresh: true };
    ahead?.channel.worker.terminate();
    return { channel: new Channel(), posted: false, fresh: true };
  }

  dispose(): void {
    this.ahead?.channel.worker.terminate();
    this.ahead = null;
  }
}

const cancelled = () => new DOMException('提取已取消', 'AbortError');

function runOffThread<J extends ExtractJob>(job: J, report: ReviewInput, { signal, onProgress, workers }: OffThreadOptions): Promise<ExtractJobs[J]> {
  const wanted = request(job, report);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onReply = (reply: Heard): boolean => {
      if (reply.type === 'progress') {
        onProgress?.(reply.fraction);
        return false;
      }
      if (reply.type === 'done') resolve(reply.result as ExtractJobs[J]);
      else if (reply.type === 'failed') reject(new Error(`提取数字失败：${reply.message}`));
      else reject(new Error(`提取数字时出错：${reply.message}`));
      return true;
    };
    if (typeof Worker === 'undefined') {
      void import('./extract-job').then(({ runExtractJob }) => runExtractJob(wanted, onReply), reject);
      return;
    }
    const { channel, posted, fresh } = workers?.take(wanted) ?? { channel: new Channel(), posted: false, fresh: true };
    const stop = () => {
      channel.worker.terminate();
      reject(cancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    channel.listen((reply) => {
      if (!onReply(reply)) return;
      signal?.removeEventListener('abort', stop);
      channel.worker.terminate();
    }, fresh);
    if (!posted) channel.post(wanted);
  });
}
