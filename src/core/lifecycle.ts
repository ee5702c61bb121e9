import type { RunError } from './errors.ts';
import type { RunEvent } from './run-event.ts';
import type { RoutedRunResult } from './run-result.ts';
import type { Tier } from './tier.ts';

type EventOf<Type extends RunEvent['type']> = Extract<RunEvent<unknown>, { type: Type }>;

/** What every lifecycle event carries besides its own fields. */
interface Ids {
  /** The run's id (`result.runId`): the run option `runId`, or a random UUID. */
  readonly runId: string;
}

/** What a finished call took, read from its trace span. */
interface Timed {
  /** The tier of the agent that made the call. */
  readonly tier: Tier;
  /** Milliseconds from the call's start to its end. */
  readonly durationMs: number;
}

/**
 * What each lifecycle callback receives: the run's own event (the one `stream()` reports), with
 * the run's id, and for calls their tier, duration and (tools) arguments.
 *
 * @example
 * const log = (event: LifecycleEvent<'onToolCall'>) => console.log(event.runId, event.name, event.isError);
 */
export type LifecycleEvent<Callback extends keyof Lifecycle> = {
  onModelCall: EventOf<'model-call-end'> & Ids & Timed;
  onToolCall: EventOf<'tool-call-end'> &
    Ids &
    Timed & {
      /** The arguments as the model sent them. */
      readonly arguments: unknown;
    };
  onEscalation: EventOf<'tier-escalated'> & Ids;
  onFinish:
    | ({ readonly type: 'run-finish'; readonly result: RoutedRunResult<unknown> } & Ids)
    | ({
        readonly type: 'run-error';
        /** The error the run throws, with `partial`. */
        readonly error: RunError;
      } & Ids);
}[Callback];

/**
 * Callbacks told of a run's steps as they happen, on `createTierup` (every run) and on one run's
 * options (that run; both are called, `createTierup`'s first). Each is called when the step ends;
 * one that throws or rejects does not stop the run: the failure is kept in
 * `result.callbackErrors` (or the error's `partial.callbackErrors`) and in the trace as a
 * `callback` span. A promise one returns is waited for before the run's result is returned, up to
 * 10 seconds.
 *
 * @example
 * createTierup({
 *   model,
 *   onModelCall: ({ runId, model, usage, durationMs }) => metrics.record(runId, model, usage, durationMs),
 *   onFinish: (event) => (event.type === 'run-error' ? log.error(event.error) : log.info(event.result.tier)),
 * });
 */
export interface Lifecycle {
  /** A model call ended: its agent, tier, model, usage with cost, duration, and `error` if it failed. */
  readonly onModelCall?: (event: LifecycleEvent<'onModelCall'>) => void | Promise<void>;
  /** A tool call ended: its name, arguments, the text the model is given back, `isError`, duration. */
  readonly onToolCall?: (event: LifecycleEvent<'onToolCall'>) => void | Promise<void>;
  /** The run moved up a tier: `escalation` says from where, to where and why. */
  readonly onEscalation?: (event: LifecycleEvent<'onEscalation'>) => void | Promise<void>;
  /** The run ended: `run-finish` with its result, or `run-error` with the error it throws. */
  readonly onFinish?: (event: LifecycleEvent<'onFinish'>) => void | Promise<void>;
}

/** The names of the lifecycle callbacks. */
export const LIFECYCLE_CALLBACKS = [
  'onModelCall',
  'onToolCall',
  'onEscalation',
  'onFinish',
] as const;

/** A lifecycle callback that threw, rejected, or had not settled 10 seconds after the run ended. */
export interface CallbackError {
  readonly callback: keyof Lifecycle;
  /** `Name: message` of what it threw. */
  readonly message: string;
  /** What it threw. */
  readonly error: unknown;
  /** The id of its span in the trace. */
  readonly spanId: string;
}
