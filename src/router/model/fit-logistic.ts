import type { LogisticModel } from './logistic.ts';

/** One training example: named dense features, sparse keys, the label and its weight. */
export interface Example {
  readonly dense: Readonly<Record<string, number>>;
  readonly sparse: readonly string[];
  readonly y: 0 | 1;
  readonly weight: number;
}

/** How a logistic model is fitted. */
export interface FitOptions {
  /** Passes over the examples. */
  readonly epochs: number;
  /** L2 penalty per example on every weight but the bias. */
  readonly l2: number;
  /** Adagrad's base step. */
  readonly rate: number;
  /** A sparse key is learned only when this many examples hold it. */
  readonly minCount: number;
  /** Weights smaller than this (in absolute value) are dropped from the stored model. */
  readonly prune: number;
  readonly seed: number;
}

export const DEFAULT_FIT: FitOptions = {
  epochs: 20,
  l2: 1e-4,
  rate: 0.3,
  minCount: 3,
  prune: 0.01,
  seed: 1,
};

/**
 * Fits a weighted, L2-regularized logistic model with Adagrad, visiting the examples in a seeded
 * order: the same examples and options give the same weights.
 */
export function fitLogistic(
  examples: readonly Example[],
  options: FitOptions = DEFAULT_FIT,
): LogisticModel {
  const counts = new Map<string, number>();
  for (const example of examples) {
    for (const key of new Set(example.sparse)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const vocabulary = new Set([...counts].filter(([, n]) => n >= options.minCount).map(([k]) => k));
  const prepared = examples.map((e) => ({
    ...e,
    sparse: [...new Set(e.sparse)].filter((k) => vocabulary.has(k)),
    denseKeys: Object.keys(e.dense).filter((k) => (e.dense[k] ?? 0) !== 0),
  }));
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = 0;
  let biasG2 = 0;
  const step = (key: string, gradient: number) => {
    const current = w.get(key) ?? 0;
    const g = gradient + options.l2 * current;
    const acc = (g2.get(key) ?? 0) + g * g;
    g2.set(key, acc);
    w.set(key, current - (options.rate * g) / Math.sqrt(acc + 1e-8));
  };
  const order = prepared.map((_, i) => i);
  const rand = seeded(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const e = prepared[index];
      if (e === undefined) continue;
      let z = bias;
      for (const k of e.denseKeys) z += (w.get(`d:${k}`) ?? 0) * (e.dense[k] ?? 0);
      for (const k of e.sparse) z += w.get(`s:${k}`) ?? 0;
      const error = (1 / (1 + Math.exp(-z)) - e.y) * e.weight;
      biasG2 += error * error;
      bias -= (options.rate * error) / Math.sqrt(biasG2 + 1e-8);
      for (const k of e.denseKeys) step(`d:${k}`, error * (e.dense[k] ?? 0));
      for (const k of e.sparse) step(`s:${k}`, error);
    }
  }
  const dense: Record<string, number> = {};
  const sparse: Record<string, number> = {};
  for (const [key, value] of [...w].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (Math.abs(value) < options.prune) continue;
    const rounded = Math.round(value * 1000) / 1000;
    if (key.startsWith('d:')) dense[key.slice(2)] = rounded;
    else sparse[key.slice(2)] = rounded;
  }
  return { bias: Math.round(bias * 1000) / 1000, dense, sparse };
}

/** mulberry32 */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
