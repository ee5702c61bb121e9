import type { EscalationCause, PartialRun } from './run-result.ts';
import type { GuardrailHop, Privilege } from './security.ts';

const marker = Symbol.for('tierup.error');

/** Machine-readable error codes. Every tierup error carries one. */
export type TierupErrorCode =
  | 'invalid-task'
  | 'invalid-config'
  | 'invalid-tool'
  | 'scorer-failed'
  | 'provider-error'
  | 'retry-exhausted'
  | 'timeout'
  | 'run-failed'
  | 'escalation-required'
  | 'budget-exceeded'
  | 'aborted'
  | 'guardrail-tripped'
  | 'boundary-violation'
  | 'tool-failed'
  | 'in-doubt';

/**
 * Base class of every error tierup throws. Use {@link TierupError.isInstance} rather than
 * `instanceof` when two copies of tierup may be installed side by side.
 */
export class TierupError extends Error {
  readonly [marker] = true;
  override readonly name: string = 'TierupError';
  readonly code: TierupErrorCode;

  constructor(code: TierupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /**
   * What `JSON.stringify(error)` writes: the name, code and message (an `Error`'s message is
   * not enumerable, so it would be lost), and the error's own fields: a `RunError`'s `partial`
   * run, an input error's `issues`. A failed run saved this way opens with `tierup report`.
   */
  toJSON(): Record<string, unknown> {
    return {
      ...Object.fromEntries(Object.entries(this)),
      name: this.name,
      code: this.code,
      message: this.message,
    };
  }

  /** True for any tierup error, even one thrown by another installed copy of the package. */
  static isInstance(value: unknown): value is TierupError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** One problem found while validating caller input, located by its path. */
export interface Issue {
  /** Dotted path of the field at fault, e.g. `tools[2].name`. Empty for the value itself. */
  readonly path: string;
  readonly message: string;
}

/** The caller's fault: some input failed validation. Subclasses say which input. */
export abstract class InvalidInputError extends TierupError {
  /** Path of the first field at fault, e.g. `tools[0].description`; '' for the value itself. */
  readonly field: string;
  /** Every problem found, in order. */
  readonly issues: readonly Issue[];

  constructor(
    code: TierupErrorCode,
    what: string,
    issues: readonly Issue[],
    options?: { cause?: unknown },
  ) {
    super(code, `${what}: ${describeIssues(issues)}`, options);
    this.issues = issues;
    this.field = issues[0]?.path ?? '';
  }
}

/** The caller's fault: a task given to the router or a runner is malformed. */
export class InvalidTaskError extends InvalidInputError {
  override readonly name = 'InvalidTaskError';
  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super('invalid-task', 'Invalid task', issues, options);
  }
}

/** The caller's fault: options, a config file or labels are malformed or out of range. */
export class InvalidConfigError extends InvalidInputError {
  override readonly name = 'InvalidConfigError';
  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super('invalid-config', 'Invalid options', issues, options);
  }
}

/** The caller's fault: a tool definition passed to `defineTool` is malformed. */
export class InvalidToolError extends InvalidInputError {
  override readonly name = 'InvalidToolError';
  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super('invalid-tool', 'Invalid tool definition', issues, options);
  }
}

function describeIssues(issues: readonly Issue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `\`${issue.path}\` ${issue.message}` : issue.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** A scorer (the caller's own, given to `createRouter`) threw or returned a malformed result. */
export class ScorerError extends TierupError {
  override readonly name = 'ScorerError';
  /** The scorer's `name`. */
  readonly scorer: string;
  readonly signal: string;

  constructor(scorer: string, signal: string, problem: string, options?: { cause?: unknown }) {
    super('scorer-failed', `Scorer \`${scorer}\` (${signal}) ${problem}`, options);
    this.scorer = scorer;
    this.signal = signal;
  }
}

/** A model provider's call failed: an HTTP status, a network error or a malformed response. */
export class ProviderError extends TierupError {
  override readonly name = 'ProviderError';
  /** The HTTP status, when the provider answered with one. */
  readonly statusCode: number | undefined;
  /** The provider's request id, for its support. */
  readonly requestId: string | undefined;
  /** Whether trying again may succeed: 408, 409, 429, 5xx and network errors. */
  readonly isRetryable: boolean;
  /** How long the provider asked to wait before trying again (`retry-after`, `retry-after-ms`). */
  readonly retryAfterMs: number | undefined;
  /** The system's code of a failed connection: `ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`, ... */
  readonly systemCode: string | undefined;
  /** The host (`address:port` when known) a failed connection was reaching. */
  readonly host: string | undefined;

  constructor(
    message: string,
    details: {
      statusCode?: number | undefined;
      requestId?: string | undefined;
      isRetryable: boolean;
      retryAfterMs?: number | undefined;
      systemCode?: string | undefined;
      host?: string | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super('provider-error', message, options);
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
    this.isRetryable = details.isRetryable;
    this.retryAfterMs = details.retryAfterMs;
    this.systemCode = details.systemCode;
    this.host = details.host;
  }
}

/** One attempt took longer than its time limit. */
export class TimeoutError extends TierupError {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;
  /** A timed-out call may succeed when tried again. */
  readonly isRetryable = true;

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super('timeout', `The call did not finish within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** Every attempt failed; `errors` holds each attempt's error, first to last. */
export class RetryError extends TierupError {
  override readonly name = 'RetryError';
  readonly errors: readonly (ProviderError | TimeoutError)[];

  constructor(errors: readonly (ProviderError | TimeoutError)[]) {
    const last = errors[errors.length - 1];
    super('retry-exhausted', `Gave up after ${errors.length} attempts: ${last?.message ?? ''}`, {
      cause: last,
    });
    this.errors = errors;
  }
}

/**
 * A run failed: `cause` holds what went wrong (a `ProviderError`, a `RetryError`, ...) and
 * `partial` what the run had got to (usage, trace, escalations, the last output), so nothing is
 * lost. Subclasses say why when tierup itself stopped the run.
 */
export class RunError extends TierupError {
  override readonly name: string = 'RunError';
  /**
   * What the run had got to when it failed: always set on an error that `run` or `stream` throws
   * (the run sets it as the error leaves it). Only an error you construct yourself, or one caught
   * inside the run before it ends (in a tool or an `accept` check), has none yet.
   */
  declare readonly partial: PartialRun;

  constructor(
    code: TierupErrorCode,
    message: string,
    options?: { cause?: unknown; partial?: PartialRun },
  ) {
    super(code, message, options);
    setPartial(this, options?.partial);
  }
}

/** The partial run of an error, or `undefined` while the run has not set it yet (internal). */
export function partialOf(error: RunError): PartialRun | undefined {
  return (error as { readonly partial?: PartialRun }).partial;
}

/** Sets (or, with `undefined`, clears for the run to set) what a failed run had got to (internal). */
export function setPartial(error: RunError, partial: PartialRun | undefined): void {
  Object.defineProperty(error, 'partial', {
    value: partial,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * A tier could not meet the request. The runner catches it and runs the next tier up to
 * `maxTier`; you see it only when no tier is left, with `partial` holding every escalation.
 * Only this error escalates: a 401 or a budget exceeded does not.
 */
export class EscalationRequired extends RunError {
  override readonly name = 'EscalationRequired';
  /** Why the tier gave up, typed. */
  override readonly cause: EscalationCause;
  /** What the tier tried, for the next tier's prompt. */
  readonly summary: string;
  /** The output the tier produced before it gave up, when there was one. */
  readonly output: unknown;

  constructor(cause: EscalationCause, details: { summary?: string; output?: unknown } = {}) {
    super('escalation-required', `Escalation required (${cause.type}): ${cause.message}`);
    this.cause = cause;
    this.summary = details.summary ?? cause.message;
    this.output = details.output;
  }
}

/** The budgets a run can exceed. */
export type Budget = 'maxCostUsd' | 'maxTokens' | 'maxAgents' | 'timeoutMs';

/** A run would go past one of its budgets; it was stopped before the call that would. */
export class BudgetExceededError extends RunError {
  override readonly name = 'BudgetExceededError';
  readonly budget: Budget;
  readonly limit: number;
  /** What was used, or would have been with the next call, when the run stopped. */
  readonly used: number;

  constructor(budget: Budget, limit: number, used: number, detail = '') {
    super(
      'budget-exceeded',
      `Budget \`${budget}\` of ${limit} exceeded: ${detail || `${used} used`}`,
    );
    this.budget = budget;
    this.limit = limit;
    this.used = used;
  }
}

/** The caller's signal aborted the run; `cause` is the signal's reason. */
export class RunAbortedError extends RunError {
  override readonly name = 'RunAbortedError';
  constructor(reason: unknown) {
    super('aborted', 'The run was aborted', { cause: reason });
  }
}

/** A guardrail tripped: the run stopped at that hop. */
export class GuardrailTripped extends RunError {
  override readonly name = 'GuardrailTripped';
  readonly hop: GuardrailHop;
  /** The guardrail's reason. */
  readonly reason: string;
  readonly agent: string | undefined;
  readonly tool: string | undefined;

  constructor(hop: GuardrailHop, reason: string, at: { agent?: string; tool?: string } = {}) {
    const where = [at.agent && `agent \`${at.agent}\``, at.tool && `tool \`${at.tool}\``]
      .filter(Boolean)
      .join(', ');
    super(
      'guardrail-tripped',
      `Guardrail tripped at ${hop}${where ? ` (${where})` : ''}: ${reason}`,
    );
    this.hop = hop;
    this.reason = reason;
    this.agent = at.agent;
    this.tool = at.tool;
  }
}

/**
 * A run under a security boundary would give one agent untrusted content, sensitive data and
 * side effects together (or a quarantined agent a sensitive-data or side-effect tool). tierup
 * refuses to run it rather than run it unguarded.
 */
export class BoundaryViolationError extends RunError {
  override readonly name = 'BoundaryViolationError';
  /** The agent (specialist) at fault. */
  readonly agent: string;
  /** The privileges it would have held together. */
  readonly privileges: readonly Privilege[];

  constructor(agent: string, privileges: readonly Privilege[], detail: string) {
    super('boundary-violation', `Security boundary: agent \`${agent}\` ${detail}`);
    this.agent = agent;
    this.privileges = privileges;
  }
}
