import type { ArgumentRole } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';

// What each argument of a tool call does: the tool's declarations, or the usual names.

/** Argument names taken for destinations when a tool declares none. */
const DESTINATION_NAMES =
  /^(to|cc|bcc|recipients?|email|emails|email_address|address|url|uri|endpoint|webhook|channel|destination|target|phone|number|account|iban|recipient_iban|handle|username|user|user_email|members?|invitees?|participants?)$/i;
/** Argument names taken for credentials when a tool declares none. */
const CREDENTIAL_NAMES = /^(password|passcode|pin|token|secret|api_?key|credentials?|otp)$/i;
/** Argument names taken for amounts when a tool declares none. */
const AMOUNT_NAMES = /^(amount|value|price|total|sum|quantity)$/i;

type Declared = Pick<AnyTool, 'destinations' | 'credentials' | 'amounts'>;

const has = (declared: readonly string[] | undefined, usual: RegExp, name: string) =>
  declared === undefined ? usual.test(name) : declared.includes(name);

/**
 * The role of a top-level argument: a destination, a credential or an amount by the tool's own
 * lists (each replaces its default names), or by the usual names; `data` otherwise.
 */
export function roleOf(tool: Declared, name: string): ArgumentRole {
  if (has(tool.destinations, DESTINATION_NAMES, name)) return 'destination';
  if (has(tool.credentials, CREDENTIAL_NAMES, name)) return 'credential';
  if (has(tool.amounts, AMOUNT_NAMES, name)) return 'amount';
  return 'data';
}

/** Whether a name is one tierup takes for an amount: an argument's, or a field's of a result. */
export function isAmountName(name: string): boolean {
  return AMOUNT_NAMES.test(name);
}

/** The argument names a tool declares as destinations, or the usual ones among its arguments. */
export function destinationsOf(tool: Declared, args: unknown): readonly string[] {
  if (tool.destinations !== undefined) return tool.destinations;
  if (typeof args !== 'object' || args === null) return [];
  return Object.keys(args).filter((key) => DESTINATION_NAMES.test(key));
}
