// Order statistics shared by every benchmark. Kept apart from side-by-side/measure.ts, which
// imports the peers' contenders: a bench that needs only a median must type-check without
// bench/node_modules (the root `tsc --noEmit` of `npm test` runs before `npm run bench:deps`).
import { random as seededRandom } from '../scripts/routing-data/lib.ts';

export const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** The q-quantile (0..1) by the nearest-rank method; median is q = 0.5. */
export function quantile(xs: readonly number[], q: number): number {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Per-round ratios a[i] / b[i] of two contenders' samples from the same rounds. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

/** Rounds a number for the results file: microsecond precision is plenty. */
export const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A seeded pseudo-random generator (mulberry32): the same intervals from the same samples. */
export { seededRandom };

/**
 * The percentile bootstrap interval of the median of `xs`: `level` (0.95) of the medians of
 * `resamples` resamples with replacement fall inside it. Seeded, so a result file can be redone.
 */
export function bootstrapMedian(
  xs: readonly number[],
  { level = 0.95, resamples = 4_000, seed = 1 } = {},
): { readonly low: number; readonly high: number } {
  const random = seededRandom(seed);
  const medians: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = xs.map(() => xs[Math.floor(random() * xs.length)] as number);
    medians.push(median(sample));
  }
  return { low: quantile(medians, (1 - level) / 2), high: quantile(medians, (1 + level) / 2) };
}
