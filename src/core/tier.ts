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
