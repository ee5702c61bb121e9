import type { ResolvedBudgets } from './budgets.ts';
import type { CallSettings } from './language-model.ts';
import type { RunEvent } from './run-event.ts';
import type { RunUsage, TraceSpan } from './run-result.ts';
import type { AuditEntry, Owner, Permit } from './security.ts';
import type { ToolError } from './tool-error.ts';

/**
 * Where the multi-agent tier runs its specialists' subtasks. Without one, each runs in the run's
 * own process; `bullmqEngine` (`tierup/bullmq`) sends each as a job to workers you start
 * (`startTierupWorker`). An engine only carries a {@link SubtaskRequest} to a worker and its
 * {@link SubtaskOutcome} back: plain data both ways, no tool and no model.
 */
export interface Engine {
  /** Names the engine in traces and errors, e.g. `bullmq`. */
  readonly name: string;
  /**
   * Runs one subtask on a worker and resolves with its outcome.
   * @throws when the subtask cannot be handed over or its worker failed; a subtask that ran and
   * failed resolves with `status: 'failed'`. Rejects on `signal`.
   */
  runSubtask(
    request: SubtaskRequest,
    options: { readonly signal: AbortSignal },
  ): Promise<SubtaskOutcome>;
}

/** One field a quarantined specialist hands on (the plan's `extract`). */
export interface SubtaskField {
  readonly name: string;
  readonly type: 'string' | 'number' | 'boolean' | 'enum' | 'list';
  readonly values: readonly string[];
  readonly items?: 'string' | 'number' | undefined;
}

/** A tool as the run knows it: its name and the flags its security checks read. */
export interface SubtaskTool {
  readonly name: string;
  readonly domain: string;
  readonly untrustedInput: boolean;
  readonly sensitiveData: boolean;
  readonly sideEffects: boolean;
  readonly openWorld: boolean;
}

/**
 * One entry of a run's taint ledger: a value read from a flagged tool, or what a quarantined
 * reader handed on. A worker starts from the entries the run holds and sends back the ones it
 * added, so provenance checks decide as they would in one process.
 */
export type LedgerRecord =
  | {
      readonly type: 'tool-result';
      readonly tool: Pick<SubtaskTool, 'name' | 'untrustedInput' | 'sensitiveData'>;
      readonly value: unknown;
      readonly call?: { readonly input: unknown; readonly agent: string } | undefined;
    }
  | {
      readonly type: 'extraction';
      readonly value: unknown;
      readonly reader: string;
      readonly sensitive: boolean;
    };

/** What a worker needs to run one subtask: plain data, signed by the engine that sends it. */
export interface SubtaskRequest {
  /** The format of this request; a worker refuses one it does not know. */
  readonly version: 1;
  readonly runId: string;
  readonly subtask: {
    readonly id: string;
    readonly specialist: string;
    readonly task: string;
    readonly dependsOn: readonly string[];
    readonly extract?: readonly SubtaskField[] | undefined;
  };
  /** The specialist: its instructions (the service's first), its tools, and whether it is quarantined. */
  readonly specialist: {
    readonly name: string;
    readonly system: string;
    readonly tools: readonly SubtaskTool[];
    readonly quarantined: boolean;
  };
  /** The user message the specialist starts from: its task and the results it depends on. */
  readonly content: string;
  /** It reads sensitive data, or saw it in the results it depends on. */
  readonly sensitive: boolean;
  /** The security boundary is enforced. */
  readonly boundary: boolean;
  /** Untrusted strings of quarantined hand-offs, by placeholder (under a boundary). */
  readonly placeholders: readonly (readonly [string, string])[];
  /** The request the user wrote (what the ledger counts as theirs), for a specialist with tools. */
  readonly userInput: string;
  /** The run's ledger entries, for a specialist with tools. */
  readonly ledger: readonly LedgerRecord[];
  readonly permit: readonly Permit[];
  readonly owner: Owner | undefined;
  /** The run's budgets. */
  readonly budgets: ResolvedBudgets;
  /**
   * What the run had spent or reserved when it sent the subtask: the worker holds it reserved, so
   * its calls get what is left of `maxTokens` and `maxCostUsd` (and a journal that shares the
   * run's budgets checks the whole limits against what every process committed).
   */
  readonly spent: { readonly tokens: number; readonly usd: number };
  readonly settings: CallSettings | undefined;
  /** The run streams: model calls stream, and their text comes back as `text-delta` events. */
  readonly streaming: boolean;
  /**
   * The run is durable (it has a journal): a worker with the same journal writes the subtask's
   * calls to it under the run's id, and replays those it finds (a job taken over from a worker
   * that died).
   */
  readonly journaled: boolean;
}

/** What a worker sends back: what the subtask used and did, and how it ended. */
export interface SubtaskOutcome {
  readonly status: 'ok' | 'failed' | 'fatal';
  /** `ok`: the specialist's answer (a quarantined one's hand-off). */
  readonly text?: string | undefined;
  /** `ok`: what the agent-output guardrails check (a reader's fields). */
  readonly output?: unknown;
  /** `failed`: what the manager is told. */
  readonly why?: string | undefined;
  /** `fatal`: the error that ends the run. */
  readonly error?: RemoteError | undefined;
  readonly usage: RunUsage;
  readonly trace: readonly TraceSpan[];
  readonly audit: readonly AuditEntry[];
  readonly toolErrors: readonly ToolError[];
  /** Ledger entries the subtask added. */
  readonly ledger: readonly LedgerRecord[];
  /** Placeholders the subtask added (a quarantined reader's hand-off). */
  readonly placeholders: readonly (readonly [string, string])[];
  /**
   * What the subtask's work reported, in order (model and tool calls, text): the run reports them
   * when the outcome comes back, to its stream and its lifecycle callbacks.
   */
  readonly events: readonly SubtaskEvent[];
}

/** An event of a subtask's work, as a worker sends it back. */
export type SubtaskEvent = Extract<
  RunEvent<unknown>,
  {
    readonly type:
      | 'model-call-start'
      | 'model-call-end'
      | 'text-delta'
      | 'tool-call-start'
      | 'tool-call-end';
  }
>;

/** An error that ends the run, as it crosses processes. */
export interface RemoteError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  /** The typed fields of the error (a budget's `budget`, `limit`, `used`; a guardrail's `hop`, ...). */
  readonly fields: Readonly<Record<string, unknown>>;
}
