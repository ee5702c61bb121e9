// The floor: what a careful engineer writes with the `openai` client alone (maxRetries 0). Tool
// arguments are JSON-parsed and checked with the tool's zod schema, as every library does; no
// abort signal, retries, budgets, trace or usage accounting.
import OpenAI from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type {
  FunctionTool,
  ResponseFunctionToolCall,
  ResponseInputItem,
} from 'openai/resources/responses/responses';
import { z } from 'zod';
import {
  AGENT_INSTRUCTIONS,
  type Api,
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

interface HandTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
  readonly input: z.ZodType;
  run(input: never): Promise<string> | string;
}

const DIRECT_INSTRUCTIONS = 'Answer the request directly.';
const objectOf = (field: string) => ({
  type: 'object',
  properties: { [field]: { type: 'string' } },
  required: [field],
  additionalProperties: false,
});

export function handWritten(setup: ContenderSetup): Contender {
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL: setup.baseURL,
    maxRetries: 0,
    defaultHeaders: { [CONTENDER_HEADER]: 'hand-written' },
  });
  const maxSteps = setup.maxSteps ?? 10;
  const toolRuns = { orders: 0, specialists: 0 };
  const getOrder: HandTool = {
    ...ORDER_TOOL,
    parameters: objectOf('orderId'),
    input: z.object({ orderId: z.string() }),
    run: ({ orderId }: { orderId: string }) => {
      toolRuns.orders++;
      return orderStatus(orderId);
    },
  };
  const regionTools = REGIONS.map(
    (region): HandTool => ({
      ...regionTool(region),
      parameters: objectOf('quarter'),
      input: z.object({ quarter: z.string() }),
      run: () => '{}',
    }),
  );
  const specialists = REGIONS.map(
    (region, i): HandTool => ({
      name: region,
      description: `The ${region} specialist: give it its part of the report.`,
      parameters: objectOf('input'),
      input: z.object({ input: z.string() }),
      run: async ({ input }: { input: string }) => {
        toolRuns.specialists++;
        const tools = regionTools.slice(i, i + 1);
        return (await loop(client, setup.api, specialistInstructions(region), input, tools, 10))
          .output;
      },
    }),
  );
  return {
    name: 'hand-written',
    toolRuns,
    direct: () => loop(client, setup.api, DIRECT_INSTRUCTIONS, SUMMARY_REQUEST, [], 1),
    agent: (steps) =>
      loop(client, setup.api, AGENT_INSTRUCTIONS, agentRequest(steps), [getOrder], maxSteps),
    fanOut: () => loop(client, setup.api, MANAGER_INSTRUCTIONS, FAN_OUT_REQUEST, specialists, 10),
  };
}

async function runTool(tools: readonly HandTool[], name: string, args: string): Promise<string> {
  const tool = tools.find((t) => t.name === name);
  if (tool === undefined) return `Unknown tool ${name}`;
  let value: unknown;
  try {
    value = JSON.parse(args);
  } catch {
    return 'Arguments are not JSON';
  }
  const checked = tool.input.safeParse(value);
  if (!checked.success) return `Invalid arguments: ${checked.error.message}`;
  return tool.run(checked.data as never);
}

/** The tool loop: call, run the turn's tools at once, answer them, until a text answer. */
async function loop(
  client: OpenAI,
  api: Api,
  system: string,
  user: string,
  tools: readonly HandTool[],
  maxSteps: number,
): Promise<{ output: string; result: unknown }> {
  if (api === 'chat') {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ];
    const offered = tools.map(
      (t): ChatCompletionTool => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.parameters },
      }),
    );
    for (let step = 0; step < maxSteps; step++) {
      const completion = await client.chat.completions.create({
        model: MODEL,
        messages,
        ...(offered.length > 0 ? { tools: offered } : {}),
      });
      const message = completion.choices[0]?.message;
      const calls = (message?.tool_calls ?? []).filter((call) => call.type === 'function');
      if (calls.length === 0) return { output: message?.content ?? '', result: messages };
      messages.push({ role: 'assistant', content: message?.content ?? null, tool_calls: calls });
      const outputs = await Promise.all(
        calls.map((call) => runTool(tools, call.function.name, call.function.arguments)),
      );
      calls.forEach((call, i) => {
        messages.push({ role: 'tool', tool_call_id: call.id, content: outputs[i] ?? '' });
      });
    }
    throw new Error(`hand-written loop: no answer after ${maxSteps} calls`);
  }
  const input: ResponseInputItem[] = [{ role: 'user', content: user }];
  const offered = tools.map(
    (t): FunctionTool => ({
      type: 'function',
      name: t.name,
      description: t.description,
      parameters: t.parameters,
      strict: false,
    }),
  );
  for (let step = 0; step < maxSteps; step++) {
    const response = await client.responses.create({
      model: MODEL,
      instructions: system,
      input,
      store: false,
      ...(offered.length > 0 ? { tools: offered } : {}),
    });
    const calls = response.output.filter(
      (item): item is ResponseFunctionToolCall => item.type === 'function_call',
    );
    if (calls.length === 0) return { output: response.output_text, result: input };
    for (const { call_id, name, arguments: args } of calls) {
      input.push({ type: 'function_call', call_id, name, arguments: args });
    }
    const outputs = await Promise.all(calls.map((c) => runTool(tools, c.name, c.arguments)));
    calls.forEach((call, i) => {
      input.push({ type: 'function_call_output', call_id: call.call_id, output: outputs[i] ?? '' });
    });
  }
  throw new Error(`hand-written loop: no answer after ${maxSteps} calls`);
}
