import type { Decision } from '../core/decision.ts';
import type { ModelResponse } from '../core/language-model.ts';
import type { TaskHints } from '../core/task.ts';
import type { Tier } from '../core/tier.ts';
import type { ToolError } from '../core/tool-error.ts';

/**
 * Where a durable run writes what it did, so that another process can resume it
 * (`tierup.resume(runId)`): every model call's response and every tool call's outcome, each under
 * its own key in the run's journal. `memoryJournal()` keeps journals in this process (tests, one
 * process); `redisJournal({ connection })` from `tierup/bullmq` keeps them in Redis.
 *
 * **Keys** are deterministic, never a global order (a multi-agent run's subtasks run at once):
 * - `<path>/model:<n>`: the n-th model call (from 1) of the agent at `<path>`;
 * - `<path>/tool:<n>:<callId>`: a tool call that agent's n-th model call asked for;
 * - `run/decision`: the router's decision and the tier the run started on.
 *
 * A model call that failed is journaled too (`model-error`), unless the run itself stopped it.
 *
 * `<path>` is the tier, then the agent: `direct/direct`, `agent/agent`, `multi-agent/manager`,
 * and `multi-agent/subtask:<subtaskId>:<specialist>` for a specialist's work on one subtask (its
 * tool loop, then a quarantined reader's hand-off). Build keys with the helpers of
 * `journal-keys.ts`, not by hand.
 *
 * **Writes**: a model call's entry is written once its response is in, before the run goes on; a
 * side-effect tool's `tool-started` entry is written BEFORE the tool runs, and replaced by its
 * `tool-finished` entry once it returns; a tool without side effects gets only `tool-finished`.
 * Each method resolves once the store holds the write; a rejected write fails the run.
 *
 * Implementations store JSON (`JSON.stringify` of the entries); entries are plain data.
 */
export interface RunJournal {
  /**
   * Opens the journal of a new run with what is needed to resume it.
   * @returns `false` (and changes nothing) when the journal already holds a run with this id.
   */
  begin(runId: string, run: JournaledRun): Promise<boolean>;
  /** Everything the journal holds of a run, or `undefined` when it holds nothing (never begun, or expired). */
  read(runId: string): Promise<JournalContents | undefined>;
  /** Writes (or replaces) the entry under `key` of the run's journal. */
  write(runId: string, key: string, entry: JournalEntry): Promise<void>;
  /** Records how the run ended. Its entries are kept (a resume replays them) until they expire. */
  end(runId: string, end: RunEnd): Promise<void>;
  /**
   * Optional, for a journal shared by processes that run parts of one run at once (workers):
   * reserves, atomically against what every process spent and reserved for the run, what the model
   * call under `key` may use, before it is made. A reservation under a key that already holds one
   * (the same call made again after a crash) replaces it.
   * @returns `{ ok: false }`, reserving nothing, when the reservation would pass one of `limits`.
   */
  reserve?(
    runId: string,
    key: string,
    amount: BudgetAmount,
    limits: BudgetLimits,
  ): Promise<BudgetReservation>;
  /**
   * Optional, with `reserve`: counts what the call under `key` used and frees its reservation.
   * Settling a key already settled changes nothing (a resumed run settles its replayed calls
   * again, so a reservation its crashed process left is freed).
   */
  settle?(runId: string, key: string, used: BudgetAmount): Promise<void>;
}

/** Tokens and dollars of a model call. */
export interface BudgetAmount {
  readonly tokens: number;
  readonly usd: number;
}

/** A run's limits, as its budgets set them (`undefined`: no limit). */
export interface BudgetLimits {
  readonly maxTokens?: number | undefined;
  readonly maxCostUsd?: number | undefined;
}

/** The answer of {@link RunJournal.reserve}: reserved, or which limit it would pass. */
export type BudgetReservation =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly limit: 'maxTokens' | 'maxCostUsd';
      /** What every process of the run spent and reserved of that limit's unit, before this call. */
      readonly committed: number;
    };

/** What a journal holds of one run. */
export interface JournalContents {
  readonly run: JournaledRun;
  readonly entries: ReadonlyMap<string, JournalEntry>;
  /** Set once the run ended. */
  readonly end?: RunEnd;
}

/** The task and options a run was started with, as far as they are data (tools and models are not). */
export interface JournaledRun {
  /** The format of the record. */
  readonly version: 1;
  /** When the run began, in milliseconds since the epoch. */
  readonly startedAt: number;
  readonly task: JournaledTask;
  /**
   * The run's options that are plain data (budgets, `settings`, `sessionId`, `textDeltas`, ...):
   * callbacks, signals and other objects are left out; `resume` takes them again.
   */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A run's task as journaled: its tools by name; whether it had an output schema. */
export interface JournaledTask {
  readonly input: string;
  readonly hints?: TaskHints;
  readonly history?: readonly unknown[];
  readonly instructions?: string;
  /** The names of the task's own tools (besides `createTierup`'s): `resume` must be given them. */
  readonly tools: readonly string[];
  /** The task had an output schema: `resume` must be given it again (`output`). */
  readonly output: boolean;
}

/** How a run ended. */
export interface RunEnd {
  readonly status: 'finished' | 'failed';
  /** In milliseconds since the epoch. */
  readonly at: number;
  /** The error's code, for a failed run (`in-doubt`, `budget-exceeded`, ...). */
  readonly code?: string;
}

/** One entry of a run's journal. */
export type JournalEntry =
  | ModelCallEntry
  | ModelErrorEntry
  | ToolStartedEntry
  | ToolFinishedEntry
  | DecisionEntry;

/** A model call answered: its response, replayed instead of calling the model again. */
export interface ModelCallEntry {
  readonly type: 'model';
  readonly response: ModelResponse;
}

/**
 * A model call failed (not by the run's own stop): replayed as the same failure, so a run that went
 * on without it (a subtask that failed, the manager answering anyway) goes the same way again;
 * made again for real when a run that ended failed is resumed.
 */
export interface ModelErrorEntry {
  readonly type: 'model-error';
  readonly error: { readonly name: string; readonly message: string; readonly code?: string };
}

/** A tool with side effects was about to run (written before it ran). */
export interface ToolStartedEntry {
  readonly type: 'tool-started';
  readonly tool: string;
  readonly callId: string;
  /** The arguments it was called with, as checked. */
  readonly arguments: unknown;
  /** What the tool was given as `idempotencyKey`; a retry of an idempotent tool gets the same. */
  readonly idempotencyKey: string;
}

/** A tool call's outcome, replayed instead of running the tool again. */
export interface ToolFinishedEntry {
  readonly type: 'tool-finished';
  readonly tool: string;
  readonly callId: string;
  readonly outcome: RecordedToolOutcome;
}

/**
 * What a tool returned (`value`: the ledger and the `toolResult` guardrails see it again on
 * replay), or how it failed (`error`: what the model read).
 */
export type RecordedToolOutcome =
  | { readonly type: 'value'; readonly value: unknown }
  | {
      readonly type: 'error';
      readonly content: string;
      readonly failure: { readonly type: ToolError['type']; readonly error?: string };
    };

/** The router's decision and the tier the run started on (a sticky session's may be higher). */
export interface DecisionEntry {
  readonly type: 'decision';
  readonly decision: Decision;
  readonly startTier: Tier;
}
