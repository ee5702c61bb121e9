// Whether a permit covers a value: the source the user named singles it out, holding it and no
// other value of its kind. A compromised reader then has nothing to choose, and an injection that
// brings its own address into the source makes the source ambiguous.
import type { PermitCoverage, Provenance, ValueKind } from '../core/security.ts';
import {
  asKindValue,
  type ContentLeaf,
  type KindValue,
  kindOf,
  valuesOfKind,
} from './value-kinds.ts';

/**
 * Whether `contents` (what the named sources returned) single out `value`: they hold it as a whole
 * value and no other value of its kind, values the user wrote aside. A value of no kind tierup
 * tells (`text`: a name, a password) is singled out only when it is all the sources hold.
 */
export function coverageOf(
  value: string | number,
  contents: readonly ContentLeaf[],
  wrote: (value: string | number) => boolean,
): Coverage {
  const kind = kindOf(value);
  if (kind === 'text') {
    const own = String(value).trim().toLowerCase();
    const texts = contents.flatMap((leaf) =>
      'text' in leaf && !wrote(leaf.text) ? [leaf.text.trim().toLowerCase()] : [],
    );
    const covered = texts.length > 0 && texts.every((t) => t === own);
    return { covered, kind, candidates: [], held: covered, count: 0 };
  }
  // However the source writes a value the user wrote (`DE89 3704 ...` for `DE8937040...`).
  const userWrote = (c: KindValue) =>
    kind === 'amount' ? wrote(Number(c.key)) : wrote(c.written) || wrote(c.key);
  const candidates = valuesOfKind(kind, contents).filter((c) => !userWrote(c));
  const { key } = asKindValue(kind, value);
  const held = candidates.some((c) => c.key === key);
  return {
    covered: held && candidates.length === 1,
    kind,
    candidates: [...new Set(candidates.map((c) => c.written))],
    held,
    count: candidates.length,
  };
}

/** A permit's coverage, with what its description needs. */
export interface Coverage extends PermitCoverage {
  /** The sources hold the value. */
  readonly held: boolean;
  /** How many values of its kind they hold. */
  readonly count: number;
}

const NOUNS: Readonly<Record<ValueKind, readonly [string, string]>> = {
  email: ['email address', 'email addresses'],
  iban: ['IBAN', 'IBANs'],
  url: ['web address', 'web addresses'],
  phone: ['phone number', 'phone numbers'],
  handle: ['handle', 'handles'],
  channel: ['channel', 'channels'],
  amount: ['amount', 'amounts'],
  text: ['value', 'values'],
};

/**
 * Where a value a permit does not cover came from, for an approver and a denial's reason: `one of
 * 2 IBANs in untrusted content of \`read_file\` at bill.txt, which the user named`. It counts the
 * candidates and names none: outsiders may have written them.
 */
export function describeUncovered(
  coverage: Coverage,
  where: string,
  via: readonly string[],
): string {
  const { count: n, kind } = coverage;
  const [one, many] = NOUNS[kind];
  const handedOn =
    via.length > 0 ? ` (as ${via.map((r) => `\`${r}\``).join(', ')} handed it on)` : '';
  let what: string;
  if (kind === 'text') what = `a value the permit cannot single out in ${where}`;
  else if (coverage.held) what = `one of ${n} ${many} in ${where}`;
  else if (n === 0) what = `not in ${where}, which holds no ${one}`;
  else what = `not the ${n === 1 ? one : `${n} ${many}`} in ${where}`;
  return `${what}${handedOn}`;
}

/**
 * The provenance an approver is shown: each argument a permit does not cover lists the values of
 * its kind that the named source holds (`...: DE89 3704 0044 0532 0130 00, GB33 BUKB 2020 1555 5555
 * 55`), for a person to choose among.
 */
export function forApprover(provenance: Provenance): Provenance {
  if (!provenance.arguments.some((a) => a.permit && !a.permit.covered)) return provenance;
  const args = provenance.arguments.map((a) =>
    a.permit && !a.permit.covered && a.permit.candidates.length > 0
      ? { ...a, description: `${a.description}: ${a.permit.candidates.join(', ')}` }
      : a,
  );
  return { ...provenance, arguments: args, description: args.map((a) => a.description).join('; ') };
}
