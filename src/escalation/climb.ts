import type { Decision } from '../core/decision.ts';
import { EscalationRequired } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { EscalationCause } from '../core/run-result.ts';
import { TIERS, type Tier, tierRank } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolError } from '../core/tool-error.ts';
import { rejectedSummary, untrustedSummary } from '../prompts/escalation-summaries.ts';
import type { RunScope } from '../run/run-scope.ts';
import type { PreparedTask, TierStep } from '../run/tier-step.ts';

/** The caller's own check of a result; `false` or a reason escalates to the next tier. */
export type AcceptCheck = (result: {
  readonly output: unknown;
  readonly tier: Tier;
  /** The tool calls of this tier whose result the model read as an error. */
  readonly toolErrors: readonly ToolError[];
}) => boolean | string | Promise<boolean | string>;

/** The models a run capped at `cap` may call: those of its tier and every tier below it. */
export function modelsUpTo(
  cap: Tier,
  byTier: Readonly<Record<Tier, readonly (LanguageModel | undefined)[]>>,
): (LanguageModel | undefined)[] {
  return TIERS.slice(0, tierRank(cap) + 1).flatMap((tier) => byTier[tier]);
}

/** How one run climbs the tiers. */
export interface Climb {
  readonly steps: Readonly<Record<Tier, TierStep>>;
  readonly decision: Decision;
  /** The highest tier the run may reach (`tierCap`, core/tier.ts). */
  readonly cap: Tier;
  /** The tier to start on: the decision's, or higher for a sticky session. */
  readonly start: Tier;
  readonly accept: AcceptCheck | undefined;
  /**
   * Told the tier the run ended on, whether it met the request or failed (the sticky session's
   * store); its failure fails a run that met the request, and is left in the trace of one that
   * failed already.
   */
  readonly reached: (tier: Tier) => Promise<void>;
  /**
   * `kept`: a tier's text deltas are held while the run may still escalate from it, and reported
   * once it is kept (dropped when it escalates); `all`: reported as they come.
   */
  readonly textDeltas: 'kept' | 'all';
}

/**
 * Runs the task from `climb.start` up: each tier in its own span under `runSpan`; on
 * {@link EscalationRequired} (and only on it) from a tier below the cap, the next tier gets the
 * task with a summary of what the lower ones tried.
 * @returns the output of the first tier that meets the request (and its `accept` check).
 * @throws the last tier's error, or any other error at once.
 */
export async function climbTiers(
  scope: RunScope,
  task: PreparedTask,
  climb: Climb,
  runSpan: string,
): Promise<unknown> {
  const { decision, cap } = climb;
  const priorAttempts: string[] = [];
  let tier = climb.start;
  for (;;) {
    scope.report.tierStarted(tier);
    const canEscalate = tierRank(tier) < tierRank(cap);
    const tierSpan = scope.trace.open({ type: 'tier', name: tier, tier, parentId: runSpan });
    const given: PreparedTask = {
      ...task,
      priorAttempts,
      canEscalate,
      securityBoundary: decision.signals.securityBoundary.set,
      neededTools: decision.tools.map((t) => t.name),
    };
    const step = climb.steps[tier];
    // A tier that may still be replaced streams nothing a reader could take for the answer.
    const held = holdsText(climb, canEscalate, step, given) ? holdText(scope) : undefined;
    let output: unknown;
    try {
      output = await runTier(held?.scope ?? scope, tier, step, given, tierSpan, climb.accept);
      held?.release();
    } catch (error) {
      if (!(error instanceof EscalationRequired) || !canEscalate || scope.signal.aborted) {
        // The run's own error is the one to throw; the store's failure is in the trace.
        await climb.reached(tier).catch(() => {});
        throw error;
      }
      scope.trace.markEscalated(tierSpan);
      const to = TIERS[tierRank(tier) + 1] as Tier;
      const summary = handOn(scope, tier, error, task.tools);
      const step = { from: tier, to, cause: error.cause, summary };
      scope.report.escalated(step);
      scope.emit({ type: 'tier-escalated', escalation: step });
      priorAttempts.push(summary);
      tier = to;
      continue;
    }
    await climb.reached(tier);
    return output;
  }
}

/** Whether a tier's text is held back: the run streams, and may escalate from this tier. */
function holdsText(climb: Climb, canEscalate: boolean, step: TierStep, task: PreparedTask) {
  if (climb.textDeltas === 'all' || !canEscalate) return false;
  // Only the accept check or the step itself can send a tier's answer up.
  return climb.accept !== undefined || (step.mayEscalate?.(task) ?? true);
}

/** A scope whose text deltas wait until `release`; the other events go out as they come. */
function holdText(scope: RunScope): { scope: RunScope; release: () => void } {
  if (!scope.streaming) return { scope, release: () => {} };
  const held: RunEvent<unknown>[] = [];
  return {
    scope: {
      ...scope,
      emit: (event) => (event.type === 'text-delta' ? held.push(event) : scope.emit(event)),
    },
    release: () => {
      for (const event of held) scope.emit(event);
    },
  };
}

/**
 * What an escalation hands on to the next tier: the failed tier's own summary, or, when the run
 * has read untrusted content, fixed words only: the tier may have written what it read into its
 * summary, and the next tier (a manager planning with privileged specialists) must not read it.
 */
function handOn(
  scope: RunScope,
  tier: Tier,
  error: EscalationRequired,
  tools: readonly AnyTool[],
): string {
  if (!scope.security.ledger.readUntrusted) return error.summary;
  const cause: EscalationCause = error.cause;
  const named = 'tool' in cause ? cause.tool : undefined;
  const tool = named !== undefined && tools.some((t) => t.name === named) ? named : '';
  return untrustedSummary(tier, cause, tool);
}

/** Runs one tier in its span, then the caller's `accept` check on its output. */
async function runTier(
  scope: RunScope,
  tier: Tier,
  step: TierStep,
  task: PreparedTask,
  spanId: string,
  accept: AcceptCheck | undefined,
): Promise<unknown> {
  try {
    const output = await step(task, scope, spanId);
    if (accept !== undefined) {
      const toolErrors = scope.report.toolErrors.filter((error) => error.tier === tier);
      const verdict = await accept({ output, tier, toolErrors });
      if (verdict !== true) {
        const message =
          typeof verdict === 'string' && verdict ? verdict : 'the accept check returned false';
        throw new EscalationRequired(
          { type: 'rejected', message },
          { summary: rejectedSummary(tier, message), output },
        );
      }
    }
    scope.trace.close(spanId);
    return output;
  } catch (error) {
    scope.trace.close(spanId, { error });
    throw error;
  }
}
