// @openai/agents: `run()` with an Agent over an injected `openai` client (maxRetries 0), through
// OpenAIChatCompletionsModel or OpenAIResponsesModel. The fan-out is the SDK's manager pattern:
// 8 specialist agents as tools (`agent.asTool()`), all called in the manager's one turn. Tracing
// is switched off (`setTracingDisabled(true)`): its exporter would post to OpenAI, which is not
// reachable here; tierup's trace, which has no exporter, stays on.
import {
  Agent,
  OpenAIChatCompletionsModel,
  OpenAIResponsesModel,
  run,
  setTracingDisabled,
  tool,
} from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
import {
  AGENT_INSTRUCTIONS,
  agentRequest,
  CONTENDER_HEADER,
  FAN_OUT_REQUEST,
  MANAGER_INSTRUCTIONS,
  MODEL,
  ORDER_TOOL,
  orderStatus,
  REGIONS,
  regionTool,
  SUMMARY_REQUEST,
  specialistInstructions,
} from '../fixtures.ts';
import type { Contender, ContenderSetup } from './contender.ts';

setTracingDisabled(true);

export function openaiAgents(setup: ContenderSetup): Contender {
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL: setup.baseURL,
    maxRetries: 0,
    defaultHeaders: { [CONTENDER_HEADER]: '@openai/agents' },
  });
  const model =
    setup.api === 'chat'
      ? new OpenAIChatCompletionsModel(client, MODEL)
      : new OpenAIResponsesModel(client, MODEL);
  const maxTurns = setup.maxSteps ?? 10;
  const toolRuns = { orders: 0, specialists: 0 };
  const getOrder = tool({
    ...ORDER_TOOL,
    parameters: z.object({ orderId: z.string() }),
    execute: ({ orderId }) => {
      toolRuns.orders++;
      return orderStatus(orderId);
    },
  });
  const summarizer = new Agent({
    name: 'summarizer',
    instructions: 'Answer the request directly.',
    model,
  });
  const assistant = new Agent({
    name: 'assistant',
    instructions: AGENT_INSTRUCTIONS,
    model,
    tools: [getOrder],
  });
  const manager = new Agent({
    name: 'manager',
    instructions: MANAGER_INSTRUCTIONS,
    model,
    tools: REGIONS.map((region) => {
      const specialist = new Agent({
        name: region,
        instructions: specialistInstructions(region),
        model,
        tools: [
          tool({
            ...regionTool(region),
            parameters: z.object({ quarter: z.string() }),
            execute: () => '{}',
          }),
        ],
      });
      return specialist.asTool({
        toolName: region,
        toolDescription: `The ${region} specialist: give it its part of the report.`,
        customOutputExtractor: (result) => {
          toolRuns.specialists++;
          return String(result.finalOutput ?? '');
        },
      });
    }),
  });
  const outcome = (result: { finalOutput?: unknown }) => ({
    output: String(result.finalOutput ?? ''),
    result,
  });
  return {
    name: '@openai/agents',
    toolRuns,
    direct: async () => outcome(await run(summarizer, SUMMARY_REQUEST)),
    agent: async (steps) => outcome(await run(assistant, agentRequest(steps), { maxTurns })),
    fanOut: async () => outcome(await run(manager, FAN_OUT_REQUEST)),
  };
}
