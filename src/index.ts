/**
 * tierup: run every LLM request on the lowest tier that reliably meets it.
 * @module
 */
export {
  type Decision,
  MULTI_AGENT_SIGNALS,
  type NeededTool,
  SIGNALS,
  type SignalDecision,
  type SignalName,
  type TierOverride,
} from './core/decision.ts';
export {
  InvalidConfigError,
  InvalidInputError,
  InvalidTaskError,
  InvalidToolError,
  type Issue,
  ProviderError,
  RetryError,
  ScorerError,
  TierupError,
  type TierupErrorCode,
  TimeoutError,
} from './core/errors.ts';
export type {
  FinishReason,
  JsonSchema,
  LanguageModel,
  ModelMessage,
  ModelRequest,
  ModelResponse,
  ModelSettings,
  ModelStreamEvent,
  ModelTool,
  ModelWarning,
  ToolCall,
  Usage,
} from './core/language-model.ts';
export {
  parseTask,
  Task,
  TaskHints,
  type TaskInput,
  ToolSpec,
  type ToolSpecInput,
} from './core/task.ts';
export { lowerTier, TIERS, Tier, tierRank } from './core/tier.ts';
export {
  defineTool,
  type Tool,
  type ToolDefinition,
  type ToolRunOptions,
  toModelTool,
} from './core/tool.ts';
export type { RetryEvent, RetryOptions } from './providers/retry.ts';
export {
  type EvaluationReport,
  Expected,
  evaluate,
  type Misroute,
  type SignalQuality,
} from './router/evaluate.ts';
export * from './router/index.ts';
