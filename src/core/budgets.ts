import { z } from 'zod';
import { InvalidConfigError } from './errors.ts';
import { toIssues } from './parse.ts';

/** Limits of one run. Each is checked before the step that would pass it. */
export const Budgets = z.strictObject({
  /** USD the run may spend; checked against an estimate before every model call. Needs known prices. */
  maxCostUsd: z.number().positive().optional(),
  /** Input plus output tokens the run may use; checked before every model call. */
  maxTokens: z.int().positive().optional(),
  /** Model calls one agent may make before it gives up (`max-steps`). @default 20 */
  maxSteps: z.int().min(1).max(1_000).optional(),
  /**
   * Plans the multi-agent tier's manager may make: the first, then, when it asks, more after
   * seeing what the subtasks found (their extracted fields). @default 3
   */
  maxPlanRounds: z.int().min(1).max(20).optional(),
  /** Agents a multi-agent run may start, the manager included. @default 16 */
  maxAgents: z.int().min(1).max(1_000).optional(),
  /** Specialists, and tool calls of one turn, run at once. @default 4 */
  maxConcurrency: z.int().min(1).max(256).optional(),
  /** Time limit of the whole run, escalations included. @default 600000 */
  timeoutMs: z.int().min(1).max(86_400_000).optional(),
  /** Time limit of one tool call; the tool's signal fires when it passes. @default 30000 */
  toolTimeoutMs: z.int().min(1).max(3_600_000).optional(),
  /** Time limit of one specialist's work; the manager sees it failed. @default 120000 */
  agentTimeoutMs: z.int().min(1).max(3_600_000).optional(),
});
export type Budgets = z.infer<typeof Budgets>;

/** Budgets with every default applied; the unlimited ones stay `undefined`. */
export interface ResolvedBudgets {
  readonly maxCostUsd: number | undefined;
  readonly maxTokens: number | undefined;
  readonly maxSteps: number;
  readonly maxPlanRounds: number;
  readonly maxAgents: number;
  readonly maxConcurrency: number;
  readonly timeoutMs: number;
  readonly toolTimeoutMs: number;
  readonly agentTimeoutMs: number;
}

/** The defaults, in one place. */
export const DEFAULT_BUDGETS = Object.freeze({
  maxSteps: 20,
  maxPlanRounds: 3,
  maxAgents: 16,
  maxConcurrency: 4,
  timeoutMs: 600_000,
  toolTimeoutMs: 30_000,
  agentTimeoutMs: 120_000,
});

const UNLIMITED: ResolvedBudgets = Object.freeze({
  ...DEFAULT_BUDGETS,
  maxCostUsd: undefined,
  maxTokens: undefined,
});

/**
 * Validates budgets given under `prefix` (`budgets` for options, '' for a run's own) and lays them
 * over `base`: the defaults, or budgets resolved before.
 * @throws {InvalidConfigError} naming the budget at fault, e.g. `budgets.maxSteps`.
 */
export function resolveBudgets(
  value: unknown,
  prefix = '',
  base: ResolvedBudgets = UNLIMITED,
): ResolvedBudgets {
  if (value === undefined) return base;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return base;
  const result = Budgets.safeParse(value);
  if (!result.success) {
    throw new InvalidConfigError(toIssues(result.error, prefix === '' ? undefined : prefix));
  }
  return Object.freeze({ ...base, ...definedOnly(result.data) });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
