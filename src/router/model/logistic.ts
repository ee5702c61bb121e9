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

/** One feature's share of a score, for explanations. */
export interface Contribution {
  readonly feature: string;
  readonly value: number;
}

/** The model's log-odds for these features. Sparse keys count once however often they occur. */
export function logit(
  model: LogisticModel,
  dense: Readonly<Record<string, number>>,
  sparse: readonly string[],
): number {
  let z = model.bias;
  for (const name in dense) {
    const w = model.dense[name];
    if (w !== undefined) z += w * (dense[name] ?? 0);
  }
  const seen = new Set<string>();
  for (const key of sparse) {
    if (seen.has(key)) continue;
    seen.add(key);
    const w = model.sparse[key];
    if (w !== undefined) z += w;
  }
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The features that moved the score most, strongest first, in the direction of `sign`. */
export function contributions(
  model: LogisticModel,
  dense: Readonly<Record<string, number>>,
  sparse: readonly string[],
  sign: 1 | -1,
  limit = 3,
): Contribution[] {
  const all: Contribution[] = [];
  for (const name in dense) {
    const value = (model.dense[name] ?? 0) * (dense[name] ?? 0);
    if (value * sign > 0) all.push({ feature: name, value });
  }
  for (const key of new Set(sparse)) {
    const value = model.sparse[key] ?? 0;
    if (value * sign > 0) all.push({ feature: key, value });
  }
  return all.sort((a, b) => sign * (b.value - a.value)).slice(0, limit);
}
