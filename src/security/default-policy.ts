import type {
  ArgumentProvenance,
  Policy,
  PolicyDecision,
  Provenance,
  ToolCallRequest,
} from '../core/security.ts';

/** The rules of {@link defaultPolicy}, as a denial's `rule` names them. */
export type DefaultRule =
  | 'sensitive-to-unnamed-destination'
  | 'untrusted-destination'
  | 'untrusted-credential'
  | 'untrusted-amount'
  | 'data-in-outward-read'
  | 'ambiguous-permitted-source';

/** Values shorter than this carry too little to count as data carried out ("yes", 10). */
const MIN_CARRIED = 4;

/**
 * The default policy, run on every tool call. It denies, naming the argument, its source and the
 * rule:
 * - `untrusted-destination`, `untrusted-credential`, `untrusted-amount`: a side-effect call whose
 *   destination, credential or amount came from untrusted content;
 * - `sensitive-to-unnamed-destination`: a side-effect or open-world call carrying sensitive data
 *   to a destination the user did not write (an open-world call with no destination argument
 *   sends to the outside party it reaches);
 * - `data-in-outward-read`: an open-world read whose arguments (its URL, its query) carry
 *   sensitive or untrusted data.
 * A value the user wrote in the request, or one a `permit` covers, counts as the user's choice.
 * When the argument a rule is about is one a permit names but does not cover (its source, which
 * the user named, holds other values of its kind, or not this one), the call goes to the run's
 * approver instead (`'approve'`, rule `ambiguous-permitted-source`), whose request lists the
 * source's values; a run without one refuses it. Anything else is allowed.
 */
export const defaultPolicy: Policy = (call, provenance): PolicyDecision =>
  defaultDenial(call, provenance) ?? { verdict: 'allow', reason: 'no default rule applies' };

/**
 * The first default rule that applies to the call, if any: a denial, or for a value a permit
 * names but does not cover, a request for approval.
 */
export function defaultDenial(
  call: ToolCallRequest,
  provenance: Provenance,
): PolicyDecision | undefined {
  const found = findings(call, provenance.arguments);
  // A rule that denies outright comes first: asking about one argument must not let another through.
  const hard = found.find((f) => !uncovered(f.argument));
  if (hard) return deny(hard.rule, hard.argument, hard.why);
  const [soft] = found;
  return soft && askAbout(soft.argument);
}

/** What a rule found: the argument it is about, and why. */
interface Finding {
  readonly rule: DefaultRule;
  readonly argument: ArgumentProvenance;
  readonly why: string;
}

/** Every argument a default rule applies to, rule by rule. */
function findings(call: ToolCallRequest, args: readonly ArgumentProvenance[]): Finding[] {
  const chosen = (a: ArgumentProvenance) => a.origins.includes('user') || a.permitted;
  const carried = (a: ArgumentProvenance) =>
    String(valueAt(call.arguments, a.path)).length >= MIN_CARRIED;
  const found: Finding[] = [];
  if (call.sideEffects) {
    for (const a of args) {
      if (a.role === 'data' || !a.origins.includes('untrusted') || chosen(a)) continue;
      found.push({
        rule: `untrusted-${a.role}` as DefaultRule,
        argument: a,
        why: `\`${a.path}\` is a ${a.role} ${origin(a)}, and the user did not write it`,
      });
    }
  }
  if (call.openWorld && !call.sideEffects) {
    for (const a of args) {
      const data = a.origins.includes('untrusted') || a.origins.includes('sensitive');
      if (!data || chosen(a) || !carried(a)) continue;
      found.push({
        rule: 'data-in-outward-read',
        argument: a,
        why: `\`${a.path}\` of an open-world read carries data out: it came ${origin(a)}, and the user did not write it`,
      });
    }
  }
  if (call.sideEffects || call.openWorld) {
    const secret = args.find((a) => a.origins.includes('sensitive') && !chosen(a) && carried(a));
    const destinations = args.filter((a) => a.role === 'destination');
    const unnamed = destinations.find((a) => !chosen(a));
    if (secret && (unnamed || (call.openWorld && destinations.length === 0))) {
      const where = unnamed
        ? `to \`${unnamed.path}\`, a destination the user did not write (${origin(unnamed)})`
        : `to the outside party \`${call.tool}\` reaches, which the user did not name`;
      // About the destination when a permit names it: choosing it would let the data go there.
      found.push({
        rule: 'sensitive-to-unnamed-destination',
        argument: unnamed && uncovered(unnamed) ? unnamed : secret,
        why: `\`${secret.path}\` carries sensitive data (${origin(secret)}) ${where}`,
      });
    }
  }
  return found;
}

const ROLE_WORDS = {
  destination: 'a destination',
  credential: 'a credential',
  amount: 'an amount',
  data: 'data',
} as const;

/** A permit names the argument, but does not cover its value. */
const uncovered = (argument: ArgumentProvenance) =>
  argument.permit !== undefined && !argument.permit.covered;

function askAbout(argument: ArgumentProvenance): PolicyDecision {
  const rule: DefaultRule = 'ambiguous-permitted-source';
  return {
    verdict: 'approve',
    reason: `\`${argument.path}\` (${ROLE_WORDS[argument.role]}) is ${origin(argument)}: a permit covers only a value its source singles out (rule ${rule})`,
    rule,
    argument: argument.path,
  };
}

function deny(rule: DefaultRule, argument: ArgumentProvenance, why: string): PolicyDecision {
  return { verdict: 'deny', reason: `${why} (rule ${rule})`, rule, argument: argument.path };
}

/** Where an argument came from: its description without its path. */
function origin(argument: ArgumentProvenance): string {
  const prefix = `${argument.path}: `;
  return argument.description.startsWith(prefix)
    ? argument.description.slice(prefix.length)
    : argument.description;
}

/** The value at a path of the arguments: `to`, `recipients[0]`, `body.text`. */
function valueAt(args: unknown, path: string): unknown {
  let value = args;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key ?? Number(index)];
  }
  return value;
}
