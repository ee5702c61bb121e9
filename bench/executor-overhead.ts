// Executor overhead and fan-out: `npm run bench:executors`.
// 1. What tierup's executors add over the model calls themselves: each executor against a
//    hand-written equivalent over the same `openai` client, against the loopback mock server with
//    no delay, measured side by side in one run (pairs, the order alternating), medians. Both sides
//    send byte-identical request bodies (checked before timing) and run the same tool with the
//    same zod validation of its JSON-parsed arguments.
// 2. Fan-out: 8 independent specialists at maxConcurrency 8, every model call 100 ms, against the
//    ideal critical path and a hand-written Promise.all floor, measured alternately.
import { cpus } from 'node:os';
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
import { VERSION } from 'openai/version';
import { z } from 'zod';
import type { JsonSchema } from '../src/core/language-model.ts';
import {
  type AnyTool,
  agentExecutor,
  createTierup,
  defineTool,
  directExecutor,
  multiAgentExecutor,
  type RunResult,
} from '../src/index.ts';
import { openaiModel } from '../src/providers/openai/index.ts';
import { type MockRule, startMockLlmServer } from '../src/testing/index.ts';

type Api = 'chat' | 'responses';
const APIS: readonly Api[] = ['chat', 'responses'];
const WARMUP = Number(process.env.WARMUP ?? 300);
const PAIRS = Number(process.env.PAIRS ?? 1_500);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const MODEL = 'gpt-5.4-mini'; // priced, so every call's cost is computed as in production
const DELAY_MS = 100;
const SPECIALISTS = 8;

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id, with its status and delivery estimate.',
  domain: 'commerce',
  input: z.object({ orderId: z.string().regex(/^\d+$/) }),
  run: ({ orderId }) => ({ orderId, status: 'shipped', eta: orderId === '30418' ? 'Tue' : 'Thu' }),
});
const lookupPart = defineTool({
  name: 'lookup_part',
  description: 'Fetch the figures of one part of the quarterly report.',
  input: z.object({ part: z.number().int().min(1) }),
  run: ({ part }) => ({ part, figures: [part, part * 2, part * 3] }),
});
// The hand-written side's tool descriptions, written out as a hand-written client would.
const SCHEMAS: Record<string, JsonSchema> = {
  get_order: {
    type: 'object',
    properties: { orderId: { type: 'string', pattern: '^\\d+$' } },
    required: ['orderId'],
  },
  lookup_part: {
    type: 'object',
    properties: { part: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
    required: ['part'],
  },
};

const QUESTION = 'Where are my orders 30418 and 30419? Check both and tell me when they arrive.';
const ANSWER = 'Order 30418 arrives Tuesday and order 30419 on Thursday.';
const SUMMARY = 'Summarize in one sentence: tierup routes each request to the lowest tier.';
const SUMMARIZED = 'tierup runs each request on the cheapest tier that can meet it.';
const REPORT = 'Write the quarterly report: 8 parts, one per region.';
const REPORTED = 'The quarterly report, 8 parts.';
const usage = { inputTokens: 50, outputTokens: 12 };

// 3 model calls for QUESTION (get_order 30418, get_order 30419, answer), 1 for SUMMARY; the
// multi-agent rules answer the plan, each specialist and the synthesis after DELAY_MS.
const overheadRules: MockRule[] = [
  { match: { lastMessage: /"orderId":"30419"/ }, reply: { text: ANSWER, usage } },
  {
    match: { lastMessage: /"orderId":"30418"/ },
    reply: { toolCalls: [{ name: 'get_order', arguments: { orderId: '30419' } }], usage },
  },
  {
    match: { lastMessage: QUESTION },
    reply: { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }], usage },
  },
  { match: { lastMessage: SUMMARY }, reply: { text: SUMMARIZED, usage } },
];
const plan = {
  subtasks: Array.from({ length: SPECIALISTS }, (_, i) => ({
    id: `s${i + 1}`,
    specialist: `spec${i + 1}`,
    task: `Write part ${i + 1} of the quarterly report.`,
    dependsOn: [],
  })),
};
const fanOutRules = (withTool: boolean): MockRule[] => [
  {
    match: { system: 'Plan the request' },
    reply: { text: JSON.stringify(plan), usage, delayMs: DELAY_MS },
  },
  {
    match: { system: 'Write the final answer' },
    reply: { text: REPORTED, usage, delayMs: DELAY_MS },
  },
  {
    match: { system: /You are the spec\d specialist/ },
    reply: ({ system, lastMessage }) => {
      const part = Number(/spec(\d)/.exec(system)?.[1]);
      return withTool && !lastMessage.startsWith('{"part"')
        ? { toolCalls: [{ name: 'lookup_part', arguments: { part } }], usage, delayMs: DELAY_MS }
        : { text: `Part ${part} done.`, usage, delayMs: DELAY_MS };
    },
  },
];

// The hand-written floor: the same calls with the SDK alone. Tool arguments are JSON-parsed and
// validated with the tool's zod schema, as tierup does; no abort signal, timeouts, retries,
// budgets, trace or usage accounting.
const noSignal = new AbortController().signal;
async function runHandTool(tools: readonly AnyTool[], name: string, args: string) {
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
  const result = await tool.run(checked.data, { signal: noSignal });
  return typeof result === 'string' ? result : JSON.stringify(result);
}

async function handLoop(
  client: OpenAI,
  api: Api,
  system: string,
  user: string,
  tools: readonly AnyTool[] = [],
): Promise<string> {
  if (api === 'chat') {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ];
    const offered = tools.map(
      (t): ChatCompletionTool => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: SCHEMAS[t.name] },
      }),
    );
    for (let step = 0; step < 10; step++) {
      const completion = await client.chat.completions.create(
        {
          model: MODEL,
          messages,
          ...(offered.length > 0 ? { tools: offered, tool_choice: 'auto' as const } : {}),
          stream: false,
        },
        { maxRetries: 0 },
      );
      const message = completion.choices[0]?.message;
      const calls = (message?.tool_calls ?? []).filter((call) => call.type === 'function');
      if (calls.length === 0) return message?.content ?? '';
      messages.push({ role: 'assistant', content: message?.content ?? null, tool_calls: calls });
      const outputs = await Promise.all(
        calls.map((call) => runHandTool(tools, call.function.name, call.function.arguments)),
      );
      calls.forEach((call, i) => {
        messages.push({ role: 'tool', tool_call_id: call.id, content: outputs[i] ?? '' });
      });
    }
    throw new Error('hand loop: no answer after 10 calls');
  }
  const input: ResponseInputItem[] = [{ role: 'user', content: user }];
  const offered = tools.map(
    (t): FunctionTool => ({
      type: 'function',
      name: t.name,
      description: t.description,
      parameters: SCHEMAS[t.name] ?? null,
      strict: false,
    }),
  );
  for (let step = 0; step < 10; step++) {
    const response = await client.responses.create(
      {
        model: MODEL,
        input,
        store: false,
        instructions: system,
        ...(offered.length > 0 ? { tools: offered, tool_choice: 'auto' as const } : {}),
        stream: false,
      },
      { maxRetries: 0 },
    );
    const calls = response.output.filter(
      (item): item is ResponseFunctionToolCall => item.type === 'function_call',
    );
    if (calls.length === 0) return response.output_text;
    for (const { call_id, name, arguments: args } of calls) {
      input.push({ type: 'function_call', call_id, name, arguments: args });
    }
    const outputs = await Promise.all(
      calls.map((call) => runHandTool(tools, call.name, call.arguments)),
    );
    calls.forEach((call, i) => {
      input.push({ type: 'function_call_output', call_id: call.call_id, output: outputs[i] ?? '' });
    });
  }
  throw new Error('hand loop: no answer after 10 calls');
}

/** A hand-written manager: plan, the subtasks at once with Promise.all, synthesis. */
const PlanShape = z.object({
  subtasks: z.array(z.object({ id: z.string(), specialist: z.string(), task: z.string() })),
});
async function handFanOut(client: OpenAI, api: Api, withTool: boolean): Promise<string> {
  const planned = PlanShape.parse(
    JSON.parse(await handLoop(client, api, 'Plan the request as subtasks as JSON.', REPORT)),
  );
  const results = await Promise.all(
    planned.subtasks.map((s) =>
      handLoop(
        client,
        api,
        `You are the ${s.specialist} specialist. Do only the subtask you are given.`,
        s.task,
        withTool ? [lookupPart] : [],
      ),
    ),
  );
  return handLoop(
    client,
    api,
    'Write the final answer to the request from their results.',
    `Request:\n${REPORT}\n\nResults:\n${results.join('\n')}`,
  );
}

/** The output of a tierup run, after checking it ran on `tier` without escalating. */
async function checked(run: Promise<RunResult<string>>, tier: string): Promise<string> {
  const result = await run;
  if (result.tier !== tier || result.escalations.length > 0) {
    throw new Error(`expected a run on ${tier}, got ${result.tier} (${result.escalations.length})`);
  }
  return result.output;
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v)]),
        )
      : value;

async function timed(run: () => Promise<string>, expected: string): Promise<number> {
  const start = performance.now();
  const output = await run();
  const ms = performance.now() - start;
  if (output !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${output}`);
  return ms;
}

const command = `node ${process.execArgv.join(' ')} bench/executor-overhead.ts`;
console.log(`$ npm run bench:executors   # ${command}`);
console.log(
  `Node ${process.version}, ${cpus().length} CPUs, openai ${VERSION}, mock server in-process on 127.0.0.1`,
);

// 1. Overhead
console.log(
  `\nOverhead, mock with no delay: ${PAIRS} interleaved pairs per row after ${WARMUP} warm-up pairs; medians.`,
);
console.log(
  '| API | tierup side | model calls | hand-written | tierup | overhead per run | per step (model call) |\n|---|---|---|---|---|---|---|',
);
for (const api of APIS) {
  const cases = [
    ['agentExecutor.run', 'agent'],
    ['createTierup().run → agent', 'agent'],
    ['directExecutor.run', 'direct'],
    ['createTierup().run → direct', 'direct'],
  ].map(([name = '', tier = '']) =>
    tier === 'agent'
      ? { name, tier, input: QUESTION, expected: ANSWER, calls: 3 }
      : { name, tier, input: SUMMARY, expected: SUMMARIZED, calls: 1 },
  );
  for (const c of cases) {
    const server = await startMockLlmServer({ rules: overheadRules });
    const client = new OpenAI({ apiKey: 'bench', baseURL: server.baseURL.openai, maxRetries: 0 });
    const model = openaiModel(client, { model: MODEL, api });
    const tools = c.tier === 'agent' ? [getOrder] : [];
    const tierup = createTierup({ model });
    const executor =
      c.tier === 'agent' ? agentExecutor({ model, tools }) : directExecutor({ model });
    const viaTierup: () => Promise<string> = c.name.startsWith('createTierup')
      ? () => checked(tierup.run({ input: c.input, tools }), c.tier)
      : () => checked(executor.run(c.input), c.tier);
    // The hand-written side sends the system prompt tierup sent; then every body must match.
    await timed(viaTierup, c.expected);
    const first = server.requests[0]?.body as {
      instructions?: string;
      messages?: { content: string }[];
    };
    const system = (api === 'chat' ? first.messages?.[0]?.content : first.instructions) ?? '';
    const viaHand = () => handLoop(client, api, system, c.input, tools);
    await timed(viaHand, c.expected);
    const bodies = server.requests.map((r) => JSON.stringify(sortKeys(r.body)));
    const sent = bodies.slice(0, c.calls);
    const differs = bodies.length !== 2 * c.calls || sent.some((b, i) => b !== bodies[c.calls + i]);
    if (differs) throw new Error(`${api} ${c.name}: request bodies differ:\n${bodies.join('\n')}`);
    const hand: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < WARMUP + PAIRS; i++) {
      const handFirst = i % 2 === 0;
      const a = await timed(handFirst ? viaHand : viaTierup, c.expected);
      const b = await timed(handFirst ? viaTierup : viaHand, c.expected);
      if (i < WARMUP) continue;
      hand.push(handFirst ? a : b);
      ours.push(handFirst ? b : a);
    }
    await server.close();
    const h = median(hand);
    const t = median(ours);
    const over = t - h;
    console.log(
      `| ${api} | ${c.name} | ${c.calls} | ${h.toFixed(3)} ms | ${t.toFixed(3)} ms | ` +
        `+${over.toFixed(3)} ms (${((over / h) * 100).toFixed(1)}%) | +${(over / c.calls).toFixed(3)} ms |`,
    );
  }
}

// 2. Fan-out
console.log(
  `\nFan-out: multiAgentExecutor, ${SPECIALISTS} independent subtasks, maxConcurrency ${SPECIALISTS}, ` +
    `every model call ${DELAY_MS} ms; ${ROUNDS} rounds (hand-written, tierup alternating) after 3 warm-up rounds.`,
);
console.log(
  '| API | each specialist | ideal | hand-written median / worst | tierup median / worst | efficiency, hand-written median | tierup efficiency median / worst |\n|---|---|---|---|---|---|---|',
);
for (const api of APIS) {
  for (const withTool of [false, true]) {
    const server = await startMockLlmServer({ rules: fanOutRules(withTool) });
    const client = new OpenAI({ apiKey: 'bench', baseURL: server.baseURL.openai, maxRetries: 0 });
    const model = openaiModel(client, { model: MODEL, api });
    const team = multiAgentExecutor({
      model,
      specialists: plan.subtasks.map(({ specialist }, i) => ({
        name: specialist,
        description: `Writes part ${i + 1} of the quarterly report.`,
        tools: withTool ? [lookupPart] : [],
      })),
      budgets: { maxConcurrency: SPECIALISTS },
    });
    const calls = 2 + SPECIALISTS * (withTool ? 2 : 1);
    const viaTierup = async () => {
      const result = await team.run(REPORT);
      if (result.usage.calls !== calls) throw new Error(`expected ${calls} calls`);
      return result.output;
    };
    const viaHand = () => handFanOut(client, api, withTool);
    const hand: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < 3 + ROUNDS; i++) {
      const a = await timed(i % 2 === 0 ? viaHand : viaTierup, REPORTED);
      const b = await timed(i % 2 === 0 ? viaTierup : viaHand, REPORTED);
      if (i < 3) continue;
      hand.push(i % 2 === 0 ? a : b);
      ours.push(i % 2 === 0 ? b : a);
    }
    await server.close();
    const path = withTool ? 4 : 3;
    const ideal = path * DELAY_MS;
    const show = (xs: number[]) => `${median(xs).toFixed(1)} / ${Math.max(...xs).toFixed(1)} ms`;
    const pct = (ms: number) => `${((ideal / ms) * 100).toFixed(1)}%`;
    console.log(
      `| ${api} | ${withTool ? 'tool call + answer (2 calls)' : 'answer (1 call)'} | ` +
        `${ideal} ms (${path} calls: plan, ${withTool ? '2 specialist calls' : 'specialist'}, synthesis) | ` +
        `${show(hand)} | ${show(ours)} | ${pct(median(hand))} | ${pct(median(ours))} / ${pct(Math.max(...ours))} |`,
    );
  }
}
console.log(
  '\nideal = sequential model calls on the critical path × their delay; efficiency = ideal / measured.',
);
