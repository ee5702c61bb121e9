import {
  type Decision,
  MULTI_AGENT_SIGNALS,
  type ReasonCode,
  type SignalDecision,
  type SignalName,
  type TierOverride,
} from '../core/decision.ts';
import type { Task } from '../core/task.ts';
import { lowerTier, type Tier, tierCap } from '../core/tier.ts';
import type { ResolvedRouterConfig } from './options.ts';
import type { Reason } from './reasons.ts';

/** The codes of the reasons the policy writes: a decision picked again drops them first. */
export const POLICY_REASON_CODES: readonly ReasonCode[] = ['hint-tier', 'max-tier'];

/**
 * The tier policy: multi-agent when a multi-agent signal is set, else agent when toolUse is set,
 * else direct; then the task's `hints.tier` forces a tier and `tierCap` (the lower of the router's
 * `maxTier` and `hints.maxTier`) caps it. Each change is appended to `reasons`.
 */
export function applyTierPolicy(
  task: Task,
  config: ResolvedRouterConfig,
  signals: Readonly<Record<SignalName, SignalDecision>>,
  reasons: Reason[],
): Pick<Decision, 'tier' | 'signalTier' | 'override'> {
  const multi = MULTI_AGENT_SIGNALS.some((s) => signals[s].set);
  const signalTier: Tier = multi ? 'multi-agent' : signals.toolUse.set ? 'agent' : 'direct';
  let tier = signalTier;
  let override: TierOverride | undefined;
  const hintTier = task.hints?.tier;
  if (hintTier !== undefined && hintTier !== tier) {
    override = { by: 'hint', from: tier, to: hintTier };
    reasons.push({
      code: 'hint-tier',
      text: `the task's hint forces ${hintTier} instead of ${tier}`,
    });
    tier = hintTier;
  }
  const capped = lowerTier(tier, tierCap(config.maxTier, task.hints));
  if (capped !== tier) {
    const asked = override === undefined ? 'signals call' : "the task's hint asks";
    override = { by: 'max-tier', from: override?.from ?? tier, to: capped };
    reasons.push({
      code: 'max-tier',
      text: `capped at ${capped} by maxTier (${asked} for ${tier})`,
    });
    tier = capped;
  }
  return override === undefined ? { tier, signalTier } : { tier, signalTier, override };
}
