import type { z } from 'zod';
import type { Budgets } from './budgets.ts';
import type { CallSettings, ModelMessage } from './language-model.ts';
import type { RunEvent } from './run-event.ts';
import type { RunResult } from './run-result.ts';
import type { SecurityOptions } from './security.ts';
import type { TaskHints } from './task.ts';
import type { Tier } from './tier.ts';
import type { AnyTool } from './tool.ts';

/**
 * A request to run: its text, the tools it may use (defined with `defineTool`, so they can run),
 * an optional zod schema for a typed output, and the router's hints.
 */
export interface RunTask<Output = string> {
  /** The request, as the user wrote it. */
  readonly input: string;
  /** Tools for this request, added to the ones given to `createTierup` (same name: this one wins). */
  readonly tools?: readonly AnyTool[];
  /** A zod schema: the output is parsed and validated against it, and typed by it. */
  readonly output?: z.ZodType<Output>;
  readonly hints?: TaskHints;
  /** Earlier turns of the conversation, oldest first; `input` is the newest user turn. */
  readonly history?: readonly ModelMessage[];
  /**
   * This request's own system instructions, after the executor's `instructions`. The direct and
   * agent tiers and the manager read them; specialists (who see only their subtask) and the
   * router do not.
   */
  readonly instructions?: string;
}

/**
 * Options of one run: its budgets, its abort signal, and security settings that replace the
 * executor's own (`policy`, `guardrails`) or that only a run can give (`approve`).
 */
export interface RunOptions extends Budgets, SecurityOptions {
  /** Aborts the run: every model call and tool in flight receives it. */
  readonly signal?: AbortSignal;
  /**
   * The run's id, on its result and lifecycle events: your request's id, to find the run by.
   * @default a random UUID
   */
  readonly runId?: string;
  /**
   * Model settings of every call of this run, over those of its tier and its model:
   * `{ temperature: 0, maxOutputTokens: 500 }` (docs/providers.md, "Model settings").
   */
  readonly settings?: CallSettings;
}

/**
 * One execution tier. The three executors (`directExecutor`, `agentExecutor`,
 * `multiAgentExecutor`) implement it, and so can you; `createTierup` routes between them.
 */
export interface Executor {
  readonly tier: Tier;
  /**
   * Runs the task on this tier.
   * @throws {EscalationRequired} when this tier cannot meet the task; `cause` says why.
   * @throws {BudgetExceededError} | {RunAbortedError} | {RunError}, each with `partial`.
   */
  run<Output = string>(
    task: RunTask<Output> | string,
    options?: RunOptions,
  ): Promise<RunResult<Output>>;
  /** Runs the task on this tier and reports each step as it happens; the last event is `run-finish`. */
  stream<Output = string>(
    task: RunTask<Output> | string,
    options?: RunOptions,
  ): AsyncIterable<RunEvent<Output>>;
}
