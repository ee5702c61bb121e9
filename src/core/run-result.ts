import type { Decision } from './decision.ts';
import type { FinishReason, ModelWarning } from './language-model.ts';
import type { CallbackError } from './lifecycle.ts';
import type { AuditEntry } from './security.ts';
import type { Tier } from './tier.ts';
import type { ToolError } from './tool-error.ts';

/** Tokens and dollars, summed over some model calls. */
export interface UsageTotals {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Input tokens served from the provider's prompt cache, a subset of `inputTokens`. */
  readonly cachedInputTokens: number;
  /** USD, or `null` when a call was made to a model whose price is unknown. */
  readonly costUsd: number | null;
  /** Model calls counted. */
  readonly calls: number;
  /**
   * Present when some counted call's tokens were estimated from characters (`fromFunction`), so
   * the tokens and `costUsd` are estimates, not the provider's figures.
   */
  readonly estimated?: true;
}

/** What a run consumed, in total and broken down three ways. */
export interface RunUsage extends UsageTotals {
  readonly byTier: Readonly<Partial<Record<Tier, UsageTotals>>>;
  /** Keyed by agent name: `direct`, `agent`, `manager`, or a specialist's name. */
  readonly byAgent: Readonly<Record<string, UsageTotals>>;
  /** Keyed by `provider/modelId`. */
  readonly byModel: Readonly<Record<string, UsageTotals>>;
}

/** Why a tier could not meet a request, as its executor saw it. */
export type EscalationCause =
  | {
      /** The direct tier's model said it needs data, an action or a tool it does not have. */
      readonly type: 'needs-capability';
      readonly message: string;
      /** The offered tool the model named, when it named one. */
      readonly tool?: string;
    }
  | {
      /** Structured output still failed its schema after the repair attempt. */
      readonly type: 'invalid-output';
      readonly message: string;
    }
  | {
      /** An agent loop reached `maxSteps` model calls without a final answer. */
      readonly type: 'max-steps';
      readonly message: string;
      readonly steps: number;
    }
  | {
      /** The request needs a tool this tier cannot offer. */
      readonly type: 'tool-unavailable';
      readonly message: string;
      readonly tool: string;
    }
  | {
      /** The caller's `accept(result)` check rejected the output. */
      readonly type: 'rejected';
      readonly message: string;
    };

/** One move up a tier, with why. */
export interface Escalation {
  readonly from: Tier;
  readonly to: Tier;
  readonly cause: EscalationCause;
  /** What the lower tier tried, as given to the higher one. */
  readonly summary: string;
}

/**
 * One timed step of a run. Spans nest through `parentId`: run → tier → agent → model and tool
 * calls. A `callback` span is a lifecycle callback that failed, under the span it was told of; a
 * `session` span is a call of the session store (`get` or `set`) of a sticky session.
 */
export interface TraceSpan {
  readonly id: string;
  /** The span this one belongs to; absent for the run itself. */
  readonly parentId?: string;
  readonly type: 'run' | 'tier' | 'agent' | 'model-call' | 'tool-call' | 'callback' | 'session';
  /**
   * The tier for `tier` spans, the agent's name, `provider/modelId`, the tool's name, the
   * callback's (`onToolCall`), or the session store's call (`get`, `set`).
   */
  readonly name: string;
  readonly tier?: Tier;
  /** The agent the span belongs to. */
  readonly agent?: string;
  /** Milliseconds since the run started. */
  readonly startMs: number;
  /** Absent while the span is still open (a run that failed mid-way). */
  readonly endMs?: number;
  /** `escalated`: a tier, and its agent, that could not meet the request and handed it to the next tier. */
  readonly status: 'ok' | 'error' | 'escalated' | 'open';
  /** Why the span failed or escalated. */
  readonly error?: string;
  /** Model calls: tokens, and USD when the price is known. */
  readonly usage?: Omit<UsageTotals, 'calls'>;
  /** Tool calls: the arguments as the model sent them. */
  readonly arguments?: unknown;
}

/** What a finished run gives back. `Output` is `string`, or the type of the task's output schema. */
export interface RunResult<Output = string> {
  /** The run's id: the run option `runId`, or a random UUID. Lifecycle events carry it too. */
  readonly runId: string;
  readonly output: Output;
  /** The tier the run finished on. */
  readonly tier: Tier;
  /** The router's decision, before any escalation; absent for an executor used alone. */
  readonly decision?: Decision;
  readonly escalations: readonly Escalation[];
  readonly usage: RunUsage;
  readonly trace: readonly TraceSpan[];
  /** Every tool call with its agent, that agent's privileges, its arguments' provenance and the policy decision. */
  readonly audit: readonly AuditEntry[];
  /**
   * Why the model that wrote the output stopped: `length` means the answer was cut at the output
   * token limit (a budget's cap included), so it may be incomplete.
   */
  readonly finishReason: FinishReason;
  /** Settings a provider could not honour, from every model call of the run. */
  readonly warnings: readonly ModelWarning[];
  /**
   * Every tool call whose result the model read as an error (the tool threw, timed out, was
   * refused or called wrongly), in order; empty for a run whose tools all answered.
   */
  readonly toolErrors: readonly ToolError[];
}

/** What a failed run had got to: everything but a final output. */
export interface PartialRun {
  readonly runId: string;
  /** The tier the run was on when it failed. */
  readonly tier: Tier;
  /** The router's decision, when routing had finished. */
  readonly decision?: Decision;
  /** The last text or output produced before the failure, when there was one. */
  readonly output?: unknown;
  readonly escalations: readonly Escalation[];
  readonly usage: RunUsage;
  readonly trace: readonly TraceSpan[];
  readonly audit: readonly AuditEntry[];
  readonly toolErrors: readonly ToolError[];
  /** With `createTierup`: the lifecycle callbacks that failed before the run ended. */
  readonly callbackErrors?: readonly CallbackError[];
}

/** The result of a run `createTierup` routed: the router's decision is always there. */
export type RoutedRunResult<Output = string> = RunResult<Output> & {
  readonly decision: Decision;
  /** The lifecycle callbacks (`onToolCall`, ...) that threw or rejected; empty when none did. */
  readonly callbackErrors: readonly CallbackError[];
};
