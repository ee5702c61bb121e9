import { BudgetExceededError, InvalidConfigError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { runAgentLoop } from './agent-loop.ts';
import { asAgent } from './agent-span.ts';
import { callModel } from './call-model.ts';
import { createLimiter } from './limiter.ts';
import { type Plan, planSchema, type Subtask } from './plan.ts';
import { systemPrompt } from './prompts.ts';
import type { PreparedTask, RunContext } from './run-context.ts';
import { type ResolvedSpecialist, resolveSpecialists, type Specialist } from './specialists.ts';
import { callForOutput } from './structured-output.ts';
import type { TierRunner } from './tier-runner.ts';
import { describeError } from './trace-recorder.ts';
import { untilAborted } from './until-aborted.ts';

/** Options of {@link multiAgentRunner}. */
export interface MultiAgentRunnerOptions {
  /** The manager's model. */
  readonly model: LanguageModel;
  /** The specialists' model, unless a specialist has its own. @default model */
  readonly specialistModel?: LanguageModel | undefined;
  readonly specialists?: readonly Specialist[] | undefined;
  readonly instructions?: string | undefined;
}

/** How one subtask ended, as the manager sees it. */
interface SubtaskResult {
  readonly subtask: Subtask;
  readonly ok: boolean;
  /** The specialist's answer, or why it failed. */
  readonly text: string;
}

const MANAGER = 'manager';

/**
 * The multi-agent tier: a manager that owns the final answer plans subtasks for specialists
 * (structured output), runs independent ones at once (up to `maxConcurrency`) and dependent ones
 * after what they depend on, then writes the answer from their results. Each specialist holds only
 * its own tools and sees only its subtask and the results it depends on. A specialist that fails
 * or passes `agentTimeoutMs` does not stop the others: the manager is told which failed and why.
 */
export function multiAgentRunner(options: MultiAgentRunnerOptions): TierRunner {
  const { model, instructions } = options;
  const specialistModel = options.specialistModel ?? model;
  return {
    tier: 'multi-agent',
    execute: (task, ctx, parentId) =>
      asAgent(ctx, { name: MANAGER, tier: 'multi-agent', parentId }, async (spanId) => {
        const specialists = resolveSpecialists(
          options.specialists ?? [],
          task.tools,
          specialistModel,
        );
        const call = { agent: MANAGER, tier: 'multi-agent' as const, parentId: spanId, model };
        const plan = (await callForOutput(
          ctx,
          {
            ...call,
            request: {
              system: systemPrompt(instructions, planRole(specialists), task),
              messages: [...task.history, { role: 'user', content: task.input }],
            },
          },
          planSchema(specialists, Math.max(0, ctx.budgets.maxAgents - ctx.agentsStarted)),
        )) as Plan;
        if (ctx.agentsStarted + plan.subtasks.length > ctx.budgets.maxAgents) {
          throw new BudgetExceededError(
            'maxAgents',
            ctx.budgets.maxAgents,
            ctx.agentsStarted + plan.subtasks.length,
            `the plan has ${plan.subtasks.length} subtasks`,
          );
        }
        const results = await runPlan(ctx, plan, specialists, spanId);
        const synthesis = {
          ...call,
          request: {
            system: systemPrompt(instructions, SYNTHESIS_ROLE, task),
            messages: [
              ...task.history,
              { role: 'user' as const, content: synthesisPrompt(task, results) },
            ],
          },
        };
        if (task.output !== undefined) return callForOutput(ctx, synthesis, task.output);
        const answer = await callModel(ctx, synthesis);
        ctx.lastOutput = answer.text;
        return answer.text;
      }),
  };
}

function planRole(specialists: readonly ResolvedSpecialist[]): string {
  const list = specialists
    .map(
      (s) =>
        `- ${s.name}: ${s.description}${s.tools.length ? ` Tools: ${s.tools.map((t) => t.name).join(', ')}.` : ''}`,
    )
    .join('\n');
  return `You are the manager of a team of specialists. Plan the request as subtasks for them:\n${list}\nGive each subtask everything it needs in its \`task\` text: a specialist sees only its subtask and the results of the subtasks it depends on (\`dependsOn\`). Subtasks that do not depend on each other run at the same time. Use as few subtasks as the request needs; an empty list means you answer it yourself. Answer with the plan as JSON.`;
}

const SYNTHESIS_ROLE =
  'You are the manager of a team of specialists. Write the final answer to the request from their results. Where a subtask failed, say what is missing rather than inventing it.';

function synthesisPrompt(task: PreparedTask, results: readonly SubtaskResult[]): string {
  if (results.length === 0) return task.input;
  const lines = results.map(
    ({ subtask, ok, text }) =>
      `[${subtask.id}] ${subtask.specialist} (${ok ? 'done' : 'FAILED'}): ${text}`,
  );
  return `Request:\n${task.input}\n\nResults of the subtasks:\n${lines.join('\n\n')}`;
}

async function runPlan(
  ctx: RunContext,
  plan: Plan,
  specialists: readonly ResolvedSpecialist[],
  managerSpan: string,
): Promise<SubtaskResult[]> {
  const byName = new Map(specialists.map((s) => [s.name, s]));
  const byId = new Map(plan.subtasks.map((s) => [s.id, s]));
  const limit = createLimiter(ctx.budgets.maxConcurrency);
  const started = new Map<string, Promise<SubtaskResult>>();
  const settle = (subtask: Subtask): Promise<SubtaskResult> => {
    let promise = started.get(subtask.id);
    if (promise === undefined) {
      promise = (async () => {
        const deps = await Promise.all(
          subtask.dependsOn.flatMap((id) => {
            const dep = byId.get(id);
            return dep ? [settle(dep)] : [];
          }),
        );
        const failed = deps.find((dep) => !dep.ok);
        if (failed) {
          return {
            subtask,
            ok: false,
            text: `not run: subtask ${failed.subtask.id} it depends on failed`,
          };
        }
        const specialist = byName.get(subtask.specialist);
        if (specialist === undefined) throw new Error(`unknown specialist ${subtask.specialist}`);
        return limit(() => runSubtask(ctx, subtask, specialist, deps, managerSpan));
      })();
      started.set(subtask.id, promise);
    }
    return promise;
  };
  return Promise.all(plan.subtasks.map(settle));
}

async function runSubtask(
  ctx: RunContext,
  subtask: Subtask,
  specialist: ResolvedSpecialist,
  deps: readonly SubtaskResult[],
  managerSpan: string,
): Promise<SubtaskResult> {
  const { agentTimeoutMs } = ctx.budgets;
  const timeout = AbortSignal.timeout(agentTimeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const context = deps.map((dep) => `[${dep.subtask.id}] ${dep.subtask.specialist}: ${dep.text}`);
  const content = context.length
    ? `${subtask.task}\n\nResults you depend on:\n${context.join('\n\n')}`
    : subtask.task;
  try {
    const answer = await asAgent(
      ctx,
      { name: specialist.name, tier: 'multi-agent', parentId: managerSpan },
      (spanId) =>
        untilAborted(
          runAgentLoop(
            ctx,
            {
              name: specialist.name,
              tier: 'multi-agent',
              parentId: spanId,
              model: specialist.model,
              system: specialist.instructions,
              tools: specialist.tools,
              limit: createLimiter(ctx.budgets.maxConcurrency),
              signal,
            },
            [{ role: 'user', content }],
          ),
          signal,
        ),
    );
    return { subtask, ok: true, text: answer.text };
  } catch (error) {
    // The run's own stop (abort, time limit, budget) and a misconfiguration end the run.
    if (
      ctx.signal.aborted ||
      error instanceof BudgetExceededError ||
      error instanceof InvalidConfigError
    ) {
      throw error;
    }
    const why = timeout.aborted ? `timed out after ${agentTimeoutMs} ms` : describeError(error);
    return { subtask, ok: false, text: `failed: ${why}` };
  }
}
