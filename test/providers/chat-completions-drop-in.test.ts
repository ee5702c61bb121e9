import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import {
  BudgetExceededError,
  createTierup,
  defineTool,
  InvalidConfigError,
  InvalidTaskError,
  RunAbortedError,
  type TierupOptions,
} from 'tierup';
import {
  type ChatCompletionsDropInOptions,
  chatCompletionsDropIn,
  openaiModel,
  type TierupChatCompletionChunk,
} from 'tierup/openai';
import {
  ESCALATE_TOOL,
  type MockLlmServer,
  type MockRule,
  scriptedModel,
  startMockLlmServer,
} from 'tierup/testing';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { runDocExample } from '../doc-example.ts';
import { AT_ONCE_MS } from '../load-bounds.ts';

let server: MockLlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The drop-in over tierup over the real `openai` client, talking HTTP to the mock server. */
async function overHttp(
  rules: readonly MockRule[],
  options?: ChatCompletionsDropInOptions,
  tierupOptions: Omit<TierupOptions, 'model'> = {},
) {
  const started = await startMockLlmServer({ rules });
  server = started;
  const openai = new OpenAI({ apiKey: 'test', baseURL: started.baseURL.openai, maxRetries: 0 });
  const model = openaiModel(openai, { model: 'gpt-test', api: 'chat' });
  return {
    client: chatCompletionsDropIn(createTierup({ model, ...tierupOptions }), options),
    server: started,
  };
}

/** The request bodies the mock server received. */
function bodies(mock: MockLlmServer): Record<string, unknown>[] {
  return mock.requests.map((request) => request.body as Record<string, unknown>);
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
});

describe('chatCompletionsDropIn', () => {
  it('answers with a ChatCompletion, and the run under `tierup`', async () => {
    const { client, server } = await overHttp(
      [
        {
          reply: {
            text: 'Paris.',
            usage: { inputTokens: 40, outputTokens: 3, cachedInputTokens: 8 },
          },
        },
      ],
      { generateId: () => 'chatcmpl-test', now: () => 1_750_000_000_900 },
    );
    const completion = await client.chat.completions.create(ask('What is the capital of France?'));
    const { tierup, ...rest } = completion;
    expectTypeOf(rest).toExtend<ChatCompletion>();
    expect(rest).toEqual({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_750_000_000,
      // The model that wrote the answer, not the one the body named: tierup picks per tier.
      model: 'gpt-test',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Paris.', refusal: null, annotations: [] },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: 40,
        completion_tokens: 3,
        total_tokens: 43,
        prompt_tokens_details: { cached_tokens: 8 },
      },
    });
    expect(tierup).toMatchObject({
      tier: 'direct',
      decision: { tier: 'direct' },
      escalations: [],
      usage: { inputTokens: 40, calls: 1 },
      warnings: [],
    });
    // The trace and the audit hold tools' arguments: only with `details: 'full'`.
    expect(tierup).not.toHaveProperty('trace');
    expect(tierup).not.toHaveProperty('audit');
    expect(tierup).not.toHaveProperty('output');
    const full = chatCompletionsDropIn(createTierup({ model: scriptedModel('Paris.') }), {
      details: 'full',
    });
    const detailed = await full.chat.completions.create(ask('What is the capital of France?'));
    expect(detailed.tierup.trace?.filter((span) => span.type === 'model-call')).toHaveLength(1);
    expect(detailed.tierup.audit).toEqual([]);
    expect(bodies(server)[0]).toMatchObject({ model: 'gpt-test' });
  });

  it('gives the model the earlier turns as history and the last user message as input', async () => {
    const { client, server } = await overHttp([{ reply: { text: 'It ships tomorrow.' } }]);
    await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are the support desk of Acme.' },
        { role: 'user', content: 'I ordered a lamp.' },
        { role: 'assistant', content: 'Thanks! Which order is it?' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'It is order 30418.' },
            { type: 'text', text: 'When does it ship?' },
          ],
        },
      ],
    });
    const [sent] = bodies(server);
    const messages = sent?.messages as { role: string; content: string }[];
    // The body's system message opens the run's system prompt, before the tier's own.
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toMatch(
      /^You are the support desk of Acme\.\n\nAnswer the request/,
    );
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'I ordered a lamp.' },
      { role: 'assistant', content: 'Thanks! Which order is it?' },
      { role: 'user', content: 'It is order 30418.\nWhen does it ship?' },
    ]);
  });

  it('keeps tool turns of the history, and leaves system messages out with `drop`', async () => {
    const model = scriptedModel('It arrives on Friday.');
    const client = chatCompletionsDropIn(createTierup({ model }), { systemMessages: 'drop' });
    await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Status of order 30418?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_order', arguments: '{"orderId":"30418"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
        { role: 'assistant', content: 'It has shipped.' },
        { role: 'user', content: 'When will it arrive?' },
      ],
    });
    expect(model.calls[0]?.messages).toEqual([
      { role: 'user', content: 'Status of order 30418?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'get_order', arguments: { orderId: '30418' } }],
      },
      {
        role: 'tool',
        toolCallId: 'call_1',
        toolName: 'get_order',
        content: '{"status":"shipped"}',
      },
      { role: 'assistant', content: 'It has shipped.' },
      { role: 'user', content: 'When will it arrive?' },
    ]);
    expect(model.calls[0]?.system).not.toContain('Be brief.');
  });

  it("aborts the run with the request's signal", async () => {
    const { client, server } = await overHttp([{ reply: { text: 'Too late.', delayMs: 10_000 } }]);
    const controller = new AbortController();
    const pending = client.chat.completions.create(ask('What is 2 + 2?'), {
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: AT_ONCE_MS });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RunAbortedError);
  });

  it("runs with the run options, per body, and the request's timeout as `timeoutMs`", async () => {
    const model = scriptedModel('4', { latencyMs: 15_000 });
    const client = chatCompletionsDropIn(createTierup({ model }), {
      runOptions: (body) => (body.user === 'trial' ? { maxTokens: 5 } : {}),
    });
    const overBudget = await client.chat.completions
      .create({ ...ask('What is 2 + 2?'), user: 'trial' })
      .catch((error: unknown) => error);
    expect(overBudget).toBeInstanceOf(BudgetExceededError);
    expect((overBudget as BudgetExceededError).budget).toBe('maxTokens');
    const started = Date.now();
    const late = await client.chat.completions
      .create(ask('What is 2 + 2?'), { timeout: 50 })
      .catch((error: unknown) => error);
    expect((late as BudgetExceededError).budget).toBe('timeoutMs');
    expect(Date.now() - started).toBeLessThan(AT_ONCE_MS); // not the model's 15 s
  });

  it.each([
    ['an unknown field', { ...ask('Hi'), temprature: 0 }, 'temprature'],
    ['no messages', { model: 'gpt-4o', messages: [] }, 'messages'],
    [
      'an unknown role',
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'robot', content: 'x' },
        ],
      },
      'messages[1].role',
    ],
    [
      'a last message that is not the user',
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
        ],
      },
      'messages[1].role',
    ],
    [
      'an image',
      {
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
            ],
          },
        ],
      },
      'messages[0].content[1].type',
    ],
    [
      'a tool result for no tool call',
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'tool', tool_call_id: 'call_9', content: '{}' },
          { role: 'user', content: 'And?' },
        ],
      },
      'messages[1].tool_call_id',
    ],
    [
      'a misspelt message field',
      { model: 'm', messages: [{ role: 'user', text: 'Hi' }] },
      'messages[0].text',
    ],
    ['a blank question', ask('  '), 'messages[0].content'],
    [
      'tools of its own',
      { ...ask('Hi'), tools: [{ type: 'function', function: { name: 'get_order' } }] },
      'tools',
    ],
    ['several choices', { ...ask('Hi'), n: 2 }, 'n'],
    ['log probabilities', { ...ask('Hi'), logprobs: true }, 'logprobs'],
    [
      'a JSON Schema tierup cannot read',
      {
        ...ask('Hi'),
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'a', schema: { type: 'strnig' } },
        },
      },
      'response_format.json_schema.schema',
    ],
  ])('refuses %s, naming the field, before any model call', async (_, body, field) => {
    const model = scriptedModel('Hello.');
    const client = chatCompletionsDropIn(createTierup({ model }));
    const error = await client.chat.completions
      .create(body as unknown as ChatCompletionCreateParamsNonStreaming)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTaskError);
    expect((error as InvalidTaskError).field).toBe(field);
    expect(model.calls).toHaveLength(0);
  });

  it('sends the generic settings with every model call, and reports OpenAI-only ones', async () => {
    const { client, server } = await overHttp([{ reply: { text: 'Hello.' } }]);
    const completion = await client.chat.completions.create({
      ...ask('Hi'),
      temperature: 0.2,
      max_tokens: 50,
      stop: 'END',
      reasoning_effort: 'low',
      frequency_penalty: 0.5,
      seed: null,
    });
    expect(completion.tierup.warnings.map((w) => [w.type, w.setting])).toEqual([
      ['unsupported-setting', 'frequency_penalty'],
    ]);
    expect(bodies(server)[0]).toMatchObject({
      temperature: 0.2,
      max_completion_tokens: 50,
      stop: ['END'],
      reasoning_effort: 'low',
    });
    expect(bodies(server)[0]).not.toHaveProperty('frequency_penalty');
    expect(bodies(server)[0]).not.toHaveProperty('seed');
    const refused = await client.chat.completions
      .create({ ...ask('Hi'), reasoning_effort: 'extreme' as 'low' })
      .catch((e: unknown) => e);
    expect((refused as InvalidTaskError).field).toBe('reasoning_effort');
  });

  it('checks the answer against a `json_schema` response format and gives it as JSON', async () => {
    const schema = {
      type: 'object',
      properties: {
        orderId: { type: 'string' },
        status: { type: 'string', enum: ['pending', 'shipped'] },
      },
      required: ['orderId', 'status'],
      additionalProperties: false,
    };
    const { client, server } = await overHttp([
      {
        reply: [
          { text: '{"orderId":30418,"status":"lost"}' },
          { text: '{"orderId":"30418","status":"shipped"}' },
        ],
      },
    ]);
    const completion = await client.chat.completions.create({
      ...ask('Order 30418 shipped today. Extract the order.'),
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'order', schema, strict: true },
      },
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({
      orderId: '30418',
      status: 'shipped',
    });
    // The first answer failed the schema and was repaired.
    expect(server.requests).toHaveLength(2);
    expect(bodies(server)[0]?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { properties: { status: { enum: ['pending', 'shipped'] } } } },
    });
  });

  it('asks for a JSON object with `json_object`', async () => {
    const { client, server } = await overHttp([{ reply: { text: '{"capital":"Paris"}' } }]);
    const completion = await client.chat.completions.create({
      ...ask('The capital of France, as JSON.'),
      response_format: { type: 'json_object' },
    });
    expect(completion.choices[0]?.message.content).toBe('{"capital":"Paris"}');
    expect(bodies(server)[0]?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { type: 'object' } },
    });
  });

  it('streams chat.completion.chunk objects that assemble to the answer, usage last', async () => {
    const { client } = await overHttp([
      { reply: { text: 'Paris is the capital.', usage: { inputTokens: 30, outputTokens: 6 } } },
    ]);
    const stream = await client.chat.completions.create({
      ...ask('What is the capital of France?'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    expect(new Set(chunks.map((c) => [c.object, c.id, c.model].join()))).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'gpt-test',
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }],
    });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Paris is the capital.');
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish?.choices[0]?.finish_reason).toBe('stop');
    expect(finish?.tierup?.tier).toBe('direct');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 30, completion_tokens: 6, total_tokens: 36 },
    });
  });

  it("streams only the answer: not an escalated tier's text, nor an agent's words before a tool call", async () => {
    const getOrder = defineTool({
      name: 'get_order',
      description: 'Look up a shop order by id, with its status and shipping.',
      input: z.object({ orderId: z.string() }),
      run: ({ orderId }) => ({ orderId, status: 'shipped' }),
    });
    const model = scriptedModel((request) => {
      if (request.tools?.some((tool) => tool.name === ESCALATE_TOOL)) {
        return {
          text: 'Let me hand this over. ',
          toolCalls: [{ name: ESCALATE_TOOL, arguments: { reason: 'needs the order' } }],
        };
      }
      if (request.messages.at(-1)?.role === 'user') {
        return {
          text: 'Looking it up. ',
          toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }],
        };
      }
      return 'Order 30418 has shipped.';
    });
    const tierup = createTierup({ model, tools: [getOrder] });
    const client = chatCompletionsDropIn(tierup);
    // Straight to the agent tier; and from direct, which escalates, to the agent tier.
    for (const [input, tier] of [
      ['Where is my order 30418?', 'agent'],
      ['How long does delivery take?', 'direct'],
    ] as const) {
      expect(tierup.route(input).tier).toBe(tier);
      // Every text delta of the run says more than the answer: mapping them all would be wrong.
      let deltas = '';
      for await (const event of tierup.stream(input)) {
        if (event.type === 'text-delta') deltas += event.delta;
      }
      expect(deltas).not.toBe('Order 30418 has shipped.');
      const completion = await client.chat.completions.create(ask(input));
      const chunks: TierupChatCompletionChunk[] = await collect(
        await client.chat.completions.create({ ...ask(input), stream: true }),
      );
      const streamed = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
      expect(streamed).toBe('Order 30418 has shipped.');
      expect(streamed).toBe(completion.choices[0]?.message.content);
      expect(chunks.find((c) => c.tierup)?.tierup?.escalations).toHaveLength(
        tier === 'direct' ? 1 : 0,
      );
    }
  });

  it('aborts a stream with the request signal or its controller', async () => {
    const model = scriptedModel('Too late.', { latencyMs: 10_000 });
    const client = chatCompletionsDropIn(createTierup({ model }));
    const signal = new AbortController();
    const viaSignal = await client.chat.completions.create(
      { ...ask('Hi'), stream: true },
      { signal: signal.signal },
    );
    const reading = collect(viaSignal);
    await vi.waitFor(() => expect(model.calls).toHaveLength(1), { timeout: AT_ONCE_MS });
    signal.abort();
    await expect(reading).rejects.toBeInstanceOf(RunAbortedError);

    const viaController = await client.chat.completions.create({ ...ask('Hi'), stream: true });
    const read = collect(viaController);
    await vi.waitFor(() => expect(model.calls).toHaveLength(2), { timeout: AT_ONCE_MS });
    viaController.controller.abort();
    await expect(read).rejects.toBeInstanceOf(RunAbortedError);
  });

  it('validates its options, naming the one at fault', () => {
    const tierup = createTierup({ model: scriptedModel('') });
    const misspelt = { systemMessage: 'drop' } as ChatCompletionsDropInOptions;
    expect(() => chatCompletionsDropIn(tierup, misspelt)).toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'systemMessage' }),
    );
    const unknown = { systemMessages: 'keep' } as unknown as ChatCompletionsDropInOptions;
    expect(() => chatCompletionsDropIn(tierup, unknown)).toThrow(InvalidConfigError);
  });
});

describe('docs/providers.md', () => {
  it('has a drop-in example that runs as written and prints what it says', async () => {
    const { printed, expected } = await runDocExample(
      'docs/providers.md',
      '## Keep your chat.completions.create calls',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(printed).toEqual(expected);
  });
});

describe('finish_reason', () => {
  it('is length when the run’s answer was cut at the output limit', async () => {
    const model = scriptedModel({
      text: 'It ships',
      finishReason: { unified: 'length', raw: 'max_tokens' },
    });
    const client = chatCompletionsDropIn(createTierup({ model }));
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'When does it ship?' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.tierup.finishReason.unified).toBe('length');
  });
});
