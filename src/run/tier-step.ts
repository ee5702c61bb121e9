import type { z } from 'zod';
import type { ModelMessage } from '../core/language-model.ts';
import type { AnyTool } from '../core/tool.ts';
import type { RunScope } from './run-scope.ts';

/** A task ready for a tier: tools resolved, output schema apart, what lower tiers tried. */
export interface PreparedTask {
  readonly input: string;
  readonly tools: readonly AnyTool[];
  readonly output: z.ZodType | undefined;
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

/**
 * What a tier does inside the run pipeline, the one part that differs between tiers: produce the
 * output, sharing the run's scope (budgets, usage, trace) with the tiers before and after it.
 * Every {@link Executor} is a tier step run by the pipeline; a user's own executor is wrapped in
 * one (see `user-executor-step.ts`).
 * @returns the output: text, or the value parsed by the task's output schema.
 * @throws {EscalationRequired} when the tier cannot meet the task.
 */
export interface TierStep {
  (task: PreparedTask, scope: RunScope, parentId: string): Promise<unknown>;
  /**
   * Whether the step may throw {@link EscalationRequired} for this task. A stream holds back the
   * text of a tier that may escalate; a step that says it cannot streams its text live.
   * @default any step may
   */
  readonly mayEscalate?: (task: PreparedTask) => boolean;
}
