// tierup, imported from ../src so the benchmark measures the working tree. Direct and agent work go
// through `createTierup().run`, the router included, and each run is checked to have stayed on the
// expected tier without escalating. The fan-out is `multiAgentExecutor` with 8 tool domains and
// `maxConcurrency: 8` (the default of 4 would run the specialists in two waves). `withholdSignal`
// is for `npm run bench:load` alone.
import OpenAI from 'openai';
import { z } from 'zod';
import {
  createTierup,
  defineTool,
  multiAgentExecutor,
  type RunResult,
  type Tier,
} from '../../../src/index.ts';
import { openaiModel } from '../../../src/providers/openai/index.ts';
import {
  AGENT_INSTRUCTIONS,
  agentRequest,
  CONTENDER_HEADER,
  FAN_OUT_REQUEST,
  MODEL,
  ORDER_TOOL,
  orderStatus,
  REGIONS,
  regionTool,
  SPECIALISTS,
  SUMMARY_REQUEST,
} from '../fixtures.ts';
import type { Contender, ContenderSetup, Outcome } from './contender.ts';

/** The mock's tally name of tierup with its requests' signal kept from the client. */
export const SIGNAL_WITHHELD = 'tierup (no signal to the client)';

export function tierup(setup: ContenderSetup): Contender {
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL: setup.baseURL,
    maxRetries: 0,
    defaultHeaders: { [CONTENDER_HEADER]: setup.withholdSignal ? SIGNAL_WITHHELD : 'tierup' },
  });
  if (setup.withholdSignal) withholdSignal(client);
  const model = openaiModel(client, { model: MODEL, api: setup.api });
  const maxSteps = setup.maxSteps ?? 10;
  const toolRuns = { orders: 0, specialists: 0 };
  const getOrder = defineTool({
    ...ORDER_TOOL,
    domain: 'commerce',
    input: z.object({ orderId: z.string() }),
    run: ({ orderId }) => {
      toolRuns.orders++;
      return orderStatus(orderId);
    },
  });
  const direct = createTierup({ model });
  const agent = createTierup({
    model,
    instructions: AGENT_INSTRUCTIONS,
    tools: [getOrder],
    budgets: { maxSteps },
  });
  const team = multiAgentExecutor({
    model,
    tools: REGIONS.map((region) =>
      defineTool({
        ...regionTool(region),
        domain: region,
        input: z.object({ quarter: z.string() }),
        run: () => '{}',
      }),
    ),
    budgets: { maxConcurrency: SPECIALISTS },
  });
  return {
    name: 'tierup',
    toolRuns,
    direct: async () => checked(await direct.run(SUMMARY_REQUEST), 'direct', 1),
    agent: async (steps) => checked(await agent.run(agentRequest(steps)), 'agent', steps),
    fanOut: async () => {
      const result = await team.run(FAN_OUT_REQUEST);
      toolRuns.specialists += result.trace.filter(
        (span) => span.type === 'agent' && span.name.startsWith('region'),
      ).length;
      return checked(result, 'multi-agent', 2 + SPECIALISTS);
    },
  };
}

/** Makes the client's Chat Completions calls go out without the caller's signal. */
function withholdSignal(client: OpenAI): void {
  const completions = client.chat.completions;
  const create = completions.create.bind(completions);
  completions.create = ((body: never, options?: { signal?: AbortSignal }) =>
    create(body, { ...options, signal: null })) as typeof completions.create;
}

/** The output of a run, after checking its tier, that it did not escalate, and its model calls. */
function checked(result: RunResult<string>, tier: Tier, calls: number): Outcome {
  if (result.tier !== tier || result.escalations.length > 0 || result.usage.calls !== calls) {
    throw new Error(
      `tierup: expected ${calls} calls on ${tier}, got ${result.usage.calls} on ${result.tier} ` +
        `(${result.escalations.length} escalations)`,
    );
  }
  return { output: result.output, result };
}
