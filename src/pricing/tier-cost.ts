import type { Task } from '../core/task.ts';
import type { Tier } from '../core/tier.ts';
import { createPriceTable, type PriceTable } from './price-table.ts';

/**
 * The cost model `tierup calibrate` weighs tiers by: the model calls and tokens of one run of
 * each tier, estimated from the request's length and its tools, priced at one model's list price.
 * The routing economics of `npm run bench` (bench/side-by-side/routing-economics.ts) estimate
 * with the same model and {@link tierCalls}. No model is called.
 *
 * - direct: 1 call (system prompt and request in, an answer out);
 * - agent: 3 calls (2 tool calls, then the answer), the conversation growing by each tool call
 *   and its result;
 * - multi-agent: a plan, 3 specialists of 2 calls each (1 tool call, then a result) holding
 *   their domain's share of the tools, and a synthesis that reads the 3 results.
 */
export const TIER_COST_MODEL: TierCostModel = Object.freeze({
  /** The model whose list price weighs input and output tokens. */
  model: 'gpt-5.4-mini',
  charsPerToken: 4,
  /** A tier's system prompt. */
  systemTokens: 60,
  /** Per offered tool, on top of its name and description: its JSON schema. */
  toolSchemaTokens: 40,
  /** An answer to the user (direct, agent, synthesis). */
  answerTokens: 250,
  /** One tool call the model writes, and one tool result it reads. */
  toolCallTokens: 30,
  toolResultTokens: 150,
  /** Agent tier: tool calls before the answer. */
  agentToolCalls: 2,
  /** Multi-agent tier: specialists the plan starts, each an agent with one tool call. */
  specialists: 3,
  specialistToolCalls: 1,
  /** The plan's system prompt, its JSON schema, each subtask it writes. */
  planSystemTokens: 200,
  planSchemaTokens: 200,
  subtaskTokens: 60,
  /** A specialist's result, as the synthesis reads it. */
  resultTokens: 200,
});

/** The token counts of {@link TIER_COST_MODEL}, to vary them (the bench's sensitivity table). */
export interface TierCostModel {
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

/** One model call of a tier's run: its input and output tokens. */
export interface TierCall {
  readonly input: number;
  readonly output: number;
}

const PRICES = createPriceTable();

/**
 * What one run of each tier would cost for a task under {@link TIER_COST_MODEL}, in USD.
 *
 * @example
 * const costs = tierCosts(parseTask({ input: 'Where is order 30418?', tools: [getOrder] }));
 * costs.direct < costs.agent; // true
 */
export function tierCosts(task: Task): Readonly<Record<Tier, number>> {
  return {
    direct: costOfCalls(tierCalls(task, 'direct')),
    agent: costOfCalls(tierCalls(task, 'agent')),
    'multi-agent': costOfCalls(tierCalls(task, 'multi-agent')),
  };
}

/** The model calls one run of `tier` makes for a task under a cost model (tokens, not USD). */
export function tierCalls(
  task: Pick<Task, 'input' | 'tools'>,
  tier: Tier,
  m: TierCostModel = TIER_COST_MODEL,
): TierCall[] {
  const tokens = (text: string) => Math.ceil(text.length / m.charsPerToken);
  const request = tokens(task.input);
  let tools = 0;
  for (const tool of task.tools) {
    tools += tokens(`${tool.name} ${tool.description}`) + m.toolSchemaTokens;
  }
  if (tier === 'direct') return [{ input: m.systemTokens + request, output: m.answerTokens }];
  if (tier === 'agent') {
    return agentCalls(m, m.systemTokens + request + tools, m.agentToolCalls, m.answerTokens);
  }
  const domains = new Set(task.tools.map((tool) => tool.domain)).size;
  const plan = {
    input: m.planSystemTokens + request + m.planSchemaTokens,
    output: m.specialists * m.subtaskTokens,
  };
  // A specialist holds its domain's tools only: on average, the tools over the domains.
  const ownTools = Math.ceil(tools / Math.max(1, domains));
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

/** An agent loop's calls: `toolCalls` calls, then the answer; the conversation grows. */
function agentCalls(
  m: TierCostModel,
  context: number,
  toolCalls: number,
  answer: number,
): TierCall[] {
  return Array.from({ length: toolCalls + 1 }, (_, j) => ({
    input: context + j * (m.toolCallTokens + m.toolResultTokens),
    output: j < toolCalls ? m.toolCallTokens : answer,
  }));
}

/**
 * What a tier's calls cost at a model's price, by the price table's own rule (no cached input).
 * @throws when the table has no price for the model.
 */
export function costOfCalls(
  calls: readonly TierCall[],
  model: string = TIER_COST_MODEL.model,
  table: PriceTable = PRICES,
): number {
  let usd = 0;
  for (const call of calls) {
    const usage = { inputTokens: call.input, outputTokens: call.output, cachedInputTokens: 0 };
    const cost = table.costOf(model, usage);
    if (cost === null) throw new Error(`the price table has no price for ${model}`);
    usd += cost;
  }
  return usd;
}
