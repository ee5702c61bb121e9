import { z } from 'zod';

/**
 * The three execution tiers, lowest first: one model call, one agent with tools,
 * or an orchestration of specialist agents.
 */
export const Tier = z.enum(['direct', 'agent', 'multi-agent']);
export type Tier = z.infer<typeof Tier>;

/** Tiers from lowest to highest. */
export const TIERS: readonly Tier[] = Tier.options;

/** Position of a tier in {@link TIERS}: 0 for `direct`, 2 for `multi-agent`. */
export function tierRank(tier: Tier): number {
  return tier === 'direct' ? 0 : tier === 'agent' ? 1 : 2;
}

/** The lower of two tiers. */
export function lowerTier(a: Tier, b: Tier): Tier {
  return tierRank(a) <= tierRank(b) ? a : b;
}

/**
 * The highest tier a request may reach: the router's `maxTier`, lowered by the task's
 * `hints.maxTier` when it gives one. The router caps its decision with it, and a run's
 * escalations stop at it.
 */
export function tierCap(maxTier: Tier, hints?: { readonly maxTier?: Tier | undefined }): Tier {
  return hints?.maxTier === undefined ? maxTier : lowerTier(maxTier, hints.maxTier);
}
