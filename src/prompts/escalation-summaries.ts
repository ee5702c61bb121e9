import type { ModelMessage } from '../core/language-model.ts';
import type { EscalationCause } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';

// What an escalation hands on to the next tier's prompt: each cause's summary, in words.

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

/** The direct tier's model needed one of the run's tools. */
export function toolNeededSummary(tool: string, reason: string): string {
  return `The direct tier's model needed the tool \`${tool}\`: ${reason}`;
}

/** The direct tier's model needed data or an action it does not have. */
export function capabilityNeededSummary(reason: string): string {
  return `The direct tier's model could not answer alone: ${reason}`;
}

/** Structured output that failed its schema after the repair. */
export function invalidOutputSummary(problems: string): string {
  return `A lower tier's structured answer failed the schema twice (${problems}).`;
}

/** The agent tier could not hold the tools the request needs without breaking the Rule of Two. */
export const RULE_OF_TWO_SUMMARY =
  'The agent tier could not hold every tool the request needs (Rule of Two).';

/** The agent tier's model asked for a tool the Rule of Two withheld. */
export function withheldToolSummary(tool: string, reason: string): string {
  return `The agent tier needed \`${tool || 'a withheld tool'}\`, which one agent may not hold with its other tools: ${reason}`;
}

/** What an agent that ran out of steps did, in a few lines: the tools it called, last twelve. */
export function maxStepsSummary(
  name: string,
  steps: number,
  messages: readonly ModelMessage[],
): string {
  const calls = messages.flatMap((m) =>
    m.role === 'tool' ? [`${m.toolName}${m.isError ? ' (failed)' : ''}`] : [],
  );
  const shown = calls.slice(-12).join(', ');
  return `Agent \`${name}\` made ${steps} model calls without finishing; tool calls: ${shown || 'none'}.`;
}
