// The Vercel AI SDK: `generateText` with tools and `stopWhen: stepCountIs(n)`, maxRetries 0. Its
// OpenAI provider (`createOpenAI({ baseURL, apiKey })`) speaks HTTP with `fetch` itself; it does not
// use the `openai` client. The fan-out is its subagent pattern: a manager whose 8 tools each run a
// nested `generateText`. Step results keep each request and response body (the default). With
// `timeLimits`, agent runs get `timeout: { totalMs, stepMs }` at tierup's default limits.
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, type ToolSet, tool } from 'ai';
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

/** The mock's tally name of the AI SDK with time limits. */
export const TIME_LIMITED = 'AI SDK (time limits)';

export function aiSdk(setup: ContenderSetup): Contender {
  const provider = createOpenAI({
    baseURL: setup.baseURL,
    apiKey: 'bench',
    headers: { [CONTENDER_HEADER]: setup.timeLimits ? TIME_LIMITED : 'AI SDK' },
  });
  const timeLimits = setup.timeLimits ? { timeout: { totalMs: 600_000, stepMs: 60_000 } } : {};
  const model = setup.api === 'chat' ? provider.chat(MODEL) : provider.responses(MODEL);
  const maxSteps = setup.maxSteps ?? 10;
  const toolRuns = { orders: 0, specialists: 0 };
  const orderTools = {
    [ORDER_TOOL.name]: tool({
      description: ORDER_TOOL.description,
      inputSchema: z.object({ orderId: z.string() }),
      execute: async ({ orderId }) => {
        toolRuns.orders++;
        return orderStatus(orderId);
      },
    }),
  };
  const specialists: ToolSet = Object.fromEntries(
    REGIONS.map((region) => {
      const own = regionTool(region);
      const figures = {
        [own.name]: tool({
          description: own.description,
          inputSchema: z.object({ quarter: z.string() }),
          execute: async () => '{}',
        }),
      };
      return [
        region,
        tool({
          description: `The ${region} specialist: give it its part of the report.`,
          inputSchema: z.object({ input: z.string() }),
          execute: async ({ input }, { abortSignal }) => {
            toolRuns.specialists++;
            const result = await generateText({
              model,
              system: specialistInstructions(region),
              prompt: input,
              tools: figures,
              stopWhen: stepCountIs(10),
              maxRetries: 0,
              ...(abortSignal ? { abortSignal } : {}),
            });
            return result.text;
          },
        }),
      ];
    }),
  );
  return {
    name: 'AI SDK',
    toolRuns,
    direct: async () => {
      const result = await generateText({
        model,
        system: 'Answer the request directly.',
        prompt: SUMMARY_REQUEST,
        maxRetries: 0,
      });
      return { output: result.text, result };
    },
    agent: async (steps) => {
      const result = await generateText({
        model,
        system: AGENT_INSTRUCTIONS,
        prompt: agentRequest(steps),
        tools: orderTools,
        stopWhen: stepCountIs(maxSteps),
        maxRetries: 0,
        ...timeLimits,
      });
      return { output: result.text, result };
    },
    fanOut: async () => {
      const result = await generateText({
        model,
        system: MANAGER_INSTRUCTIONS,
        prompt: FAN_OUT_REQUEST,
        tools: specialists,
        stopWhen: stepCountIs(10),
        maxRetries: 0,
      });
      return { output: result.text, result };
    },
  };
}
