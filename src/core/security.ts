import type { Tier } from './tier.ts';

/**
 * The three privileges of the Rule of Two: (A) processing untrusted content, (B) touching
 * sensitive data, (C) causing side effects or communicating outward. No agent of a run under a
 * security boundary holds all three.
 */
export type Privilege = 'untrusted' | 'sensitive' | 'acting';

/** Where a value came from, as far as tierup can tell. */
export type Origin =
  /** It appears in the request the user wrote. */
  | 'user'
  /** It came from content outsiders control: an untrusted tool's result, a quarantined agent. */
  | 'untrusted'
  /** It came from a tool that reads sensitive data. */
  | 'sensitive'
  /** None of the above: the model wrote it. */
  | 'model';

/**
 * What an argument does for its call: says where the call sends or writes (`destination`), carries
 * a secret (`credential`), an amount the call moves (`amount`), or anything else (`data`). Taken
 * from the tool's `destinations`, `credentials` and `amounts`, or from the usual argument names.
 */
export type ArgumentRole = 'destination' | 'credential' | 'amount' | 'data';

/**
 * A kind of value that a `permit` can single out in its source, told by its shape: an email
 * address, an IBAN, a web address (`url`), a phone number, a handle (`@dora`), a channel
 * (`#general`), an amount (a number, or one written with its currency); `text` for any other (a
 * name, a password).
 */
export type ValueKind =
  | 'email'
  | 'iban'
  | 'url'
  | 'phone'
  | 'handle'
  | 'channel'
  | 'amount'
  | 'text';

/**
 * Whether the run's permits cover an argument's value, when a permit names the argument and every
 * source of the value is one it permits: the sources the user named hold the value and no other
 * of its kind.
 */
export interface PermitCoverage {
  /** The permit covers the value (`permitted` is then `true`). */
  readonly covered: boolean;
  /** The value's kind. */
  readonly kind: ValueKind;
  /**
   * The values of that kind that the named sources hold, as they write them, other than values
   * the user wrote; none for `text`. Outsiders may have written them: show them to a person (an
   * approver's request describes them), never put them in a reason, which a model reads.
   */
  readonly candidates: readonly string[];
}

/** The provenance of one argument of a tool call. */
export interface ArgumentProvenance {
  /** Dotted path of the argument, e.g. `to` or `recipients[0]`. */
  readonly path: string;
  /** Every origin the value was traced to; `model` alone when none. */
  readonly origins: readonly Origin[];
  /** The tools or agents the untrusted or sensitive parts came from. */
  readonly sources: readonly string[];
  /** What the argument does for the call, by its top-level name. */
  readonly role: ArgumentRole;
  /**
   * One sentence for an approver: `recipient: from untrusted content of \`get_webpage\` at
   * www.dora.example, which the user named`.
   */
  readonly description: string;
  /**
   * Every untrusted or sensitive source of the value is a tool call the user named: its locating
   * arguments (a URL, a file name, an id) are values the user wrote in the request. `false` when
   * the value has no such source.
   */
  readonly namedSource: boolean;
  /**
   * A `permit` of the run lets this argument take this value: it came from a source the user
   * named, which holds it and no other value of its kind. It counts as the user's choice.
   */
  readonly permitted: boolean;
  /**
   * Present when a permit names this argument and every source of its value is one the permit
   * allows: whether the permit covers the value, and the values of its kind the sources hold.
   */
  readonly permit?: PermitCoverage;
}

/** The provenance of a tool call's arguments, and what the run has done so far. */
export interface Provenance {
  readonly arguments: readonly ArgumentProvenance[];
  /** Every argument's description, joined: `recipient: from ...; amount: from ...`. */
  readonly description: string;
  /** Some argument holds a value from untrusted content. */
  readonly untrusted: boolean;
  /** Some argument holds a value read from a sensitive-data tool. */
  readonly sensitive: boolean;
  /**
   * Some destination argument holds a value from untrusted content that the user did not write
   * and no `permit` allows.
   */
  readonly untrustedDestination: boolean;
  /** The run has read sensitive data before this call. */
  readonly runReadSensitive: boolean;
  /** The run has read untrusted content before this call. */
  readonly runReadUntrusted: boolean;
}

/** A tool call as a policy or an approver sees it. */
export interface ToolCallRequest {
  readonly tool: string;
  readonly arguments: unknown;
  /** The agent that asked for the call. */
  readonly agent: string;
  readonly tier: Tier;
  /** The privileges of that agent. */
  readonly privileges: readonly Privilege[];
  /** The tool's own flags. */
  readonly sideEffects: boolean;
  readonly sensitiveData: boolean;
  readonly untrustedInput: boolean;
  /** The call's arguments reach a party outside the service (a fetched URL, a web search). */
  readonly openWorld: boolean;
  /** Argument names that say where the call sends or writes (`to`, `url`, `channel`). */
  readonly destinations: readonly string[];
}

/** What a policy decides for a tool call. `approve` asks the run's `approve` callback. */
export type PolicyVerdict = 'allow' | 'deny' | 'approve';

/** A verdict with the reason that goes into the audit trail and to the model on a denial. */
export interface PolicyDecision {
  readonly verdict: PolicyVerdict;
  readonly reason: string;
  /**
   * The rule that decided, for code to read: the default policy's are
   * `sensitive-to-unnamed-destination`, `untrusted-destination`, `untrusted-credential`,
   * `untrusted-amount` and `data-in-outward-read` (denials), and `ambiguous-permitted-source` (an
   * approval: a permitted source that does not single the value out).
   */
  readonly rule?: string;
  /** The argument the rule is about (its path). */
  readonly argument?: string;
}

/**
 * Decides whether a tool call may run, given where each of its arguments came from. Called for
 * every valid call, reads included, before its approvals.
 */
export type Policy = (
  call: ToolCallRequest,
  provenance: Provenance,
) => PolicyVerdict | PolicyDecision | Promise<PolicyVerdict | PolicyDecision>;

/** What the `approve` callback is asked. */
export interface ApprovalRequest extends ToolCallRequest {
  readonly provenance: Provenance;
  /** Why approval is needed: the tool's `needsApproval`, or the policy's reason. */
  readonly reason: string;
  /** Fires when the run stops: stop waiting for a person then. */
  readonly signal: AbortSignal;
}

/** A run-time approver: `true` (or `{ approved: true }`) lets the call run. */
export type Approver = (
  request: ApprovalRequest,
) =>
  | boolean
  | { approved: boolean; reason?: string }
  | Promise<boolean | { approved: boolean; reason?: string }>;

/** Where a guardrail looked. */
export type GuardrailHop = 'input' | 'tool-call' | 'tool-result' | 'agent-output' | 'output';

/** What a guardrail is given. */
export interface GuardrailContext {
  readonly hop: GuardrailHop;
  /** The agent at that hop; absent for `input` and `output`. */
  readonly agent?: string;
  /** The tool, for `tool-call` and `tool-result`. */
  readonly tool?: string;
  /** Fires when the run stops. */
  readonly signal?: AbortSignal;
}

/**
 * A check at one hop: returns `true` or nothing to pass, `false` or a reason to trip, which ends
 * the run with `GuardrailTripped`.
 */
export type Guardrail = (
  value: unknown,
  context: GuardrailContext,
) => GuardrailVerdict | Promise<GuardrailVerdict>;

/** `true`, `undefined` or nothing passes; `false` or a reason trips. */
// biome-ignore lint/suspicious/noConfusingVoidType: a guardrail that returns nothing (an async one included) passes.
export type GuardrailVerdict = boolean | string | undefined | void;

/** Guardrails at every hop of a run. Each may be one function or a list run in order. */
export interface Guardrails {
  /** The request, before routing. */
  readonly input?: Guardrail | readonly Guardrail[];
  /** Each tool call's validated arguments, before it runs. */
  readonly toolCall?: Guardrail | readonly Guardrail[];
  /** Each tool's result, before a model sees it. */
  readonly toolResult?: Guardrail | readonly Guardrail[];
  /** Each agent's answer (a specialist's, the manager's, a tier's), not only the final one. */
  readonly agentOutput?: Guardrail | readonly Guardrail[];
  /** The run's final output, before it is returned. */
  readonly output?: Guardrail | readonly Guardrail[];
}

/** What the audit trail records of one tool call. */
export interface AuditEntry {
  /** The trace span of the call. */
  readonly spanId: string;
  readonly tool: string;
  readonly agent: string;
  readonly tier: Tier;
  readonly privileges: readonly Privilege[];
  readonly arguments: unknown;
  readonly provenance: Provenance;
  /**
   * `allowed`: ran with no check needed or the policy allowed it; `approved` / `not-approved`:
   * the approver's answer; `denied`: the policy denied it; `invalid`: it never got that far
   * (unknown tool, invalid arguments); `guardrail-tripped`: a `toolCall` guardrail stopped the
   * run there; `error`: the policy or the approver threw.
   */
  readonly decision:
    | 'allowed'
    | 'approved'
    | 'not-approved'
    | 'denied'
    | 'invalid'
    | 'guardrail-tripped'
    | 'error';
  readonly reason: string;
  /** The policy rule that denied the call or sent it for approval, when the policy named one. */
  readonly rule?: string;
  /** The argument that rule is about. */
  readonly argument?: string;
}

/**
 * Lets argument `argument` of tool `tool` take a value that came from the result of tool `from`,
 * when the user named that source: the `from` call's locating arguments (its URL, file name, id)
 * are values the user wrote in the request. Such a value counts as the user's choice for the
 * default policy. E.g. `{ tool: 'send_money', argument: 'recipient', from: 'read_file' }` for
 * "pay the bill in bill.txt".
 */
export interface Permit {
  readonly tool: string;
  readonly argument: string;
  readonly from: string;
}

/**
 * The user the service acts for, as the service knows them (who is logged in): their own values,
 * e.g. their email addresses, account numbers or IBANs, phone numbers and handles. Such a value
 * counts as one the user wrote wherever it appears as a whole value (origin `user`), and is not a
 * competing candidate when a permit's coverage is decided. It vouches for nothing else: a value
 * that merely contains one of them, or another value beside it, is traced as before.
 */
export interface Owner {
  /** @example values: ['emma@bluesparrow.example', 'DE89 3704 0044 0532 0130 00'] */
  readonly values: readonly string[];
}

/** The security settings of a run, as the caller gives them. */
export interface SecurityOptions {
  /**
   * Decides every tool call from where its arguments came from.
   * @default `defaultPolicy`: its rules (docs/security.md)
   */
  readonly policy?: Policy;
  /**
   * Arguments that may take a value from the result of a source the user named.
   * @default []
   * @example permit: [{ tool: 'send_money', argument: 'recipient', from: 'read_file' }]
   */
  readonly permit?: readonly Permit[];
  /**
   * The values that belong to the user the service acts for (their own addresses and accounts):
   * each counts as one the user wrote. A run's own replaces the default.
   * @example owner: { values: ['emma@bluesparrow.example'] }
   */
  readonly owner?: Owner;
  /** Answers approval requests (`needsApproval` tools, `approve` verdicts). None means denied. */
  readonly approve?: Approver;
  /** Checks at every hop; a trip ends the run with `GuardrailTripped`. */
  readonly guardrails?: Guardrails;
}
