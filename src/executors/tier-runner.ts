import type { Tier } from '../core/tier.ts';
import type { PreparedTask, RunContext } from './run-context.ts';

/**
 * What an executor does inside a run: produce the output on its tier, sharing the run's state
 * (budgets, usage, trace) with the tiers before and after it.
 */
export interface TierRunner {
  readonly tier: Tier;
  /**
   * @returns the output: text, or the value parsed by the task's output schema.
   * @throws {EscalationRequired} when the tier cannot meet the task.
   */
  execute(task: PreparedTask, ctx: RunContext, parentId: string): Promise<unknown>;
}
