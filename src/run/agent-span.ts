import { BudgetExceededError } from '../core/errors.ts';
import type { Tier } from '../core/tier.ts';
import type { RunScope } from './run-scope.ts';

/**
 * Runs `work` as one agent of the run: counts it against `maxAgents`, records its span,
 * reports its start and end, and passes its output (`outputOf` its result) through the
 * `agentOutput` guardrails.
 * @throws {BudgetExceededError} `maxAgents` before the agent starts, when the run has no room left.
 */
export async function asAgent<T>(
  ctx: RunScope,
  agent: { readonly name: string; readonly tier: Tier; readonly parentId: string },
  work: (spanId: string) => Promise<T>,
  outputOf: (result: T) => unknown = (result) => result,
): Promise<T> {
  const { maxAgents } = ctx.budgets;
  if (ctx.report.agentsStarted >= maxAgents) {
    throw new BudgetExceededError(
      'maxAgents',
      maxAgents,
      ctx.report.agentsStarted + 1,
      `agent \`${agent.name}\` would be agent ${ctx.report.agentsStarted + 1}`,
    );
  }
  ctx.report.agentStarted();
  const { name, tier } = agent;
  const spanId = ctx.trace.open({
    type: 'agent',
    name,
    tier,
    agent: name,
    parentId: agent.parentId,
  });
  ctx.emit({ type: 'agent-start', agent: name, tier });
  try {
    const result = await work(spanId);
    await ctx.security.check('agent-output', outputOf(result), { agent: name, signal: ctx.signal });
    ctx.trace.close(spanId);
    ctx.emit({ type: 'agent-end', agent: name, tier, status: 'ok' });
    return result;
  } catch (error) {
    ctx.trace.close(spanId, { error });
    ctx.emit({
      type: 'agent-end',
      agent: name,
      tier,
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
