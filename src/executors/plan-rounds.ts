import { BudgetExceededError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { systemPrompt } from '../prompts/system-prompt.ts';
import { planRole, replanPrompt } from '../prompts/team-prompts.ts';
import { callForOutput } from '../run/structured-output.ts';
import type { PreparedTask } from '../run/tier-step.ts';
import { checkPlanBoundary } from '../security/boundary.ts';
import { type Plan, planSchema, type Subtask } from './plan.ts';
import { runPlan, type SubtaskResult, type TeamRun } from './run-plan.ts';
import type { ResolvedSpecialist } from './specialists.ts';

/** The manager's part in planning: its model and span, the service's instructions. */
export interface Manager {
  readonly agent: string;
  readonly model: LanguageModel;
  readonly parentId: string;
  readonly instructions: string | undefined;
}

/**
 * The manager plans, the team runs the plan; when the plan asks (`replan`), the manager plans
 * again seeing what the subtasks found (a reader's fields, strings as placeholders, never its
 * raw text), up to `maxPlanRounds` plans. Each plan is checked against the boundary with the
 * subtasks before it, and against `maxAgents`, before it runs.
 * @returns the results of every subtask, in plan order.
 * @throws {BudgetExceededError} `maxAgents` | {BoundaryViolationError}
 */
export async function runPlanRounds(
  team: TeamRun,
  task: PreparedTask,
  specialists: readonly ResolvedSpecialist[],
  manager: Manager,
): Promise<SubtaskResult[]> {
  const { ctx, boundary } = team;
  const rounds = ctx.budgets.maxPlanRounds;
  const system = systemPrompt(manager.instructions, planRole(specialists, boundary, rounds), task);
  const ran: Subtask[] = [];
  const results: SubtaskResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    const content = round === 1 ? task.input : replanPrompt(task.input, results, round, rounds);
    const left = Math.max(0, ctx.budgets.maxAgents - ctx.report.agentsStarted);
    const plan = (await callForOutput(
      ctx,
      {
        agent: manager.agent,
        tier: 'multi-agent',
        parentId: manager.parentId,
        model: manager.model,
        request: { system, messages: [...task.history, { role: 'user', content }] },
      },
      planSchema(
        specialists,
        left,
        boundary,
        ran.map((s) => s.id),
      ),
    )) as Plan;
    const agents = ctx.report.agentsStarted + plan.subtasks.length;
    if (agents > ctx.budgets.maxAgents) {
      throw new BudgetExceededError(
        'maxAgents',
        ctx.budgets.maxAgents,
        agents,
        `the plan has ${plan.subtasks.length} subtasks`,
      );
    }
    if (boundary) checkPlanBoundary({ subtasks: [...ran, ...plan.subtasks] }, specialists);
    results.push(...(await runPlan(team, plan, specialists, results)));
    ran.push(...plan.subtasks);
    if (plan.replan !== true || plan.subtasks.length === 0) break;
  }
  return results;
}
