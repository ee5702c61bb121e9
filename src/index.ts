/**
 * tierup: run every LLM request on the lowest tier that reliably meets it.
 *
 * The main entry holds what a service author uses; its list is pinned by
 * test/public-surface.test.ts, so a new export is a deliberate change. Evaluation is in
 * `tierup/eval`, the providers in `tierup/openai` and `tierup/anthropic`, test helpers in
 * `tierup/testing`. Zod schemas are not exported: each is validated by the function that takes
 * it, and its type is exported instead (docs/architecture.md, "The public surface").
 * @module
 */

export type { Budgets } from './core/budgets.ts';

export type { Decision, ReasonCode, SignalName } from './core/decision.ts';
export type { Engine } from './core/engine.ts';
export {
  BoundaryViolationError,
  BudgetExceededError,
  EscalationRequired,
  GuardrailTripped,
  InvalidConfigError,
  InvalidInputError,
  InvalidTaskError,
  InvalidToolError,
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
  LanguageModel,
  ModelMessage,
  ModelRequest,
  ModelResponse,
  ModelStreamEvent,
  ResponseMetadata,
  ToolCall,
  Usage,
} from './core/language-model.ts';
export type { Lifecycle, LifecycleEvent } from './core/lifecycle.ts';
export type { RunEvent } from './core/run-event.ts';
export type {
  Escalation,
  EscalationCause,
  PartialRun,
  RoutedRunResult,
  RunResult,
  TraceSpan,
  UsageTotals,
} from './core/run-result.ts';
export type {
  Approver,
  AuditEntry,
  Guardrail,
  Policy,
  PolicyDecision,
  ToolCallRequest,
} from './core/security.ts';
export type { SessionStore } from './core/session-store.ts';
export type { TaskInput, ToolSpecInput } from './core/task.ts';
export type { Tier } from './core/tier.ts';
export { type AnyTool, defineTool, type Tool } from './core/tool.ts';
export { memorySessionStore } from './escalation/memory-session-store.ts';
export { agentExecutor } from './executors/agent-executor.ts';
export { directExecutor } from './executors/direct-executor.ts';
export {
  type MultiAgentExecutorOptions,
  multiAgentExecutor,
} from './executors/multi-agent-executor.ts';
export type { Specialist } from './executors/specialists.ts';
export { fromFunction } from './models/from-function.ts';
export { createPriceTable, PRICES_AS_OF, type PriceTable } from './pricing/price-table.ts';
export { createRouter, type Router } from './router/create-router.ts';
export type { RouterModel } from './router/model/router-model.ts';
export type { RouterOptions } from './router/options.ts';
export type { Scorer } from './router/scorer.ts';
export type { ExecutorOptions } from './run/create-executor.ts';
export type { TelemetryOptions, TelemetryTracer } from './run/telemetry-options.ts';
export { defaultPolicy } from './security/default-policy.ts';
export {
  type AcceptCheck,
  createTierup,
  type Tierup,
  type TierupOptions,
  type TierupRunOptions,
} from './tierup.ts';
