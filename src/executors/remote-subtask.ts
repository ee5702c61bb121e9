import type { SubtaskOutcome, SubtaskRequest, SubtaskTool } from '../core/engine.ts';
import { BudgetExceededError } from '../core/errors.ts';
import type { AnyTool } from '../core/tool.ts';
import { joinRun } from '../run/user-executor-step.ts';
import type { Subtask } from './plan.ts';
import type { TeamRun } from './run-plan.ts';
import type { ResolvedSpecialist } from './specialists.ts';
import { fromRemoteError, SubtaskFailed } from './subtask-failure.ts';

/**
 * A specialist's work on the run's engine: the subtask goes out as a {@link SubtaskRequest}, and
 * what the worker used and did joins the run (usage, trace under the agent's span, audit, tool
 * errors, ledger entries, placeholders), as if it had run here.
 * @throws the run-ending error the worker hit (a budget, a guardrail, ...), or
 * {@link SubtaskFailed} with what the manager is told.
 */
export async function remoteWork(
  team: TeamRun,
  subtask: Subtask,
  specialist: ResolvedSpecialist,
  content: string,
  spanId: string,
  signal: AbortSignal,
  sensitive: boolean,
): Promise<{ readonly text: string; readonly output: unknown }> {
  const { engine } = team;
  if (engine === undefined) throw new Error('remoteWork needs an engine');
  const request = subtaskRequest(team, subtask, specialist, content, sensitive);
  const outcome = await engine.runSubtask(request, { signal });
  joinOutcome(team, outcome, spanId);
  if (outcome.status === 'ok') return { text: outcome.text ?? '', output: outcome.output };
  if (outcome.status === 'fatal' && outcome.error) throw fromRemoteError(outcome.error);
  throw new SubtaskFailed(outcome.why ?? `failed on the ${engine.name} engine`);
}

/** What a worker needs to run the subtask, and nothing more of the run. */
export function subtaskRequest(
  team: TeamRun,
  subtask: Subtask,
  specialist: ResolvedSpecialist,
  content: string,
  sensitive: boolean,
): SubtaskRequest {
  const { ctx } = team;
  const { security, usage, budgets } = ctx;
  // A specialist without tools makes no call the ledger is asked about: it gets none of it.
  const tools = specialist.tools.length > 0;
  const spent = {
    tokens: usage.tokens + usage.reservedTokens,
    usd: (usage.costUsd ?? 0) + usage.reservedUsd,
  };
  const left = (budget: 'maxTokens' | 'maxCostUsd', limit: number | undefined, used: number) => {
    if (limit !== undefined && limit - used <= 0) {
      throw new BudgetExceededError(
        budget,
        limit,
        used,
        `the run used ${used} before this subtask`,
      );
    }
  };
  left('maxTokens', budgets.maxTokens, spent.tokens);
  left('maxCostUsd', budgets.maxCostUsd, spent.usd);
  return {
    version: 1,
    runId: ctx.runId,
    subtask: {
      id: subtask.id,
      specialist: subtask.specialist,
      task: subtask.task,
      dependsOn: subtask.dependsOn,
      ...(subtask.extract ? { extract: subtask.extract } : {}),
    },
    specialist: {
      name: specialist.name,
      system: [team.instructions?.trim(), specialist.instructions].filter(Boolean).join('\n\n'),
      tools: specialist.tools.map(toolFlags),
      quarantined: specialist.quarantined,
    },
    content,
    sensitive,
    boundary: team.boundary,
    placeholders: team.boundary ? [...team.placeholders] : [],
    userInput: tools ? security.userInput : '',
    ledger: tools ? security.ledger.records() : [],
    permit: security.permit,
    owner: security.owner,
    budgets,
    spent,
    settings: ctx.settings,
    streaming: ctx.streaming,
    journaled: ctx.journal !== undefined,
  };
}

/** A tool's name and the flags the security checks read, as the run knows them. */
export function toolFlags(tool: AnyTool): SubtaskTool {
  return {
    name: tool.name,
    domain: tool.domain,
    untrustedInput: tool.untrustedInput,
    sensitiveData: tool.sensitiveData,
    sideEffects: tool.sideEffects,
    openWorld: tool.openWorld === true,
  };
}

/** Adds what the worker used and did to the run, under the agent's span. */
function joinOutcome(team: TeamRun, outcome: SubtaskOutcome, spanId: string): void {
  const { ctx } = team;
  const ids = joinRun(
    ctx,
    {
      usage: outcome.usage,
      trace: outcome.trace,
      audit: outcome.audit,
      toolErrors: outcome.toolErrors,
      output: outcome.text,
    },
    spanId,
  );
  ctx.security.ledger.replay(outcome.ledger);
  for (const [key, value] of outcome.placeholders) team.placeholders.set(key, value);
  for (const event of outcome.events) {
    ctx.emit(
      'spanId' in event ? { ...event, spanId: ids.get(event.spanId) ?? event.spanId } : event,
    );
  }
}
