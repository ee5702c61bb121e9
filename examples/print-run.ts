// Prints what a run did: the router's decision, the tier it finished on, escalations, the agents
// and their tool calls, tokens and cost. Works for a finished run and for a failed run's `partial`.
import type { PartialRun, RunResult, TraceSpan, UsageTotals } from '../src/index.ts';
import { RunError, TierupError } from '../src/index.ts';

type Run = RunResult<unknown> | PartialRun;

const LABEL = 11;

function line(label: string, text: string): void {
  console.log(`  ${label.padEnd(LABEL)}${text}`);
}

/** Long text on one line, cut to `max` characters. */
export function clip(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Prints a run; `result` is a finished run, a failed run's `partial` is not. */
export function printRun(run: Run, result = true): void {
  const { decision } = run;
  if (decision) {
    const override = decision.override
      ? ` (the signals said ${decision.signalTier}; ${decision.override.by} set ${decision.override.to})`
      : '';
    line('decision', `${decision.tier}${override}: ${decision.reasons.slice(0, 3).join('; ')}`);
  }
  line('finished', result ? run.tier : `failed on ${run.tier}`);
  for (const { from, to, cause } of run.escalations) {
    line('escalated', `${from} → ${to}, ${cause.type}: ${cause.message}`);
  }
  if (run.escalations.length === 0) line('escalated', 'no');
  line('agents', agentsOf(run).join(' · '));
  const toolCalls = run.trace.filter((span) => span.type === 'tool-call');
  if (toolCalls.length === 0) line('tool calls', 'none');
  for (const [i, span] of toolCalls.entries()) {
    line(i === 0 ? 'tool calls' : '', describeToolCall(span));
  }
  const { usage } = run;
  line(
    'tokens',
    `${n(usage.inputTokens)} in (${n(usage.cachedInputTokens)} cached), ${n(usage.outputTokens)} out, ${usage.calls} model call${usage.calls === 1 ? '' : 's'}`,
  );
  line('cost', costOf(run));
  if (result) {
    const { output } = run;
    line('answer', clip(typeof output === 'string' ? output : JSON.stringify(output), 300));
  }
}

/** Prints a run that failed: the error, then what it had got to. */
export function printFailure(error: unknown): void {
  const code = error instanceof TierupError ? `${error.code}: ` : '';
  line('FAILED', `${code}${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof RunError && error.partial) printRun(error.partial, false);
}

/** Each agent that ran, in the order it started, with its model calls. */
function agentsOf(run: Run): string[] {
  const spans = run.trace.filter((span) => span.type === 'agent');
  return [...new Set(spans.map((span) => span.name))].map((name) => {
    const calls = run.usage.byAgent[name]?.calls ?? 0;
    const notes = [`${calls} call${calls === 1 ? '' : 's'}`];
    const ended = spans.find((span) => span.name === name && span.status !== 'ok');
    if (ended?.status === 'escalated') notes.push('escalated');
    else if (ended) notes.push('failed');
    return `${name} (${notes.join(', ')})`;
  });
}

function describeToolCall(span: TraceSpan): string {
  const outcome = span.status === 'error' ? `  ✗ ${clip(span.error ?? 'failed', 80)}` : '';
  return `${span.agent ?? '?'} → ${span.name} ${clip(JSON.stringify(span.arguments ?? {}), 100)}${outcome}`;
}

function costOf(run: Run): string {
  const { usage } = run;
  if (usage.costUsd === null) {
    const unpriced = Object.entries(usage.byModel).filter(([, u]) => u.costUsd === null);
    return `unknown (no price for ${unpriced.map(([model]) => model).join(', ')})`;
  }
  const tiers = Object.entries(usage.byTier) as [string, UsageTotals][];
  const split =
    tiers.length > 1
      ? ` (${tiers.map(([tier, u]) => `${tier} ${usd(u.costUsd)}`).join(', ')})`
      : '';
  return `${usd(usage.costUsd)}${split}`;
}

function usd(cost: number | null): string {
  return cost === null ? 'unknown' : `$${cost.toFixed(6)}`;
}

function n(count: number): string {
  return count.toLocaleString('en-US');
}
