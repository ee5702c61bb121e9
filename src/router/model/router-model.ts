import { z } from 'zod';
import type { SignalName } from '../../core/decision.ts';
import { type CompiledModel, compile, type LogisticModel } from './logistic.ts';

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
}

export function compileRouterModel(model: RouterModel): CompiledRouterModel {
  const m = model.models;
  return {
    needCut: model.needCut,
    candidateCut: model.candidateCut,
    models: {
      toolNeed: compile(m.toolNeed),
      toolUse: compile(m.toolUse),
      crossDomain: compile(m.crossDomain),
      securityBoundary: compile(m.securityBoundary),
      parallelism: compile(m.parallelism),
    },
  };
}
