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
  /** L2 penalty per example on the dense features' weights. */
  readonly l2: number;
  /** L2 penalty per example on the words' weights: words are many and each is weak evidence. */
  readonly l2Words: number;
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
  l2Words: 1e-4,
  rate: 0.3,
  minCount: 3,
  prune: 0.02,
  seed: 1,
};

/**
 * Fits a weighted, L2-regularized logistic model with Adagrad, visiting the examples in a seeded
 * order: the same examples and options give the same weights.
 */
export function fitLogistic(
  examples: readonly Example[],
  options: FitOptions = DEFAULT_FIT,
  allowed?: ReadonlySet<string>,
): LogisticModel {
  const { names, rows } = indexExamples(examples, vocabularyOf(examples, options, allowed));
  const penalty = Float64Array.from(names, (name) =>
    name.startsWith('s:') ? options.l2Words : options.l2,
  );
  const { weights, bias } = descend(rows, penalty, options);
  return stored(names, weights, bias, options.prune);
}

/** The sparse keys held by at least `minCount` examples and, if given, allowed. */
function vocabularyOf(
  examples: readonly Example[],
  options: FitOptions,
  allowed: ReadonlySet<string> | undefined,
): Set<string> {
  const counts = new Map<string, number>();
  for (const example of examples) {
    for (const key of new Set(example.sparse)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set(
    [...counts]
      .filter(([k, n]) => n >= options.minCount && (allowed === undefined || allowed.has(k)))
      .map(([k]) => k),
  );
}

/** An example as indices into one weight array, so that the epochs touch typed arrays only. */
interface Row {
  readonly at: Int32Array;
  readonly values: Float64Array;
  readonly y: 0 | 1;
  readonly weight: number;
}

/** Names each feature (`d:` dense, `s:` sparse) once and turns the examples into rows. */
function indexExamples(
  examples: readonly Example[],
  vocabulary: ReadonlySet<string>,
): { names: string[]; rows: Row[] } {
  const index = new Map<string, number>();
  const names: string[] = [];
  const slot = (key: string) => {
    let i = index.get(key);
    if (i === undefined) {
      i = names.length;
      index.set(key, i);
      names.push(key);
    }
    return i;
  };
  const rows = examples.map((e): Row => {
    const at: number[] = [];
    const values: number[] = [];
    for (const name in e.dense) {
      const v = e.dense[name] ?? 0;
      if (v === 0) continue;
      at.push(slot(`d:${name}`));
      values.push(v);
    }
    for (const key of new Set(e.sparse)) {
      if (!vocabulary.has(key)) continue;
      at.push(slot(`s:${key}`));
      values.push(1);
    }
    return { at: Int32Array.from(at), values: Float64Array.from(values), y: e.y, weight: e.weight };
  });
  return { names, rows };
}

/** Adagrad over the rows in a seeded order, `epochs` times. */
function descend(
  rows: readonly Row[],
  penalty: Float64Array,
  options: FitOptions,
): { weights: Float64Array; bias: number } {
  const w = new Float64Array(penalty.length);
  const g2 = new Float64Array(penalty.length);
  let bias = 0;
  let biasG2 = 0;
  const order = rows.map((_, i) => i);
  const rand = seeded(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const r of order) {
      const row = rows[r];
      if (row === undefined) continue;
      const { at, values } = row;
      let z = bias;
      for (let k = 0; k < at.length; k++)
        z += (w[at[k] as number] as number) * (values[k] as number);
      const error = (1 / (1 + Math.exp(-z)) - row.y) * row.weight;
      biasG2 += error * error;
      bias -= (options.rate * error) / Math.sqrt(biasG2 + 1e-8);
      for (let k = 0; k < at.length; k++) {
        const f = at[k] as number;
        const g = error * (values[k] as number) + (penalty[f] as number) * (w[f] as number);
        g2[f] = (g2[f] as number) + g * g;
        w[f] = (w[f] as number) - (options.rate * g) / Math.sqrt((g2[f] as number) + 1e-8);
      }
    }
  }
  return { weights: w, bias };
}

/** The model as stored: weights under `prune` dropped, the rest rounded to 3 decimals, sorted. */
function stored(
  names: readonly string[],
  weights: Float64Array,
  bias: number,
  prune: number,
): LogisticModel {
  const dense: Record<string, number> = {};
  const sparse: Record<string, number> = {};
  const sorted = names
    .map((name, i) => [name, weights[i] as number] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of sorted) {
    if (Math.abs(value) < prune) continue;
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
