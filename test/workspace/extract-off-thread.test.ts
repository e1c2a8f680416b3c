import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExtractJob, type ExtractReply, type ExtractRequest } from '../../src/workspace/extract-job';
import { extractOffThread, ExtractWorkers, figuresOffThread } from '../../src/workspace/extract-off-thread';
import { reviewExtraction, savedFigures } from '../../src/workspace/review-extract';
import { placedReview } from '../../src/workspace/review-place';

const TEXT = `某某县2023年工作总结\n${'全年新增企业120家，完成投资3.5亿元。\n'.repeat(200)}`;
const report = { doc_id: 'x', text: TEXT, published: '2024-01-10', title: '某某县2023年工作总结', place: '某某县', genre: 'other' as const, corrections: [], excluded: [], included: [] };

/**
 * A worker that runs the job as extract-worker.ts does, in this thread, delivering each message in a task of its
 * own as a browser does; what it was sent and whether it was stopped are kept for the test.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ExtractReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: ExtractRequest[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }
  postMessage(request: ExtractRequest) {
    this.sent.push(request);
    const replies: ExtractReply[] = [];
    runExtractJob(request, (reply) => replies.push(reply));
    replies.forEach((reply, i) => setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<ExtractReply>);
    }, i));
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('extraction off the page’s thread', () => {
  it('runs on this thread where there are no workers, with its progress', async () => {
    const fractions: number[] = [];
    const result = await extractOffThread(report, { onProgress: (f) => fractions.push(f) });
    expect(result).toEqual(reviewExtraction(report));
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
  });

  it('sends the report’s own fields to a worker, passes its progress on as it comes, then its result, and stops it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fractions: number[] = [];
    const result = await figuresOffThread({ ...report, sha256: 'abc', place: '某某县' } as typeof report, { onProgress: (f) => fractions.push(f) });
    expect(result).toEqual(savedFigures(report));
    const [worker] = FakeWorker.made;
    expect(worker?.url.pathname).toMatch(/extract-worker\.ts$/);
    expect(worker?.sent).toEqual([{ job: 'save', report }]);
    expect(worker?.terminated).toBe(true);
    // One message a percent at most: a long report does not flood the page.
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.length).toBeLessThanOrEqual(101);
    expect(new Set(fractions.map((f) => Math.floor(f * 100))).size).toBe(fractions.length);
    expect(fractions.at(-1)).toBe(1);
  });

  it('is cancelled by its signal: the worker is stopped, no more progress is heard, and it rejects as aborted', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    const fractions: number[] = [];
    const running = extractOffThread(report, {
      signal: controller.signal,
      onProgress: (f) => {
        fractions.push(f);
        if (fractions.length === 3) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fractions).toHaveLength(3);
    expect(FakeWorker.made[0]?.terminated).toBe(true);
  });

  it('does not start when already cancelled', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    await expect(extractOffThread(report, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.made).toEqual([]);
  });

  it('says why an extraction failed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    await expect(extractOffThread({ ...report, included: [1] })).rejects.toThrow(/^提取数字失败：stale addition: x @1$/);
    expect(FakeWorker.made[0]?.terminated).toBe(true);
  });

  describe('started ahead, while the form is filled in', () => {
    // The fake worker delivers its replies one a millisecond: a hundred or so.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

    it('a place settled after the extraction started ahead takes it too (the review names the place after)', async () => {
      vi.stubGlobal('Worker', FakeWorker);
      const workers = new ExtractWorkers();
      workers.prepare({ ...report, place: '' });
      await settle();
      const placed = { ...report, place: '另一个县' };
      const result = placedReview(await extractOffThread(placed, { workers }), placed.place);
      expect(FakeWorker.made).toHaveLength(1);
      expect(result.figures.every((f) => f.place === '另一个县')).toBe(true);
      expect(result.csv).toBe(savedFigures(placed).csv);
    });

    it('the review takes the extraction started ahead for the same report: no second job, every reply heard', async () => {
      vi.stubGlobal('Worker', FakeWorker);
      const workers = new ExtractWorkers();
      workers.prepare(report);
      // Its replies (progress, then the result) arrive before the review listens.
      await settle();
      const fractions: number[] = [];
      const result = await extractOffThread(report, { workers, onProgress: (f) => fractions.push(f) });
      expect(result).toEqual(reviewExtraction(report));
      expect(FakeWorker.made).toHaveLength(1);
      expect(FakeWorker.made[0]?.sent).toEqual([{ job: 'review', report: { ...report, place: '' } }]);
      expect(fractions.at(-1)).toBe(1);
      expect(FakeWorker.made[0]?.terminated).toBe(true);
    });

    it('a report changed since (its title) is extracted again by the same worker once its first job ended, and only the new answer is heard', async () => {
      vi.stubGlobal('Worker', FakeWorker);
      const workers = new ExtractWorkers();
      workers.prepare(report);
      await settle();
      const retitled = { ...report, title: '某某县2023年工作总结（修订）' };
      const result = await extractOffThread(retitled, { workers });
      expect(result).toEqual(reviewExtraction(retitled));
      expect(FakeWorker.made).toHaveLength(1);
      expect(FakeWorker.made[0]?.sent.map((r) => r.report.title)).toEqual([report.title, retitled.title]);
    });

    it('a changed report while the first job still runs: that worker is stopped and a new one starts', async () => {
      vi.stubGlobal('Worker', FakeWorker);
      const workers = new ExtractWorkers();
      workers.prepare(report);
      const retitled = { ...report, title: '另一个标题' };
      const result = await extractOffThread(retitled, { workers });
      // Extracted without the place (this title names none); named, it is the report's own extraction.
      expect(result).toEqual(reviewExtraction({ ...retitled, place: '' }));
      expect(placedReview(result, retitled.place)).toEqual(reviewExtraction(retitled));
      expect(FakeWorker.made).toHaveLength(2);
      expect(FakeWorker.made[0]?.terminated).toBe(true);
      expect(FakeWorker.made[1]?.sent).toEqual([{ job: 'review', report: { ...retitled, place: '' } }]);
    });

    it('starts one at a time, and a worker no review took is stopped with the form', () => {
      vi.stubGlobal('Worker', FakeWorker);
      const workers = new ExtractWorkers();
      workers.prepare(report);
      workers.prepare({ ...report, title: '又一个' });
      expect(FakeWorker.made).toHaveLength(1);
      workers.dispose();
      expect(FakeWorker.made[0]?.terminated).toBe(true);
    });
  });
});
