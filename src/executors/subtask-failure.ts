import type { RemoteError } from '../core/engine.ts';
import {
  BoundaryViolationError,
  type Budget,
  BudgetExceededError,
  GuardrailTripped,
  InvalidConfigError,
  type Issue,
  TierupError,
} from '../core/errors.ts';

import type { GuardrailHop, Privilege } from '../core/security.ts';
import { type InDoubtCall, InDoubtError } from '../durable/in-doubt-error.ts';
import { describeError } from '../run/trace-recorder.ts';
import { withheldFailure } from '../security/quarantine.ts';
import type { AgentAnswer } from './agent-loop.ts';

/**
 * A failure that ends the whole run, not only its subtask: a budget, a guardrail, the security
 * boundary, a misconfiguration, a side effect in doubt.
 */
export function endsRun(error: unknown): boolean {
  return (
    error instanceof BudgetExceededError ||
    error instanceof InvalidConfigError ||
    error instanceof GuardrailTripped ||
    error instanceof BoundaryViolationError ||
    error instanceof InDoubtError
  );
}

/** What the manager is told of a subtask that failed (details withheld for a quarantined one). */
export function failureText(error: unknown, quarantined: boolean): string {
  if (error instanceof SubtaskFailed) return error.why;
  if (error instanceof CallRefused) return error.describe(quarantined);
  return quarantined ? withheldFailure(error) : describeError(error);
}

/** A subtask that failed on a worker, with what the manager is told. */
export class SubtaskFailed extends Error {
  override readonly name = 'SubtaskFailed';
  readonly why: string;
  constructor(why: string) {
    super(why);
    this.why = why;
  }
}

/** An error that ends the run, as plain data for another process. */
export function toRemoteError(error: unknown): RemoteError {
  const fields: Record<string, unknown> = {};
  const keys = ['budget', 'limit', 'used', 'hop', 'reason', 'agent', 'tool', 'privileges'];
  // An in-doubt call: which one, and the keys to look it up by.
  keys.push('callId', 'arguments', 'key', 'idempotencyKey');
  for (const key of keys) {
    const value = (error as Record<string, unknown>)[key];
    if (value !== undefined) fields[key] = value;
  }
  if (error instanceof InvalidConfigError) fields.issues = error.issues;
  return {
    name: error instanceof Error ? error.name : 'Error',
    code: TierupError.isInstance(error) ? error.code : 'run-failed',
    message: error instanceof Error ? error.message : String(error),
    fields,
  };
}

/** The typed error a worker's run-ending error was, as this process throws it. */
export function fromRemoteError(error: RemoteError): Error {
  const f = error.fields as {
    budget: Budget;
    limit: number;
    used: number;
    hop: GuardrailHop;
    reason: string;
    agent: string;
    tool: string | undefined;
    privileges: readonly Privilege[];
    issues: readonly Issue[] | undefined;
  };
  switch (error.code) {
    case 'budget-exceeded':
      return new BudgetExceededError(
        f.budget,
        f.limit,
        f.used,
        after(error.message, ' exceeded: '),
      );
    case 'guardrail-tripped':
      return new GuardrailTripped(f.hop, f.reason, {
        ...(f.agent ? { agent: f.agent } : {}),
        ...(f.tool ? { tool: f.tool } : {}),
      });
    case 'boundary-violation':
      return new BoundaryViolationError(f.agent, f.privileges, after(error.message, '` '));
    case 'in-doubt':
      return new InDoubtError(error.fields as unknown as InDoubtCall);
    case 'invalid-config':
      return new InvalidConfigError(f.issues ?? [{ path: 'engine', message: error.message }]);
    default:
      return Object.assign(new Error(error.message), { name: error.name });
  }
}

/** What a message says after the first `marker` (the detail a typed error's message ends with). */
function after(message: string, marker: string): string {
  const at = message.indexOf(marker);
  return at === -1 ? message : message.slice(at + marker.length);
}

/** A specialist's call that the policy denied or nobody approved: its subtask fails. */
export class CallRefused extends Error {
  override readonly name = 'CallRefused';
  readonly refusal: AgentAnswer['refused'][number];
  readonly count: number;
  constructor(refusal: AgentAnswer['refused'][number], count: number) {
    super(`${refusal.decision}: ${refusal.reason}`);
    this.refusal = refusal;
    this.count = count;
  }

  /** What the manager is told: the rule, and the reason unless the specialist read untrusted text. */
  describe(quarantined: boolean): string {
    const { decision, reason, rule } = this.refusal;
    const what = decision === 'denied' ? 'the policy denied' : 'nobody approved';
    const calls = this.count > 1 ? ` (and ${this.count - 1} more)` : '';
    const detail = quarantined
      ? `${rule ? ` (rule ${rule})` : ''}; details withheld, as the specialist read untrusted content`
      : `: ${reason}`;
    return `${what} a call it made${calls}${detail}`;
  }
}
