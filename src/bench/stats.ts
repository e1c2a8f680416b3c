/** Summary statistics shared by the benchmark driver (Node) and the benchmark page (browser). */

/** The q-quantile (0..1) of the samples by the nearest-rank method: p95 of 20 samples is the 19th smallest. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile() needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median (mean of the two middle samples for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median() needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounded to 0.1 ms (the page clock's resolution is coarser than that anyway). */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Median, p95, min, max and count of a series of timings, in ms. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: ms(median(samples)),
    p95: ms(quantile(samples, 0.95)),
    min: ms(Math.min(...samples)),
    max: ms(Math.max(...samples)),
  };
}
