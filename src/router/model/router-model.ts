import { z } from 'zod';
import type { SignalName } from '../../core/decision.ts';
import { InvalidConfigError } from '../../core/errors.ts';
import { FITTED_TOOL_USE_FEATURES } from '../features/form-features.ts';
import { TOOL_NEED_FEATURES } from '../features/tool-relevance.ts';
import { alignedWeights, type CompiledModel, compile, type LogisticModel } from './logistic.ts';
import { createVocabulary } from './tokens.ts';

const Weights = z.record(z.string(), z.number().finite());
const Logistic = z.strictObject({ bias: z.number().finite(), dense: Weights, sparse: Weights });

/** The fitted routing models: one per signal, and one for which offered tools a request needs. */
export const RouterModel = z.strictObject({
  /** How the file was made: the command, and the sources and counts it was fitted on. */
  about: z.strictObject({
    command: z.string(),
    sources: z.record(z.string(), z.number().int().nonnegative()),
  }),
  /** A tool counts as needed from this probability of the `toolNeed` model. */
  needCut: z.number().min(0).max(1),
  /** A tool counts as a candidate (weaker evidence, for the Rule of Two) from this probability. */
  candidateCut: z.number().min(0).max(1),
  models: z.strictObject({
    toolNeed: Logistic,
    toolUse: Logistic,
    crossDomain: Logistic,
    securityBoundary: Logistic,
    parallelism: Logistic,
  }),
});
export type RouterModel = z.infer<typeof RouterModel>;

/** The model of each signal, and of the per-tool need. */
export type ModelName = SignalName | 'toolNeed';

/** A model that knows nothing: every probability is 1/2. The fitter starts from it. */
export const EMPTY_LOGISTIC: LogisticModel = { bias: 0, dense: {}, sparse: {} };

/** A router model prepared for fast look-ups. */
export interface CompiledRouterModel {
  readonly needCut: number;
  readonly candidateCut: number;
  readonly models: Readonly<Record<ModelName, CompiledModel>>;
  /** The toolUse model's dense weights in the order of FITTED_TOOL_USE_FEATURES. */
  readonly toolUseWeights: Float64Array;
  /** The per-tool need model's weights in the order of TOOL_NEED_FEATURES. */
  readonly toolNeedWeights: Float64Array;
}

/**
 * Prepares a router model for routing.
 * @throws {InvalidConfigError} naming `fittedModel.models.<model>.dense.<feature>` when the toolUse
 * or per-tool need model weighs a feature the router does not compute.
 */
export function compileRouterModel(model: RouterModel): CompiledRouterModel {
  const m = model.models;
  const words = createVocabulary();
  const toolUse = compile(m.toolUse, words);
  const toolNeed = compile(m.toolNeed, words);
  const use = alignedWeights(toolUse, FITTED_TOOL_USE_FEATURES);
  const need = alignedWeights(toolNeed, TOOL_NEED_FEATURES);
  const issues = [
    ...use.unknown.map((name) => ({ path: `fittedModel.models.toolUse.dense.${name}`, name })),
    ...need.unknown.map((name) => ({ path: `fittedModel.models.toolNeed.dense.${name}`, name })),
  ].map(({ path }) => ({ path, message: 'is not a feature this router computes' }));
  if (issues.length > 0) throw new InvalidConfigError(issues);
  return {
    needCut: model.needCut,
    candidateCut: model.candidateCut,
    models: {
      toolNeed,
      toolUse,
      crossDomain: compile(m.crossDomain, words),
      securityBoundary: compile(m.securityBoundary, words),
      parallelism: compile(m.parallelism, words),
    },
    toolUseWeights: use.weights,
    toolNeedWeights: need.weights,
  };
}
