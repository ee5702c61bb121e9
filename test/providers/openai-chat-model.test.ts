import { describe, expect, it, vi } from 'vitest';
import { ProviderError, RetryError } from '../../src/core/errors.ts';
import type { ModelStreamEvent } from '../../src/core/language-model.ts';
import { type ChatClient, openaiChatModel } from '../../src/providers/openai/chat-model.ts';

// Unit tests of the mapping with a stand-in client; the provider contract suite drives the real
// `openai` client over HTTP against the mock server.

const completion = {
  id: 'chatcmpl_1',
  object: 'chat.completion',
  created: 0,
  model: 'gpt-test',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      logprobs: null,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        tool_calls: [
          {
            id: 'c1',
            type: 'function',
            function: { name: 'get_order', arguments: '{"orderId":"1"}' },
          },
          {
            id: 'c2',
            type: 'function',
            function: { name: 'get_order', arguments: '{"orderId":"2"}' },
          },
        ],
      },
    },
  ],
  usage: {
    prompt_tokens: 30,
    completion_tokens: 12,
    total_tokens: 42,
    prompt_tokens_details: { cached_tokens: 8 },
  },
};

function client(create: (body: unknown, options: unknown) => unknown): ChatClient {
  return { chat: { completions: { create } } } as unknown as ChatClient;
}

describe('openaiChatModel', () => {
  it('maps the request and the response, parallel tool calls and usage included', async () => {
    const create = vi.fn(async () => completion);
    const model = openaiChatModel(client(create), { model: 'gpt-test' });
    const response = await model.generate({
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Orders 1 and 2?' }],
      tools: [
        { name: 'get_order', description: 'Look up an order.', inputSchema: { type: 'object' } },
      ],
      settings: { temperature: 0, maxOutputTokens: 100 },
    });
    const [body, options] = create.mock.calls[0] as unknown as [
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(body).toMatchObject({
      model: 'gpt-test',
      stream: false,
      temperature: 0,
      max_completion_tokens: 100,
      tool_choice: 'auto',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Orders 1 and 2?' },
      ],
    });
    expect(options).toMatchObject({ maxRetries: 0 });
    expect(response.toolCalls).toEqual([
      { id: 'c1', name: 'get_order', arguments: { orderId: '1' } },
      { id: 'c2', name: 'get_order', arguments: { orderId: '2' } },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.usage).toMatchObject({
      inputTokens: 30,
      outputTokens: 12,
      cachedInputTokens: 8,
    });
  });

  it('retries a 429 once through the one retry layer, then gives up with every error', async () => {
    const rateLimited = () =>
      Object.assign(new Error('rate limited'), { status: 429, headers: new Headers() });
    const create = vi.fn(async () => {
      throw rateLimited();
    });
    const model = openaiChatModel(client(create), {
      model: 'gpt-test',
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const error = await model
      .generate({ messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(create).toHaveBeenCalledTimes(2);
    expect(error).toBeInstanceOf(RetryError);
  });

  it('counts a client that throws at once as a failed attempt, and retries it', async () => {
    const create = vi.fn(() => {
      throw Object.assign(new Error('rate limited'), { status: 429, headers: new Headers() });
    });
    const model = openaiChatModel(client(create), {
      model: 'gpt-test',
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const pending = model.generate({ messages: [{ role: 'user', content: 'x' }] });
    const error = await pending.catch((e: unknown) => e);
    expect(create).toHaveBeenCalledTimes(2);
    expect(error).toBeInstanceOf(RetryError);
  });

  it('rejects a call (and a stream) under a bad retry policy, naming the option', async () => {
    const create = vi.fn(async () => completion);
    const model = openaiChatModel(client(create), { model: 'gpt-test', retry: { attempts: 0 } });
    const request = { messages: [{ role: 'user' as const, content: 'x' }] };
    const called = await model.generate(request).catch((e: unknown) => e);
    expect(called).toMatchObject({ name: 'InvalidConfigError', field: 'retry.attempts' });
    const streamed = await (async () => {
      for await (const _ of model.stream(request)) {
        // nothing comes
      }
    })().catch((e: unknown) => e);
    expect(streamed).toMatchObject({ name: 'InvalidConfigError', field: 'retry.attempts' });
    expect(create).not.toHaveBeenCalled();
  });

  it('streams text and tool calls, assembled like the non-streaming answer', async () => {
    const chunks = [
      { choices: [{ index: 0, delta: { role: 'assistant', content: 'Look' } }] },
      { choices: [{ index: 0, delta: { content: 'ing up.' } }] },
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'c1',
                  type: 'function',
                  function: { name: 'get_order', arguments: '{"order' },
                },
              ],
            },
          },
        ],
      },
      {
        choices: [
          { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'Id":"1"}' } }] } },
        ],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
      { choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } },
    ];
    const create = vi.fn(async () =>
      (async function* () {
        yield* chunks;
      })(),
    );
    const events: ModelStreamEvent[] = [];
    for await (const e of openaiChatModel(client(create), { model: 'm' }).stream({ messages: [] }))
      events.push(e);
    expect(events.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('')).toBe(
      'Looking up.',
    );
    expect(events.find((e) => e.type === 'tool-call-end')).toEqual({
      type: 'tool-call-end',
      toolCall: { id: 'c1', name: 'get_order', arguments: { orderId: '1' } },
    });
    expect(events.find((e) => e.type === 'usage')).toMatchObject({
      usage: { inputTokens: 5, outputTokens: 3 },
    });
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls' },
    });
  });

  it('a stream that ends before the model finished is a typed error', async () => {
    const create = vi.fn(async () =>
      (async function* () {
        yield { choices: [{ index: 0, delta: { content: 'Half' } }] };
      })(),
    );
    const iterate = async () => {
      for await (const _ of openaiChatModel(client(create), { model: 'm' }).stream({
        messages: [],
      })) {
        // drain
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(ProviderError);
  });
});
