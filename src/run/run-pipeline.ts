import { type ResolvedBudgets, resolveBudgets } from '../core/budgets.ts';
import type { RunOptions, RunTask } from '../core/executor.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { Lifecycle } from '../core/lifecycle.ts';
import { parseOptions } from '../core/parse.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { RunResult } from '../core/run-result.ts';
import type { SecurityOptions } from '../core/security.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolErrorMessage } from '../core/tool-error.ts';
import type { RunRecorder } from '../durable/run-recorder.ts';
import type { PriceTable } from '../pricing/price-table.ts';
import { createRunSecurity } from '../security/run-security.ts';
import { checkPriced } from './check-priced.ts';
import { driveRun, streamRun } from './drive-run.ts';
import { RunOptionsShape } from './option-schemas.ts';
import { type CheckedTask, checkTask } from './parse-run-task.ts';
import type { RunScope } from './run-scope.ts';
import type { TelemetrySetup } from './run-telemetry.ts';
import type { SpanStart } from './trace-recorder.ts';

/** What an executor or `createTierup` fixes once, from its options, for all its runs. */
export interface PipelineConfig {
  /** Tools of every run, besides each task's own. */
  readonly tools: readonly AnyTool[];
  /** Default budgets; a run's options override them. */
  readonly budgets: ResolvedBudgets;
  readonly prices: PriceTable;
  /** Default security settings; a run's own replace them one by one. */
  readonly security: SecurityOptions;
  /** What the model reads of a tool that threw; by default its error, addresses and paths removed. */
  readonly toolErrorMessage?: ToolErrorMessage | undefined;
  /** The caller's tracing (OpenTelemetry), when configured. */
  readonly telemetry?: TelemetrySetup | undefined;
}

/** What a run does once its task is checked: the one part that differs between callers. */
export interface RunPlan {
  /** The tier the run starts on (for a partial result of a run that fails at once). */
  readonly tier: Tier;
  /** The run's outermost span: the executor's tier, or the facade's whole run. */
  readonly span: SpanStart;
  /** Every model the run may call, checked for a price when the run has `maxCostUsd`. */
  readonly models: readonly (LanguageModel | undefined)[];
  /** Produces the output inside the span. */
  run(scope: RunScope, spanId: string): Promise<unknown>;
}

/** One call of `run` or `stream`. */
export interface RunCall {
  readonly task: RunTask<unknown> | string;
  readonly options: RunOptions;
  readonly emit?: ((event: RunEvent<unknown>) => void) | undefined;
  readonly stop?: AbortSignal | undefined;
  /** Lifecycle callbacks told of the run's events (given by `createTierup`, which reads them). */
  readonly lifecycle?: readonly Lifecycle[] | undefined;
  /** The run's journal, for a durable run (given by `createTierup`, with the run's id). */
  readonly journal?: RunRecorder | undefined;
}

/**
 * The run pipeline, the one sequence every run goes through: check the run's options and task
 * (parsed once), resolve its budgets over the defaults, check prices, set up its security, then
 * drive it: the input guardrails, the plan's work inside its span, the output guardrails, and a
 * result with usage, trace and audit (or an error with `partial`).
 * @throws {InvalidConfigError} | {InvalidTaskError} before anything runs.
 */
export async function runPipeline<Output>(
  config: PipelineConfig,
  call: RunCall,
  plan: (task: CheckedTask) => RunPlan,
): Promise<RunResult<Output>> {
  parseOptions(RunOptionsShape, call.options);
  const { signal, runId, settings, policy, approve, guardrails, permit, owner, ...budgets } =
    call.options;
  const task = checkTask(call.task, config.tools);
  const input = task.prepared.input;
  const security = createRunSecurity(
    { policy, approve, guardrails, permit, owner },
    config.security,
    input,
  );
  const resolved = resolveBudgets(budgets, '', config.budgets);
  const planned = plan(task);
  checkPriced(resolved.maxCostUsd, planned.models, config.prices);
  // The binding imports an optional peer: loaded on the first run, then at hand.
  const telemetry =
    config.telemetry && (config.telemetry.loaded ?? (await config.telemetry.load()));
  const { prices, toolErrorMessage } = config;
  const { emit, stop, lifecycle, journal } = call;
  const setup = {
    budgets: resolved,
    prices,
    security,
    tier: planned.tier,
    signal,
    settings,
    toolErrorMessage,
  };
  const drive = { ...setup, runId, emit, stop, lifecycle, telemetry, journal };
  return driveRun<Output>(drive, async (scope) => {
    await scope.security.check('input', input, { signal: scope.signal });
    const spanId = scope.trace.open(planned.span);
    try {
      const output = await planned.run(scope, spanId);
      await scope.security.check('output', output, { signal: scope.signal });
      scope.trace.telemetry?.used(scope.usage.snapshot());
      scope.trace.close(spanId);
      return output;
    } catch (error) {
      scope.trace.telemetry?.used(scope.usage.snapshot());
      scope.trace.close(spanId, { error });
      throw error;
    }
  });
}

/** `run` and `stream` of one pipeline: the same run, returned whole or reported as it happens. */
export function runAndStream<Options extends RunOptions>(
  execute: (call: RunCall & { readonly options: Options }) => Promise<RunResult<unknown>>,
) {
  return {
    run: <Output>(task: RunTask<Output> | string, options = {} as Options) =>
      execute({ task: task as RunTask<unknown>, options }) as Promise<RunResult<Output>>,
    stream: <Output>(task: RunTask<Output> | string, options = {} as Options) =>
      streamRun<Output>(
        (emit, stop) =>
          execute({ task: task as RunTask<unknown>, options, emit, stop }) as Promise<
            RunResult<Output>
          >,
      ),
  };
}
