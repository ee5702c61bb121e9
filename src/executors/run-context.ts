import type { ResolvedBudgets } from '../core/budgets.ts';
import type { Decision } from '../core/decision.ts';
import { BudgetExceededError, RunAbortedError, RunError, TierupError } from '../core/errors.ts';
import type { FinishReason, ModelMessage, ModelWarning } from '../core/language-model.ts';
import { linkSignal } from '../core/linked-signal.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { Escalation, PartialRun, RunResult } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { PriceTable } from '../pricing/price-table.ts';
import type { RunSecurity } from './run-security.ts';
import { createTraceRecorder, describeError, type TraceRecorder } from './trace-recorder.ts';
import { createUsageMeter, type UsageMeter } from './usage-meter.ts';

/** A task ready for an executor: tools resolved, output schema apart, what lower tiers tried. */
export interface PreparedTask {
  readonly input: string;
  readonly tools: readonly AnyTool[];
  readonly output: import('zod').ZodType | undefined;
  readonly history: readonly ModelMessage[];
  /** The request's own system instructions. */
  readonly instructions?: string | undefined;
  /** Summaries of what lower tiers tried, oldest first. */
  readonly priorAttempts: readonly string[];
  /** Whether a higher tier exists to escalate to. */
  readonly canEscalate: boolean;
  /** The router set `securityBoundary` for the request. */
  readonly securityBoundary?: boolean;
  /** The tools the router judged needed, by name. */
  readonly neededTools?: readonly string[];
}

/** The state one run shares across its tiers, agents, model calls and tools. */
export interface RunContext {
  /** Fires on the caller's abort, the run's time limit, or a stream closed early. */
  readonly signal: AbortSignal;
  readonly budgets: ResolvedBudgets;
  readonly prices: PriceTable;
  readonly trace: TraceRecorder;
  readonly usage: UsageMeter;
  /** Policy, approvals, guardrails, taint and the audit trail. */
  readonly security: RunSecurity;
  /** Model calls stream, so text reaches `emit` as it arrives. */
  readonly streaming: boolean;
  emit(event: RunEvent<unknown>): void;
  /** Agents started so far, for `maxAgents`. */
  agentsStarted: number;
  /** The last text or output produced, kept for a failure's partial result. */
  lastOutput: unknown;
  /** Why the last model call stopped. */
  lastFinishReason: FinishReason;
  /** Provider warnings of every call so far. */
  readonly warnings: ModelWarning[];
  tier: Tier;
  decision: Decision | undefined;
  readonly escalations: Escalation[];
  /**
   * Ends the run: stops its timer, aborts work a failed run left behind (the siblings of a call
   * that failed, an agent cut short) with `reason`, and silences its events after the run's last
   * one.
   */
  dispose(reason?: unknown): void;
}

/** What a run needs besides its state. */
export interface RunSetup {
  readonly budgets: ResolvedBudgets;
  readonly prices: PriceTable;
  readonly security: RunSecurity;
  readonly tier: Tier;
  readonly signal?: AbortSignal | undefined;
  readonly emit?: (event: RunEvent<unknown>) => void;
  /** Aborts the run from outside, e.g. when a stream's reader stops early. */
  readonly stop?: AbortSignal;
}

/** Starts the state of one run: its signal (caller, time limit), meter and trace. */
export function createRunContext(setup: RunSetup): RunContext {
  const { timeoutMs } = setup.budgets;
  // Fires on the caller's abort, a stream reader's stop, the time limit, and (at the end of a run
  // that failed) on the failure, so work the run left behind stops too.
  const link = linkSignal([setup.signal, setup.stop], {
    ms: timeoutMs,
    reason: () =>
      new BudgetExceededError(
        'timeoutMs',
        timeoutMs,
        timeoutMs,
        `the run took over ${timeoutMs} ms`,
      ),
  });
  const { emit } = setup;
  let ended = false;
  return {
    signal: link.signal,
    budgets: setup.budgets,
    prices: setup.prices,
    trace: createTraceRecorder(),
    usage: createUsageMeter(),
    security: setup.security,
    streaming: setup.emit !== undefined,
    emit: (event) => {
      if (!ended) emit?.(event);
    },
    agentsStarted: 0,
    lastOutput: undefined,
    lastFinishReason: { unified: 'other', raw: undefined },
    warnings: [],
    tier: setup.tier,
    decision: undefined,
    escalations: [],
    dispose: (reason?: unknown) => {
      ended = true;
      // After a failure, work the run left behind is stopped; after a success none is left, and
      // firing every signal the run made would only cost time (about 3% of an agent run).
      if (reason !== undefined) link.abort(reason);
      link.dispose();
    },
  };
}

/** The result of a run that finished with `output` on `ctx.tier`. */
export function toRunResult<Output>(ctx: RunContext, output: Output): RunResult<Output> {
  return {
    output,
    tier: ctx.tier,
    ...(ctx.decision ? { decision: ctx.decision } : {}),
    escalations: [...ctx.escalations],
    usage: ctx.usage.snapshot(),
    trace: ctx.trace.snapshot(),
    audit: [...ctx.security.audit],
    finishReason: ctx.lastFinishReason,
    warnings: [...ctx.warnings],
  } as RunResult<Output>;
}

/** What the run had got to, for an error. */
export function toPartialRun(ctx: RunContext): PartialRun {
  return {
    tier: ctx.tier,
    ...(ctx.decision ? { decision: ctx.decision } : {}),
    ...(ctx.lastOutput === undefined ? {} : { output: ctx.lastOutput }),
    escalations: [...ctx.escalations],
    usage: ctx.usage.snapshot(),
    trace: ctx.trace.snapshot(),
    audit: [...ctx.security.audit],
  };
}

/**
 * The error a failed run throws: the run's own abort reason when its signal fired (a budget, or
 * the caller's abort as {@link RunAbortedError}), a {@link RunError} as it is, anything else
 * wrapped in a RunError; each with `partial` set.
 */
export function toRunError(ctx: RunContext, thrown: unknown): RunError {
  let error: RunError;
  if (ctx.signal.aborted) {
    const reason: unknown = ctx.signal.reason;
    error = reason instanceof RunError ? reason : new RunAbortedError(reason);
  } else if (thrown instanceof RunError) {
    error = thrown;
  } else {
    const what = TierupError.isInstance(thrown) ? thrown.message : describeError(thrown);
    error = new RunError('run-failed', `The run failed on the ${ctx.tier} tier: ${what}`, {
      cause: thrown,
    });
  }
  error.partial ??= toPartialRun(ctx);
  return error;
}
