/**
 * tierup: run every LLM request on the lowest tier that reliably meets it.
 * @module
 */

export { Budgets, DEFAULT_BUDGETS, type ResolvedBudgets } from './core/budgets.ts';
export {
  type Decision,
  MULTI_AGENT_SIGNALS,
  type NeededTool,
  type ReasonCode,
  SIGNALS,
  type SignalDecision,
  type SignalName,
  type TierOverride,
} from './core/decision.ts';
export {
  BoundaryViolationError,
  type Budget,
  BudgetExceededError,
  EscalationRequired,
  GuardrailTripped,
  InvalidConfigError,
  InvalidInputError,
  InvalidTaskError,
  InvalidToolError,
  type Issue,
  ProviderError,
  RetryError,
  RunAbortedError,
  RunError,
  ScorerError,
  TierupError,
  type TierupErrorCode,
  TimeoutError,
} from './core/errors.ts';
export type { Executor, RunOptions, RunTask } from './core/executor.ts';
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
export type { RunEvent, RunEventType } from './core/run-event.ts';
export type {
  Escalation,
  EscalationCause,
  PartialRun,
  RoutedRunResult,
  RunResult,
  RunUsage,
  TraceSpan,
  UsageTotals,
} from './core/run-result.ts';
export type {
  ApprovalRequest,
  Approver,
  ArgumentProvenance,
  AuditEntry,
  Guardrail,
  GuardrailContext,
  GuardrailHop,
  Guardrails,
  GuardrailVerdict,
  Origin,
  Policy,
  PolicyDecision,
  PolicyVerdict,
  Privilege,
  Provenance,
  SecurityOptions,
  ToolCallRequest,
} from './core/security.ts';
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
  type AnyTool,
  defineTool,
  type Tool,
  type ToolDefinition,
  type ToolRunOptions,
  toModelTool,
} from './core/tool.ts';
export { agentExecutor } from './executors/agent-executor.ts';
export { directExecutor } from './executors/direct-executor.ts';
export {
  type MultiAgentExecutorOptions,
  multiAgentExecutor,
} from './executors/multi-agent-executor.ts';
export type { Specialist } from './executors/specialists.ts';
export {
  type FromFunctionOptions,
  fromFunction,
  type TextFunction,
} from './models/from-function.ts';
export {
  createPriceTable,
  DEFAULT_PRICES,
  ModelPrice,
  PRICES_AS_OF,
  type PriceTable,
  type PriceTableOptions,
} from './pricing/price-table.ts';
export { ESCALATE_TOOL } from './prompts/escalate-tool.ts';
export type { RetryEvent, RetryOptions } from './providers/retry.ts';
export {
  type EvaluationReport,
  Expected,
  evaluate,
  type Misroute,
  type SignalQuality,
} from './router/evaluate.ts';
export * from './router/index.ts';
export type { ExecutorOptions } from './run/create-executor.ts';
export { defaultPolicy } from './security/run-security.ts';
export {
  type AcceptCheck,
  createTierup,
  type Tierup,
  type TierupOptions,
  type TierupRunOptions,
} from './tierup.ts';
