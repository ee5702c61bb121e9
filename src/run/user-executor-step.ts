import { BudgetExceededError, partialOf, RunError, setPartial } from '../core/errors.ts';
import type { Executor, RunOptions, RunTask } from '../core/executor.ts';
import type { PartialRun, RunResult } from '../core/run-result.ts';
import { priorAttemptsNote } from '../prompts/system-prompt.ts';
import type { RunScope } from './run-scope.ts';
import type { PreparedTask, TierStep } from './tier-step.ts';

/**
 * A user's own {@link Executor} as a step of a tierup run: it gets the task (what lower tiers
 * tried added to its instructions), the run's signal, policy, approver and what is left of its
 * budgets; its usage, trace and audit join the run's, and its {@link EscalationRequired}
 * escalates like a built-in tier's.
 */
export function userExecutorStep(executor: Executor): TierStep {
  return async (task, scope, parentId) => {
    let result: RunResult<unknown>;
    try {
      result = await executor.run(toRunTask(task), remainingOptions(scope));
    } catch (error) {
      const partial = error instanceof RunError ? partialOf(error) : undefined;
      if (partial !== undefined) {
        joinRun(scope, partial, parentId);
        // The run's own partial result, with this executor's share in it, replaces its own,
        // escalations included: one that ends the run at the cap reports the whole run.
        setPartial(error as RunError, undefined);
      }
      throw error;
    }
    joinRun(scope, result, parentId);
    scope.report.modelFinished(result.finishReason, result.warnings);
    return result.output;
  };
}

function toRunTask(task: PreparedTask): RunTask<unknown> {
  const instructions = [task.instructions?.trim(), priorAttemptsNote(task.priorAttempts)]
    .filter(Boolean)
    .join('\n\n');
  return {
    input: task.input,
    tools: task.tools,
    history: task.history,
    ...(task.output ? { output: task.output } : {}),
    ...(instructions ? { instructions } : {}),
  };
}

/**
 * The run's options for the executor: what its budgets leave, its signal (which carries the
 * run's time limit), policy, approver, permits and owner. Guardrails stay with the run, which checks the input
 * and output itself.
 * @throws {BudgetExceededError} when a budget is spent already.
 */
function remainingOptions(scope: RunScope): RunOptions {
  const { budgets, usage, report } = scope;
  const left = (budget: 'maxAgents' | 'maxTokens' | 'maxCostUsd', limit: number, used: number) => {
    if (limit - used > 0) return limit - used;
    throw new BudgetExceededError(budget, limit, used, `the run used ${used} before this tier`);
  };
  const cost = usage.costUsd;
  return {
    signal: scope.signal,
    ...(scope.settings ? { settings: scope.settings } : {}),
    policy: scope.security.policy,
    ...(scope.security.approve ? { approve: scope.security.approve } : {}),
    ...(scope.security.permit.length > 0 ? { permit: scope.security.permit } : {}),
    ...(scope.security.owner ? { owner: scope.security.owner } : {}),
    maxSteps: budgets.maxSteps,
    maxPlanRounds: budgets.maxPlanRounds,
    maxConcurrency: budgets.maxConcurrency,
    toolTimeoutMs: budgets.toolTimeoutMs,
    agentTimeoutMs: budgets.agentTimeoutMs,
    maxAgents: left('maxAgents', budgets.maxAgents, report.agentsStarted),
    ...(budgets.maxTokens === undefined
      ? {}
      : { maxTokens: left('maxTokens', budgets.maxTokens, usage.tokens) }),
    ...(budgets.maxCostUsd === undefined || cost === null
      ? {}
      : { maxCostUsd: left('maxCostUsd', budgets.maxCostUsd, cost) }),
  };
}

/** What another run (a user's executor, a subtask on a worker) used and did. */
export type JoinedRun = Pick<PartialRun, 'usage' | 'trace' | 'audit' | 'output'> & {
  readonly toolErrors?: PartialRun['toolErrors'] | undefined;
};

/**
 * Adds what another run used and did to this run, under the span `parentId`: its agents counted
 * for `maxAgents`, and its audit entries and tool errors pointing at their spans in this run's
 * trace. Returns each of its span ids' new one.
 */
export function joinRun(
  scope: RunScope,
  run: JoinedRun,
  parentId: string,
): ReadonlyMap<string, string> {
  for (const span of run.trace) if (span.type === 'agent') scope.report.agentStarted();
  scope.usage.merge(run.usage);
  const ids = scope.trace.adopt(run.trace, parentId);
  const moved = <T extends { readonly spanId: string }>(item: T): T => ({
    ...item,
    spanId: ids.get(item.spanId) ?? item.spanId,
  });
  scope.security.audit.push(...run.audit.map(moved));
  // An executor written outside tierup may return no `toolErrors`.
  for (const error of run.toolErrors ?? []) scope.report.toolFailed(moved(error));
  if (run.output !== undefined) scope.report.output(run.output);
  return ids;
}
