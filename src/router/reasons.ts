import type { Decision, ReasonCode } from '../core/decision.ts';

/** One reason as the router writes it: a code for code, words for people. */
export interface Reason {
  readonly code: ReasonCode;
  readonly text: string;
}

/** A decision's `reasons` and `reasonCodes`, in one order. */
export function toDecisionReasons(
  list: readonly Reason[],
): Pick<Decision, 'reasons' | 'reasonCodes'> {
  return { reasons: list.map((r) => r.text), reasonCodes: list.map((r) => r.code) };
}

/** A decision's reasons, each with its code. */
export function reasonsOf(decision: Pick<Decision, 'reasons' | 'reasonCodes'>): Reason[] {
  return decision.reasons.map((text, i) => ({
    code: decision.reasonCodes[i] as ReasonCode,
    text,
  }));
}
