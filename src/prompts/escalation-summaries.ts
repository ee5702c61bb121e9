import type { EscalationCause } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';

// What an escalation hands on to the next tier's prompt, besides each tier's own summary.

/** The summary of a tier whose answer the caller's `accept` check rejected. */
export function rejectedSummary(tier: Tier, message: string): string {
  return `The ${tier} tier's answer was rejected: ${message}`;
}

/**
 * What a tier that read untrusted content tried, in words none of which it chose: its cause's
 * type, its step count, and a tool of the run's it named.
 */
export function untrustedSummary(tier: Tier, cause: EscalationCause, tool: string): string {
  const detail =
    cause.type === 'max-steps'
      ? `, after ${cause.steps} model calls`
      : tool
        ? `: it needed \`${tool}\``
        : '';
  return `The ${tier} tier could not meet the request (${cause.type}${detail}); its own account is left out because it had read untrusted content.`;
}
