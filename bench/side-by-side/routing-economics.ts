// Scenario 6: what routing saves on data/routing/dev.jsonl, under a stated cost model, and
// what the router itself costs. No model is called: each tier's calls and tokens are estimated from
// the request's own length and its tools, and priced from tierup's price table.
import { readFileSync } from 'node:fs';
import { tierRank } from '../../src/core/tier.ts';
import { createPriceTable, createRouter, type Tier, type ToolSpecInput } from '../../src/index.ts';
import { MODEL } from './fixtures.ts';
import { median, type Progress, quantile, round3 } from './measure.ts';

/** Token counts of the cost model (a token is 4 characters). */
export const COST_MODEL: CostModel = {
  model: MODEL,
  charsPerToken: 4,
  /** A tier's system prompt. */
  systemTokens: 60,
  /** Per offered tool, on top of its name and description: the JSON schema. */
  toolSchemaTokens: 40,
  /** An answer to the user (direct, agent, synthesis). */
  answerTokens: 250,
  /** One tool call the model writes, and one tool result it reads. */
  toolCallTokens: 30,
  toolResultTokens: 150,
  /** Agent tier: tool calls before the answer (calls = toolCalls + 1). */
  agentToolCalls: 2,
  /** Multi-agent tier: specialists the plan starts, each an agent with one tool call. */
  specialists: 3,
  specialistToolCalls: 1,
  /** The plan's system prompt (role and the specialists' list), its JSON schema, each subtask. */
  planSystemTokens: 200,
  planSchemaTokens: 200,
  subtaskTokens: 60,
  /** A specialist's result, as the synthesis reads it. */
  resultTokens: 200,
};

export interface CostModel {
  readonly model: string;
  readonly charsPerToken: number;
  readonly systemTokens: number;
  readonly toolSchemaTokens: number;
  readonly answerTokens: number;
  readonly toolCallTokens: number;
  readonly toolResultTokens: number;
  readonly agentToolCalls: number;
  readonly specialists: number;
  readonly specialistToolCalls: number;
  readonly planSystemTokens: number;
  readonly planSchemaTokens: number;
  readonly subtaskTokens: number;
  readonly resultTokens: number;
}

interface Call {
  readonly input: number;
  readonly output: number;
}

interface RoutingRecord {
  readonly id: string;
  readonly input: string;
  readonly tools: ToolSpecInput[];
  readonly expected: { readonly tier: Tier };
}

/** The model calls of an agent loop: `toolCalls` calls, then the answer; the conversation grows. */
function agentCalls(m: CostModel, context: number, toolCalls: number, answer: number): Call[] {
  return Array.from({ length: toolCalls + 1 }, (_, j) => ({
    input: context + j * (m.toolCallTokens + m.toolResultTokens),
    output: j < toolCalls ? m.toolCallTokens : answer,
  }));
}

/** The calls each tier makes for one request under a cost model. */
export function tierCalls(record: RoutingRecord, tier: Tier, m: CostModel = COST_MODEL): Call[] {
  const tokens = (text: string) => Math.ceil(text.length / m.charsPerToken);
  const request = tokens(record.input);
  const toolTokens = (tools: readonly ToolSpecInput[]) =>
    tools.reduce(
      (sum, t) => sum + tokens(`${t.name} ${t.description ?? ''}`) + m.toolSchemaTokens,
      0,
    );
  if (tier === 'direct') return [{ input: m.systemTokens + request, output: m.answerTokens }];
  if (tier === 'agent') {
    return agentCalls(
      m,
      m.systemTokens + request + toolTokens(record.tools),
      m.agentToolCalls,
      m.answerTokens,
    );
  }
  const domains = new Set(record.tools.map((t) => t.domain ?? 'general')).size;
  const plan = {
    input: m.planSystemTokens + request + m.planSchemaTokens,
    output: m.specialists * m.subtaskTokens,
  };
  // A specialist holds its domain's tools only: on average, the tools over the domains.
  const ownTools = Math.ceil(toolTokens(record.tools) / Math.max(1, domains));
  const specialist = agentCalls(
    m,
    m.systemTokens + m.subtaskTokens + ownTools,
    m.specialistToolCalls,
    m.resultTokens,
  );
  const synthesis = {
    input: m.systemTokens + request + m.specialists * m.resultTokens,
    output: m.answerTokens,
  };
  return [plan, ...Array.from({ length: m.specialists }, () => specialist).flat(), synthesis];
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
  const prices = createPriceTable();
  const price = prices.priceOf(MODEL);
  if (price === undefined) throw new Error(`no price for ${MODEL}`);
  const costOf = (calls: readonly Call[]) =>
    calls.reduce(
      (sum, c) =>
        sum +
        (prices.costOf(MODEL, {
          inputTokens: c.input,
          outputTokens: c.output,
          cachedInputTokens: 0,
        }) ?? Number.NaN),
      0,
    );
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
  const add = (policy: Policy, calls: Call[], met: boolean) => {
    policies[policy].usd += costOf(calls);
    policies[policy].calls += calls.length;
    if (met) policies[policy].met++;
  };
  for (const record of records) {
    const label = record.expected.tier;
    const tier = router.route({ input: record.input, tools: record.tools }).tier;
    labels[label]++;
    routed[label][tier]++;
    if (tierRank(tier) < tierRank(label)) underEscalated.push(record.id);
    if (tierRank(tier) > tierRank(label)) overEscalated.push(record.id);
    const met = (t: Tier) => tierRank(t) >= tierRank(label);
    add('always multi-agent', tierCalls(record, 'multi-agent'), true);
    add('always agent', tierCalls(record, 'agent'), met('agent'));
    add('tierup routing', tierCalls(record, tier), met(tier));
    // An under-escalated request fails on its tier, then escalates one tier at a time to the label.
    const climbed = tiers.slice(tierRank(tier), Math.max(tierRank(tier), tierRank(label)) + 1);
    add(
      'tierup routing + escalation',
      climbed.flatMap((t) => tierCalls(record, t)),
      true,
    );
    add('oracle (the label)', tierCalls(record, label), true);
  }

  const decisions = records.map((r) => router.route({ input: r.input, tools: r.tools }).tier);
  const sensitivity = [2, 3, 5].flatMap((specialists) =>
    [1, 2, 4].map((agentToolCalls) => {
      const m = { ...COST_MODEL, specialists, agentToolCalls };
      let routed = 0;
      let multi = 0;
      records.forEach((record, i) => {
        routed += costOf(tierCalls(record, decisions[i] as Tier, m));
        multi += costOf(tierCalls(record, 'multi-agent', m));
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
