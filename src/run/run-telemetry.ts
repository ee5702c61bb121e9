import type { Decision } from '../core/decision.ts';
import type { FinishReason, ModelMessage } from '../core/language-model.ts';
import type { Escalation, TraceSpan, UsageTotals } from '../core/run-result.ts';
import type { AuditEntry } from '../core/security.ts';
import type { Tier } from '../core/tier.ts';

// What a run tells a tracing backend, in tierup's own terms. The OpenTelemetry binding
// (src/telemetry/) maps it to the GenAI semantic conventions; nothing here names an attribute.

/** What a span says beyond the trace, for telemetry. Content only when `recordsContent`. */
export interface SpanDetails {
  /** Tool calls: the id the model gave the call. */
  readonly toolCallId?: string;
  /** Model calls: what the provider answered with. */
  readonly response?: {
    readonly id?: string | undefined;
    readonly modelId?: string | undefined;
    readonly finishReason?: FinishReason;
  };
  /** Model calls: the output token cap asked for, and the temperature. */
  readonly request?: {
    readonly maxOutputTokens?: number | undefined;
    readonly temperature?: number | undefined;
    readonly stream?: boolean;
  };
  /** Content (opt-in): a model call's system prompt and messages, or a tool call's arguments. */
  readonly input?: {
    readonly system?: string | undefined;
    readonly messages?: readonly ModelMessage[];
    readonly arguments?: unknown;
  };
  /** Content (opt-in): a model call's text and tool calls, or a tool's result as the model sees it. */
  readonly output?: {
    readonly text?: string;
    readonly toolCalls?: readonly unknown[];
    readonly result?: string;
  };
}

/**
 * The telemetry of one run: sees each span of its trace open and close, and what the run learns
 * along the way. Every method must be cheap and must not throw.
 */
export interface RunTelemetry {
  /** Content (messages, tool arguments and results) is recorded: callers build it only then. */
  readonly recordsContent: boolean;
  /**
   * A span opened. `false` means the run records nothing (its first span is not recorded: no SDK,
   * or sampled out): the run then stops calling its telemetry at all.
   */
  opened(span: TraceSpan, details?: SpanDetails): boolean;
  closed(span: TraceSpan, details?: SpanDetails): void;
  /**
   * Runs `fn` with the span as the active one, so spans that code makes (a tool's database call,
   * an SDK's HTTP request) nest under it.
   */
  within<T>(spanId: string, fn: () => T): T;
  decided(decision: Decision): void;
  tierStarted(tier: Tier): void;
  escalated(escalation: Escalation): void;
  /** A tool call's policy, approval or guardrail decision, with its arguments' provenance. */
  audited(entry: AuditEntry): void;
  /** The run's usage, before its outermost span closes. */
  used(usage: UsageTotals): void;
}

/**
 * Starts the telemetry of one run, in the caller's context; `undefined` when none is recorded.
 * `startedAt` is when the run's trace starts, in milliseconds since the epoch (fractional): its
 * spans' `startMs` and `endMs` count from it.
 */
export type TelemetryStart = (startedAt: number) => RunTelemetry | undefined;

/** What a pipeline holds: the binding, loaded on the first run (it imports an optional peer). */
export interface TelemetrySetup {
  load(): Promise<TelemetryStart>;
  /** The binding once loaded, so later runs start without waiting. */
  readonly loaded: TelemetryStart | undefined;
}
