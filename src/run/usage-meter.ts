import type { Usage } from '../core/language-model.ts';
import type { RunUsage, UsageTotals } from '../core/run-result.ts';
import type { Tier } from '../core/tier.ts';
import { roundUsd } from '../pricing/price-table.ts';

/** Where a model call's usage is counted. */
export interface UsageKey {
  readonly tier: Tier;
  readonly agent: string;
  /** `provider/modelId`. */
  readonly model: string;
}

/** Sums the usage of a run's model calls, in total and by tier, agent and model. */
export interface UsageMeter {
  add(key: UsageKey, usage: Usage, costUsd: number | null): void;
  /** Adds what another run used (a user's own executor run inside this one). */
  merge(other: RunUsage): void;
  /** Tokens used so far, input and output. */
  readonly tokens: number;
  /** USD spent so far; `null` once a call had no known price. */
  readonly costUsd: number | null;
  /** Tokens and USD that calls in flight may still use (budget reservations). */
  readonly reservedTokens: number;
  readonly reservedUsd: number;
  /** Adds to the reservations (a negative amount gives some back). */
  reserve(tokens: number, usd: number): void;
  snapshot(): RunUsage;
}

const ZERO: UsageTotals = {
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  costUsd: 0,
  calls: 0,
};

/** Creates an empty {@link UsageMeter}. */
export function createUsageMeter(): UsageMeter {
  let total = ZERO;
  let reservedTokens = 0;
  let reservedUsd = 0;
  const byTier: Partial<Record<Tier, UsageTotals>> = {};
  const byAgent: Record<string, UsageTotals> = {};
  const byModel: Record<string, UsageTotals> = {};
  return {
    add(key, usage, costUsd) {
      total = plus(total, usage, costUsd);
      byTier[key.tier] = plus(byTier[key.tier] ?? ZERO, usage, costUsd);
      byAgent[key.agent] = plus(byAgent[key.agent] ?? ZERO, usage, costUsd);
      byModel[key.model] = plus(byModel[key.model] ?? ZERO, usage, costUsd);
    },
    merge(other) {
      total = sum(total, other);
      for (const [tier, totals] of Object.entries(other.byTier) as [Tier, UsageTotals][]) {
        byTier[tier] = sum(byTier[tier] ?? ZERO, totals);
      }
      for (const [agent, totals] of Object.entries(other.byAgent)) {
        byAgent[agent] = sum(byAgent[agent] ?? ZERO, totals);
      }
      for (const [model, totals] of Object.entries(other.byModel)) {
        byModel[model] = sum(byModel[model] ?? ZERO, totals);
      }
    },
    get tokens() {
      return total.inputTokens + total.outputTokens;
    },
    get costUsd() {
      return total.costUsd;
    },
    get reservedTokens() {
      return reservedTokens;
    },
    get reservedUsd() {
      return reservedUsd;
    },
    reserve(tokens, usd) {
      reservedTokens += tokens;
      reservedUsd += usd;
    },
    snapshot() {
      return { ...total, byTier: { ...byTier }, byAgent: { ...byAgent }, byModel: { ...byModel } };
    },
  };
}

function plus(totals: UsageTotals, usage: Usage, costUsd: number | null): UsageTotals {
  const { inputTokens, outputTokens, cachedInputTokens } = usage;
  return sum(totals, {
    inputTokens,
    outputTokens,
    cachedInputTokens,
    costUsd,
    calls: 1,
    ...(usage.estimated ? { estimated: true } : {}),
  });
}

function sum(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    costUsd: a.costUsd === null || b.costUsd === null ? null : roundUsd(a.costUsd + b.costUsd),
    calls: a.calls + b.calls,
    ...(a.estimated || b.estimated ? { estimated: true } : {}),
  };
}
