import type { ResolvedBudgets } from '../core/budgets.ts';
import type { Decision } from '../core/decision.ts';
import {
  BudgetExceededError,
  partialOf,
  RunAbortedError,
  RunError,
  setPartial,
  TierupError,
} from '../core/errors.ts';
import type { CallSettings, FinishReason, ModelWarning } from '../core/language-model.ts';
import type { Lifecycle } from '../core/lifecycle.ts';
import { linkSignal } from '../core/linked-signal.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { Escalation, PartialRun, RunResult } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';
import type { ToolError, ToolErrorMessage } from '../core/tool-error.ts';
import type { RunRecorder } from '../durable/run-recorder.ts';
import type { PriceTable } from '../pricing/price-table.ts';
import type { RunSecurity } from '../security/run-security.ts';
import { createRunCallbacks, type RunCallbacks } from './run-callbacks.ts';
import type { RunTelemetry, TelemetryStart } from './run-telemetry.ts';
import { createTraceRecorder, describeError, type TraceRecorder } from './trace-recorder.ts';
import { createUsageMeter, type UsageMeter } from './usage-meter.ts';

/**
 * What one run hands to its tiers, agents, model calls and tools: fixed when the run starts,
 * except through the recorders (`trace`, `usage`, `security`) and the one `report`.
 */
export interface RunScope {
  /** The run's id, on its result and lifecycle events. */
  readonly runId: string;
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
  /** What the model reads of a tool that threw, when the caller decides it. */
  readonly toolErrorMessage: ToolErrorMessage | undefined;
  /** The run's own model settings, over each tier's and each model's. */
  readonly settings: CallSettings | undefined;
  /**
   * The run's journal, when the run is durable: model calls and tool calls are answered from it
   * while it has their entries, and write their results to it (src/durable/).
   */
  readonly journal: RunRecorder | undefined;
  /**
   * Reports an event of the run: to the caller of `stream` and to the lifecycle callbacks (the
   * one way a run tells what it does; silent after the run's last event).
   */
  emit(event: RunEvent<unknown>): void;
  /** The one way the run's result is written. */
  readonly report: RunReport;
}

/** Where every part of a run reports what the run's result (or its error's `partial`) says. */
export interface RunReport {
  /** Agents started so far, for `maxAgents`. */
  readonly agentsStarted: number;
  /** The last text or output produced, kept for a failure's partial result. */
  readonly lastOutput: unknown;
  /** The run's tool calls so far whose result the model read as an error. */
  readonly toolErrors: readonly ToolError[];
  agentStarted(): void;
  output(value: unknown): void;
  /** A model call ended: why it stopped, and the provider's warnings. */
  modelFinished(reason: FinishReason, warnings: readonly ModelWarning[]): void;
  tierStarted(tier: Tier): void;
  decided(decision: Decision): void;
  escalated(step: Escalation): void;
  /** A tool call's result was an error the model read. */
  toolFailed(error: ToolError): void;
}

/** What a run needs besides its state. */
export interface RunSetup {
  readonly budgets: ResolvedBudgets;
  readonly prices: PriceTable;
  readonly security: RunSecurity;
  readonly tier: Tier;
  readonly signal?: AbortSignal | undefined;
  readonly emit?: ((event: RunEvent<unknown>) => void) | undefined;
  /** Aborts the run from outside, e.g. when a stream's reader stops early. */
  readonly stop?: AbortSignal | undefined;
  /** @default a random UUID */
  readonly runId?: string | undefined;
  /** Lifecycle callbacks told of the run's events (`createTierup`'s, then the run's own). */
  readonly lifecycle?: readonly Lifecycle[] | undefined;
  readonly toolErrorMessage?: ToolErrorMessage | undefined;
  readonly settings?: CallSettings | undefined;
  /** Reports the run to the caller's tracing (OpenTelemetry), when configured. */
  readonly telemetry?: TelemetryStart | undefined;
  /** The run's journal, for a durable run (its `runId` is the run's). */
  readonly journal?: RunRecorder | undefined;
}

/** A run in progress: its scope, and how it ends. */
export interface Run {
  readonly scope: RunScope;
  /** The run's lifecycle callbacks, when it was given a list of them (`createTierup`'s runs). */
  readonly callbacks: RunCallbacks | undefined;
  /** What the run had got to, for a failure's `partial`. */
  partial(): PartialRun;
  /** The result of the run, finished with `output`. */
  result<Output>(output: Output): RunResult<Output>;
  /**
   * The error a failed run throws: the run's own abort reason when its signal fired (a budget, or
   * the caller's abort as {@link RunAbortedError}), a {@link RunError} as it is, anything else
   * wrapped in a RunError; each with `partial` set.
   */
  error(thrown: unknown): RunError;
  /**
   * Ends the run: stops its timer, aborts work a failed run left behind (the siblings of a call
   * that failed, an agent cut short) with `reason`, and silences its events.
   */
  dispose(reason?: unknown): void;
}

/** Starts one run: its signal (caller, time limit), meter, trace and report. */
export function startRun(setup: RunSetup): Run {
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
  const runId = setup.runId ?? crypto.randomUUID();
  const trace = createTraceRecorder(undefined, setup.telemetry);
  const state = new RunRecord(setup.tier, trace);
  const callbacks = setup.lifecycle && createRunCallbacks(setup.lifecycle, runId, trace);
  let ended = false;
  const scope: RunScope = {
    runId,
    signal: link.signal,
    budgets: setup.budgets,
    prices: setup.prices,
    trace,
    usage: createUsageMeter(),
    security: setup.security,
    streaming: emit !== undefined,
    toolErrorMessage: setup.toolErrorMessage,
    settings: setup.settings,
    journal: setup.journal,
    emit: (event) => {
      if (ended) return;
      callbacks?.observe(event);
      emit?.(event);
    },
    report: state,
  };
  const reported = () => ({
    runId,
    ...state.shared(),
    ...(callbacks ? { callbackErrors: [...callbacks.errors] } : {}),
  });
  const partial = (): PartialRun => ({
    ...reported(),
    ...(state.lastOutput === undefined ? {} : { output: state.lastOutput }),
    usage: scope.usage.snapshot(),
    trace: scope.trace.snapshot(),
    audit: [...scope.security.audit],
  });
  return {
    scope,
    callbacks,
    partial,
    result: <Output>(output: Output) =>
      ({
        output,
        ...reported(),
        usage: scope.usage.snapshot(),
        trace: scope.trace.snapshot(),
        audit: [...scope.security.audit],
        finishReason: state.finishReason,
        warnings: [...state.warnings],
      }) as RunResult<Output>,
    error(thrown) {
      let error: RunError;
      if (scope.signal.aborted) {
        const reason: unknown = scope.signal.reason;
        error = reason instanceof RunError ? reason : new RunAbortedError(reason);
      } else if (thrown instanceof RunError) {
        error = thrown;
      } else {
        const what = TierupError.isInstance(thrown) ? thrown.message : describeError(thrown);
        error = new RunError('run-failed', `The run failed on the ${state.tier} tier: ${what}`, {
          cause: thrown,
        });
      }
      if (partialOf(error) === undefined) setPartial(error, partial());
      return error;
    },
    dispose(reason) {
      ended = true;
      // After a failure, work the run left behind is stopped; after a success none is left, and
      // firing every signal the run made would only cost time (about 3% of an agent run).
      if (reason !== undefined) link.abort(reason);
      link.dispose();
    },
  };
}

/**
 * The state a run's report writes; nothing else writes it (the scope hands it out typed as the
 * read-only {@link RunReport}). A class, so a run allocates one object, not a closure a method.
 */
class RunRecord implements RunReport {
  tier: Tier;
  decision: Decision | undefined;
  agentsStarted = 0;
  lastOutput: unknown;
  finishReason: FinishReason = { unified: 'other', raw: undefined };
  readonly warnings: ModelWarning[] = [];
  readonly escalations: Escalation[] = [];
  readonly toolErrors: ToolError[] = [];

  /** Whose telemetry is told what the run learns, for the run's outermost span. */
  readonly #trace: { readonly telemetry: RunTelemetry | undefined };

  constructor(tier: Tier, trace: { readonly telemetry: RunTelemetry | undefined }) {
    this.tier = tier;
    this.#trace = trace;
  }

  agentStarted(): void {
    this.agentsStarted++;
  }

  output(value: unknown): void {
    this.lastOutput = value;
  }

  modelFinished(reason: FinishReason, warnings: readonly ModelWarning[]): void {
    this.finishReason = reason;
    for (const warning of warnings) {
      if (!this.warnings.some((w) => w.setting === warning.setting)) this.warnings.push(warning);
    }
  }

  tierStarted(tier: Tier): void {
    this.tier = tier;
    this.#trace.telemetry?.tierStarted(tier);
  }

  decided(decision: Decision): void {
    this.decision = decision;
    this.#trace.telemetry?.decided(decision);
  }

  escalated(step: Escalation): void {
    this.escalations.push(step);
    this.#trace.telemetry?.escalated(step);
  }

  toolFailed(error: ToolError): void {
    this.toolErrors.push(error);
  }

  /** What a result and a partial run both say. */
  shared() {
    return {
      tier: this.tier,
      ...(this.decision ? { decision: this.decision } : {}),
      escalations: [...this.escalations],
      toolErrors: [...this.toolErrors],
    };
  }
}
