// Scenario 6: what routing saves on data/routing/dev.jsonl, under a stated cost model, and
// what the router itself costs. No model is called: each tier's calls and tokens are estimated from
// the request's own length and its tools, and priced from tierup's price table.
import { readFileSync } from 'node:fs';
import { parseTask, type Task } from '../../src/core/task.ts';
import { tierRank } from '../../src/core/tier.ts';
import { createPriceTable, createRouter, type Tier, type ToolSpecInput } from '../../src/index.ts';
import {
  costOfCalls,
  TIER_COST_MODEL,
  type TierCall,
  type TierCostModel,
  tierCalls,
} from '../../src/pricing/tier-cost.ts';
import { MODEL } from './fixtures.ts';
import { median, type Progress, quantile, round3 } from './measure.ts';

/**
 * Token counts of the cost model (a token is 4 characters): `tierup calibrate`'s
 * (src/pricing/tier-cost.ts), priced at the bench's model.
 */
export const COST_MODEL: CostModel = { ...TIER_COST_MODEL, model: MODEL };

export type CostModel = TierCostModel;

interface RoutingRecord {
  readonly id: string;
  readonly input: string;
  readonly tools: ToolSpecInput[];
  readonly expected: { readonly tier: Tier };
}

export interface RoutingRow {
  /**
   * The labelled requests, relative to the repository. Results from before it was recorded read
   * ../shared/routing/dev.jsonl, of which data/routing/dev.jsonl is a byte-identical copy.
   */
  readonly file?: string;
  readonly costModel: CostModel;
  /** What routing saves against always multi-agent when the cost model's guesses change. */
  readonly sensitivity: { specialists: number; agentToolCalls: number; saved: number }[];
  readonly price: { inputPerMillion: number; outputPerMillion: number };
  readonly requests: number;
  readonly labels: Record<Tier, number>;
  /** Total USD over the requests, and model calls, of each policy. */
  readonly policies: Record<Policy, { usd: number; calls: number; met: number }>;
  readonly routed: Record<Tier, Record<Tier, number>>;
  readonly underEscalated: string[];
  readonly overEscalated: string[];
  /** The router's own time per request, µs. */
  readonly routerUs: { median: number; p99: number; passes: number };
}

export type Policy =
  | 'always multi-agent'
  | 'always agent'
  | 'tierup routing'
  | 'tierup routing + escalation'
  | 'oracle (the label)';

/** Runs scenario 6 over a JSONL file of labelled requests; `name` is how the results name it. */
export function measureRouting(
  file: URL,
  name: string,
  passes: number,
  progress: Progress,
): RoutingRow {
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RoutingRecord);
  // The cost model reads a task as the router does, defaults applied (domain `general`).
  const tasks = records.map((r) => parseTask({ input: r.input, tools: r.tools }));
  const prices = createPriceTable();
  const price = prices.priceOf(MODEL);
  if (price === undefined) throw new Error(`no price for ${MODEL}`);
  const costOf = (calls: readonly TierCall[]) => costOfCalls(calls, MODEL, prices);
  const router = createRouter();
  const policies = Object.fromEntries(
    (
      [
        'always multi-agent',
        'always agent',
        'tierup routing',
        'tierup routing + escalation',
        'oracle (the label)',
      ] as Policy[]
    ).map((p) => [p, { usd: 0, calls: 0, met: 0 }]),
  ) as Record<Policy, { usd: number; calls: number; met: number }>;
  const tiers: Tier[] = ['direct', 'agent', 'multi-agent'];
  const routed = Object.fromEntries(
    tiers.map((t) => [t, Object.fromEntries(tiers.map((u) => [u, 0]))]),
  ) as Record<Tier, Record<Tier, number>>;
  const labels = Object.fromEntries(tiers.map((t) => [t, 0])) as Record<Tier, number>;
  const underEscalated: string[] = [];
  const overEscalated: string[] = [];
  const add = (policy: Policy, calls: TierCall[], met: boolean) => {
    policies[policy].usd += costOf(calls);
    policies[policy].calls += calls.length;
    if (met) policies[policy].met++;
  };
  for (const [i, record] of records.entries()) {
    const task = tasks[i] as Task;
    const label = record.expected.tier;
    const tier = router.route({ input: record.input, tools: record.tools }).tier;
    labels[label]++;
    routed[label][tier]++;
    if (tierRank(tier) < tierRank(label)) underEscalated.push(record.id);
    if (tierRank(tier) > tierRank(label)) overEscalated.push(record.id);
    const met = (t: Tier) => tierRank(t) >= tierRank(label);
    add('always multi-agent', tierCalls(task, 'multi-agent'), true);
    add('always agent', tierCalls(task, 'agent'), met('agent'));
    add('tierup routing', tierCalls(task, tier), met(tier));
    // An under-escalated request fails on its tier, then escalates one tier at a time to the label.
    const climbed = tiers.slice(tierRank(tier), Math.max(tierRank(tier), tierRank(label)) + 1);
    add(
      'tierup routing + escalation',
      climbed.flatMap((t) => tierCalls(task, t)),
      true,
    );
    add('oracle (the label)', tierCalls(task, label), true);
  }

  const decisions = records.map((r) => router.route({ input: r.input, tools: r.tools }).tier);
  const sensitivity = [2, 3, 5].flatMap((specialists) =>
    [1, 2, 4].map((agentToolCalls) => {
      const m = { ...COST_MODEL, specialists, agentToolCalls };
      let routed = 0;
      let multi = 0;
      tasks.forEach((task, i) => {
        routed += costOf(tierCalls(task, decisions[i] as Tier, m));
        multi += costOf(tierCalls(task, 'multi-agent', m));
      });
      return { specialists, agentToolCalls, saved: round3(1 - routed / multi) };
    }),
  );

  progress.start(`router speed over ${name}`);
  const perRequest: number[] = [];
  for (let pass = 0; pass < passes + 5; pass++) {
    for (const record of records) {
      const start = process.hrtime.bigint();
      router.route({ input: record.input, tools: record.tools });
      if (pass >= 5) perRequest.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    progress.update(pass + 1, passes + 5);
  }
  return {
    file: name,
    costModel: COST_MODEL,
    sensitivity,
    price: { inputPerMillion: price.inputPerMillion, outputPerMillion: price.outputPerMillion },
    requests: records.length,
    labels,
    policies: Object.fromEntries(
      Object.entries(policies).map(([p, v]) => [p, { ...v, usd: round3(v.usd * 1e6) / 1e6 }]),
    ) as RoutingRow['policies'],
    routed,
    underEscalated,
    overEscalated,
    routerUs: {
      median: round3(median(perRequest)),
      p99: round3(quantile(perRequest, 0.99)),
      passes,
    },
  };
}
