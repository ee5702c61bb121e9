export { analyzeRequest, type RequestAnalysis, type RequestCues } from './analysis.ts';
export { createRouter, DEFAULT_SCORERS, type Router } from './create-router.ts';
export { RouterModel } from './model/router-model.ts';
export { type Assistance, type AssistedDecision, ModelJudgement } from './model-assisted.ts';
export {
  DEFAULT_ROUTER_CONFIG,
  type ResolvedRouterConfig,
  RouterConfig,
  type RouterOptions,
  resolveRouterConfig,
  Thresholds,
} from './options.ts';
export type { Scorer, ScoringContext, SignalScore, ToolNeed } from './scorer.ts';
