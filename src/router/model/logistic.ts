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

/** A model prepared for fast look-ups: its weights in maps. */
export interface CompiledModel {
  readonly bias: number;
  readonly dense: ReadonlyMap<string, number>;
  readonly sparse: ReadonlyMap<string, number>;
}

export function compile(model: LogisticModel): CompiledModel {
  return {
    bias: model.bias,
    dense: new Map(Object.entries(model.dense)),
    sparse: new Map(Object.entries(model.sparse)),
  };
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
 * Scores features with a model in one pass, keeping the three strongest contributions on each side.
 * `sparse` holds each key once (requestTokens deduplicates).
 */
export function score(
  model: CompiledModel,
  dense: Readonly<Record<string, number>>,
  sparse: readonly string[],
): Scored {
  let z = model.bias;
  const up: Contribution[] = [];
  const down: Contribution[] = [];
  for (const name in dense) {
    const w = model.dense.get(name);
    if (w === undefined) continue;
    const value = w * (dense[name] as number);
    z += value;
    keep(value > 0 ? up : down, name, value);
  }
  for (let i = 0; i < sparse.length; i++) {
    const key = sparse[i] as string;
    const value = model.sparse.get(key);
    if (value === undefined) continue;
    z += value;
    keep(value > 0 ? up : down, key, value);
  }
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
