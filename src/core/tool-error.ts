import type { Tier } from './tier.ts';

/**
 * A tool call whose result the model read as an error. A run's result lists them in
 * `toolErrors`, so a run whose tools failed does not read as clean.
 */
export interface ToolError {
  /**
   * `failed`: the tool threw; `timed-out`: it ran past `toolTimeoutMs`; `invalid`: it never ran
   * (an unknown tool, arguments that failed its schema); `denied`: the policy refused it;
   * `not-approved`: nobody approved it.
   */
  readonly type: 'failed' | 'timed-out' | 'invalid' | 'denied' | 'not-approved';
  readonly tool: string;
  readonly agent: string;
  readonly tier: Tier;
  /** The trace span of the call. */
  readonly spanId: string;
  /** What the model was told, after `toolErrorMessage`. */
  readonly message: string;
  /**
   * `failed` only: the tool's own error as it threw it (`Name: message`), before anything was
   * removed. For your logs; the model did not see it.
   */
  readonly error?: string;
}

/** A tool that threw, as `toolErrorMessage` is told of it. */
export interface ToolFailure {
  readonly tool: string;
  readonly agent: string;
  /** What the tool threw. */
  readonly error: unknown;
  /**
   * What tierup tells the model by default: the error's name and message with network addresses,
   * URLs and file paths replaced (`orders DB is down (ECONNREFUSED [address])`).
   */
  readonly message: string;
}

/**
 * Decides what the model reads of a tool that threw: the text after "Tool `name` failed: ".
 * Return `failure.message` to keep the default, or your own words. An exception in it, or a
 * value that is not a string, tells the model only that the tool failed.
 * @example
 * createTierup({ model, toolErrorMessage: ({ error, message }) =>
 *   error instanceof OrderNotFound ? message : 'the service is unavailable; try later' });
 */
export type ToolErrorMessage = (failure: ToolFailure) => string;
