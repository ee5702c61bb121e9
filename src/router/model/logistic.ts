import {
  type Entry,
  indexSparse,
  type RequestWords,
  type SparseIndex,
  sparseScore,
  type Vocabulary,
} from './tokens.ts';

/**
 * A logistic model over named dense features and sparse string keys, as stored in
 * data/router-model.json. Weights are fitted by scripts/fit-router.ts; nothing here is hand-set.
 */
export interface LogisticModel {
  readonly bias: number;
  /** Weight of each named dense feature. A feature the model does not name weighs nothing. */
  readonly dense: Readonly<Record<string, number>>;
  /** Weight of each sparse key (see requestTokens). */
  readonly sparse: Readonly<Record<string, number>>;
}

/** A model prepared for fast look-ups: its weights in maps, the sparse ones indexed by word. */
export interface CompiledModel {
  readonly bias: number;
  readonly dense: ReadonlyMap<string, number>;
  readonly sparse: SparseIndex;
}

/** Prepares a model; models of one router share a `vocabulary` of the words they weigh. */
export function compile(model: LogisticModel, vocabulary?: Vocabulary): CompiledModel {
  return {
    bias: model.bias,
    dense: new Map(Object.entries(model.dense)),
    sparse: indexSparse(new Map(Object.entries(model.sparse)), vocabulary),
  };
}

/**
 * The model's dense weights in the order of `names`, for scoring a feature vector written in that
 * order, and the features it weighs that `names` does not list (a model fitted on other features
 * than the router computes).
 */
export function alignedWeights(
  model: CompiledModel,
  names: readonly string[],
): { weights: Float64Array; unknown: string[] } {
  const weights = new Float64Array(names.length);
  const index = new Map(names.map((name, i) => [name, i]));
  const unknown: string[] = [];
  for (const [name, weight] of model.dense) {
    const i = index.get(name);
    if (i === undefined) unknown.push(name);
    else weights[i] = weight;
  }
  return { weights, unknown };
}

/**
 * The probability of a feature vector under weights aligned with it (see {@link alignedWeights}),
 * the vector starting at `offset` in `values`.
 */
export function vectorProbability(
  bias: number,
  weights: Float64Array,
  values: ArrayLike<number>,
  offset = 0,
): number {
  let z = bias;
  for (let i = 0; i < weights.length; i++) {
    z += (weights[i] as number) * (values[offset + i] as number);
  }
  return Math.min(MOST_LIKELY, 1 / (1 + Math.exp(-z)));
}

/** One feature's share of a score, for explanations. */
export interface Contribution {
  readonly feature: string;
  readonly value: number;
}

/** A model's probability for one request, with the features that moved it most. */
export interface Scored {
  readonly probability: number;
  /** At most three features, strongest first, that pushed towards the side the probability is on. */
  readonly top: readonly Contribution[];
}

/**
 * Scores features with a model in one pass, keeping the three strongest contributions on each side:
 * named dense features and the request's words.
 */
export function score(
  model: CompiledModel,
  dense: Readonly<Record<string, number>>,
  words: RequestWords,
): Scored {
  const up: Contribution[] = [];
  const down: Contribution[] = [];
  let z = model.bias;
  for (const name in dense) {
    const w = model.dense.get(name);
    if (w === undefined) continue;
    const value = w * (dense[name] as number);
    z += value;
    keep(value > 0 ? up : down, name, value);
  }
  z += sparseScore(model.sparse, words, (entry) => keepEntry(up, down, entry));
  return finish(z, up, down);
}

/**
 * {@link score} for a feature vector written in the order of `names`, with the model's weights
 * aligned to it by {@link alignedWeights}.
 */
export function scoreVector(
  model: CompiledModel,
  weights: Float64Array,
  names: readonly string[],
  values: ArrayLike<number>,
  words: RequestWords,
): Scored {
  const up: Contribution[] = [];
  const down: Contribution[] = [];
  let z = model.bias;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    const value = w * (values[i] as number);
    if (value === 0) continue;
    z += value;
    keep(value > 0 ? up : down, names[i] as string, value);
  }
  z += sparseScore(model.sparse, words, (entry) => keepEntry(up, down, entry));
  return finish(z, up, down);
}

function keepEntry(up: Contribution[], down: Contribution[], { key, value }: Entry): void {
  keep(value > 0 ? up : down, key, value);
}

function finish(z: number, up: Contribution[], down: Contribution[]): Scored {
  // A model is never certain: 0.999 at most, so that a threshold of 1 turns a signal off.
  const probability = Math.min(MOST_LIKELY, 1 / (1 + Math.exp(-z)));
  return { probability, top: probability >= 0.5 ? up : down };
}

const MOST_LIKELY = 0.999;

/** Keeps the three contributions of largest magnitude, largest first. */
function keep(top: Contribution[], feature: string, value: number): void {
  const size = Math.abs(value);
  if (size === 0 || (top.length === 3 && size <= Math.abs((top[2] as Contribution).value))) return;
  let i = top.length < 3 ? top.length : 2;
  while (i > 0 && Math.abs((top[i - 1] as Contribution).value) < size) {
    top[i] = top[i - 1] as Contribution;
    i--;
  }
  top[i] = { feature, value };
}
