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
  | 'data-in-outward-read';

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
 * A value the user wrote in the request, or one a `permit` lets in, counts as the user's choice;
 * anything else is allowed.
 */
export const defaultPolicy: Policy = (call, provenance): PolicyDecision =>
  defaultDenial(call, provenance) ?? { verdict: 'allow', reason: 'no default rule applies' };

/** The first default rule that denies the call, if any. */
export function defaultDenial(
  call: ToolCallRequest,
  provenance: Provenance,
): PolicyDecision | undefined {
  const args = provenance.arguments;
  const chosen = (a: ArgumentProvenance) => a.origins.includes('user') || a.permitted;
  const carried = (a: ArgumentProvenance) =>
    String(valueAt(call.arguments, a.path)).length >= MIN_CARRIED;
  if (call.sideEffects) {
    const steered = args.find(
      (a) => a.role !== 'data' && a.origins.includes('untrusted') && !chosen(a),
    );
    if (steered) {
      return deny(
        `untrusted-${steered.role}` as DefaultRule,
        steered,
        `\`${steered.path}\` is a ${steered.role} ${origin(steered)}, and the user did not write it`,
      );
    }
  }
  if (call.openWorld && !call.sideEffects) {
    const data = args.find(
      (a) =>
        (a.origins.includes('untrusted') || a.origins.includes('sensitive')) &&
        !chosen(a) &&
        carried(a),
    );
    if (data) {
      return deny(
        'data-in-outward-read',
        data,
        `\`${data.path}\` of an open-world read carries data out: it came ${origin(data)}, and the user did not write it`,
      );
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
      return deny(
        'sensitive-to-unnamed-destination',
        secret,
        `\`${secret.path}\` carries sensitive data (${origin(secret)}) ${where}`,
      );
    }
  }
  return undefined;
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
