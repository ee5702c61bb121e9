import { type Budgets, resolveBudgets } from '../core/budgets.ts';
import { InvalidConfigError } from '../core/errors.ts';
import type { Executor, RunOptions, RunTask } from '../core/executor.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { RunResult } from '../core/run-result.ts';
import type { SecurityOptions } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import {
  createPriceTable,
  type PriceTable,
  type PriceTableOptions,
} from '../pricing/price-table.ts';
import { agentRunner } from './agent-executor.ts';
import {
  checkModel,
  checkPriced,
  checkRunOptions,
  checkSpecialists,
  checkTools,
} from './check-options.ts';
import { directRunner } from './direct-executor.ts';
import { driveRun, streamRun } from './drive-run.ts';
import { multiAgentRunner } from './multi-agent-executor.ts';
import { checkTask } from './prepare-task.ts';
import { checkSecurityOptions, createRunSecurity } from './run-security.ts';
import type { Specialist } from './specialists.ts';
import type { TierRunner } from './tier-runner.ts';

/** Options shared by the three executors. */
export interface ExecutorOptions extends SecurityOptions {
  /** The model the tier calls (for multi-agent, the manager's). */
  readonly model: LanguageModel;
  /** The service's own system prompt, put before the tier's. */
  readonly instructions?: string;
  /** Tools for every run, besides the task's own. @default [] */
  readonly tools?: readonly AnyTool[];
  /** Default budgets of a run; a run's options override them. */
  readonly budgets?: Budgets;
  /** Prices to add to or override in the built-in table (see docs/costs.md). */
  readonly prices?: PriceTableOptions['prices'];
}

/** Options of {@link multiAgentExecutor}. */
export interface MultiAgentExecutorOptions extends ExecutorOptions {
  /** Declared specialists; tools no specialist holds get one specialist per domain. @default [] */
  readonly specialists?: readonly Specialist[];
  /** The specialists' model, unless a specialist has its own. @default model */
  readonly specialistModel?: LanguageModel;
  /**
   * When to enforce the security boundary (docs/security.md): `auto` when the run's tools hold
   * untrusted content, sensitive data and side effects together. @default 'auto'
   */
  readonly boundary?: 'auto' | 'always' | 'off';
}

/**
 * The direct tier alone: one model call. Throws {@link EscalationRequired} when the model says it
 * needs a tool or data it lacks, or structured output fails twice.
 *
 * @example
 * const direct = directExecutor({ model });
 * const { output } = await direct.run('Summarize this paragraph: ...');
 */
export function directExecutor(options: ExecutorOptions): Executor {
  assertObject(options);
  return toExecutor(directRunner(options), options);
}

/**
 * The agent tier alone: one agent with every tool, in a tool loop of at most `maxSteps` calls.
 *
 * @example
 * const agent = agentExecutor({ model, tools: [getOrder] });
 * const { output, trace } = await agent.run('Where is order 30418?');
 */
export function agentExecutor(options: ExecutorOptions): Executor {
  assertObject(options);
  return toExecutor(agentRunner(options), options);
}

/**
 * The multi-agent tier alone: a manager plans subtasks for specialists, runs them (independent
 * ones at once), and writes the answer from their results.
 *
 * @example
 * const team = multiAgentExecutor({ model, tools: [getOrder, refundPayment] });
 * const { output, usage } = await team.run('Refund order 30418 and email the customer.');
 */
export function multiAgentExecutor(options: MultiAgentExecutorOptions): Executor {
  assertObject(options);
  return toExecutor(multiAgentRunner(options), options);
}

function assertObject(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidConfigError([
      { path: '', message: 'options must be an object with a `model`' },
    ]);
  }
}

function toExecutor(runner: TierRunner, options: ExecutorOptions): Executor {
  checkModel(options.model, 'model', { tools: runner.tier !== 'direct' });
  if (options.instructions !== undefined && typeof options.instructions !== 'string') {
    throw new InvalidConfigError([{ path: 'instructions', message: 'must be a string' }]);
  }
  const team = options as MultiAgentExecutorOptions;
  if (team.boundary !== undefined && !['auto', 'always', 'off'].includes(team.boundary)) {
    throw new InvalidConfigError([
      { path: 'boundary', message: 'must be "auto", "always" or "off"' },
    ]);
  }
  checkSpecialists(team.specialists);
  if (team.specialistModel !== undefined)
    checkModel(team.specialistModel, 'specialistModel', { tools: true });
  const models = [
    options.model,
    team.specialistModel,
    ...(team.specialists ?? []).map((s) => s.model),
  ];
  const prices = createPriceTable(options.prices ? { prices: options.prices } : {});
  const tools = checkTools(options.tools);
  const defaults = resolveBudgets(options.budgets, 'budgets');
  checkSecurityOptions(options);
  const execute = async <Output>(
    task: RunTask<Output> | string,
    runOptions: RunOptions,
    emit?: (event: RunEvent<unknown>) => void,
    stop?: AbortSignal,
  ): Promise<RunResult<Output>> => {
    checkRunOptions(runOptions);
    const { signal, policy, approve, guardrails, ...budgets } = runOptions;
    const { prepared } = checkTask(task as RunTask<unknown>, tools);
    const resolved = resolveBudgets(budgets, '', defaults);
    checkPriced(resolved.maxCostUsd, models, prices);
    const security = createRunSecurity({ policy, approve, guardrails }, options, prepared.input);
    return driveRun<Output>(
      {
        budgets: resolved,
        prices,
        security,
        tier: runner.tier,
        signal,
        ...(emit ? { emit } : {}),
        ...(stop ? { stop } : {}),
      },
      async (ctx) => {
        await ctx.security.check('input', prepared.input, { signal: ctx.signal });
        const spanId = ctx.trace.open({ type: 'tier', name: runner.tier, tier: runner.tier });
        try {
          const output = await runner.execute(
            { ...prepared, canEscalate: runner.tier !== 'multi-agent' },
            ctx,
            spanId,
          );
          await ctx.security.check('output', output, { signal: ctx.signal });
          ctx.trace.close(spanId);
          return output;
        } catch (error) {
          ctx.trace.close(spanId, { error });
          throw error;
        }
      },
    );
  };
  return {
    tier: runner.tier,
    run: (task, runOptions = {}) => execute(task, runOptions),
    stream: (task, runOptions = {}) =>
      streamRun((emit, stop) => execute(task, runOptions, emit, stop)),
  };
}

export type { PriceTable };
