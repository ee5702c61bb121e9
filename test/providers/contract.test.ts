import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError, RetryError } from '../../src/core/errors.ts';
import type { LanguageModel, ModelStreamEvent } from '../../src/core/language-model.ts';
import { anthropicModel } from '../../src/providers/anthropic/index.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import { startMockLlmServer } from '../../src/testing/index.ts';
import { AT_ONCE_MS } from '../load-bounds.ts';

// One contract for every provider API: the real SDK clients over real HTTP to the loopback mock
// server, through tierup's LanguageModel.

type Server = Awaited<ReturnType<typeof startMockLlmServer>>;
type Rules = Parameters<typeof startMockLlmServer>[0] extends infer O
  ? O extends { rules?: infer R }
    ? R
    : never
  : never;

const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };
const apis = [
  {
    name: 'OpenAI Chat Completions',
    make: (server: Server) =>
      openaiModel(
        new OpenAI({
          apiKey: 'test',
          baseURL: server.baseURL.openai,
          // The SDK's own retries stay at their default: tierup must switch them off per request.
          maxRetries: 2,
          timeout: 5_000,
        }),
        {
          model: 'gpt-test',
          api: 'chat',
          retry,
        },
      ),
    structuredReply: { text: '{"tier":"agent"}' },
  },
  {
    name: 'OpenAI Responses',
    make: (server: Server) =>
      openaiModel(
        new OpenAI({
          apiKey: 'test',
          baseURL: server.baseURL.openai,
          // The SDK's own retries stay at their default: tierup must switch them off per request.
          maxRetries: 2,
          timeout: 5_000,
        }),
        {
          model: 'gpt-test',
          api: 'responses',
          retry,
        },
      ),
    structuredReply: { text: '{"tier":"agent"}' },
  },
  {
    name: 'Anthropic Messages',
    make: (server: Server) =>
      anthropicModel(
        new Anthropic({
          apiKey: 'test',
          baseURL: server.baseURL.anthropic,
          // The SDK's own retries stay at their default: tierup must switch them off per request.
          maxRetries: 2,
          timeout: 5_000,
        }),
        { model: 'claude-test', retry },
      ),
    // Anthropic answers structured output through the forced tool tierup asks for.
    structuredReply: { toolCalls: [{ name: 'answer', arguments: { tier: 'agent' } }] },
  },
] as const;

const ask = { messages: [{ role: 'user' as const, content: 'Where are orders 1 and 2?' }] };
const tools = [
  {
    name: 'get_order',
    description: 'Look up an order.',
    inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } },
  },
];

async function collect(stream: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const events: ModelStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe.each(apis)('$name', ({ make, structuredReply }) => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async (rules: Rules): Promise<LanguageModel> => {
    server = await startMockLlmServer({ rules });
    return make(server);
  };

  it('answers text, with usage and a stop reason', async () => {
    const model = await start([
      { reply: { text: 'Both ship tomorrow.', usage: { inputTokens: 12, outputTokens: 5 } } },
    ]);
    const response = await model.generate(ask);
    expect(response.text).toBe('Both ship tomorrow.');
    expect(response.finishReason.unified).toBe('stop');
    expect(response.usage.inputTokens).toBeGreaterThanOrEqual(12);
    expect(response.usage.outputTokens).toBe(5);
  });

  it('returns parallel tool calls, and streaming assembles to the same result', async () => {
    const reply = {
      toolCalls: [
        { name: 'get_order', arguments: { orderId: '1' } },
        { name: 'get_order', arguments: { orderId: '2' } },
      ],
    };
    const model = await start([{ reply }]);
    const response = await model.generate({ ...ask, tools });
    expect(response.toolCalls.map((c) => c.arguments)).toEqual([
      { orderId: '1' },
      { orderId: '2' },
    ]);
    expect(response.finishReason.unified).toBe('tool-calls');
    const events = await collect(model.stream({ ...ask, tools }));
    const streamed = events.flatMap((e) => (e.type === 'tool-call-end' ? [e.toolCall] : []));
    expect(streamed).toEqual(response.toolCalls);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls' },
    });
    expect(server?.requests.at(-1)?.body).toMatchObject({ model: expect.any(String) });
  });

  it('returns structured output', async () => {
    const model = await start([
      { reply: structuredClone(structuredReply) as unknown as Rules[number]['reply'] },
    ]);
    const response = await model.generate({
      ...ask,
      output: {
        name: 'answer',
        schema: { type: 'object', properties: { tier: { type: 'string' } } },
      },
    });
    expect(response.output).toEqual({ tier: 'agent' });
  });

  it('streams text deltas that join to the generated text', async () => {
    const model = await start([
      { reply: { text: 'A reasonably long answer, streamed in pieces.' } },
    ]);
    const generated = await model.generate(ask);
    const events = await collect(model.stream(ask));
    const text = events.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('');
    expect(text).toBe(generated.text);
  });

  it('retries a 429, honouring retry-after-ms, then succeeds', async () => {
    const model = await start([
      { reply: [{ fault: { status: 429, retryAfterMs: 80 } }, { text: 'ok' }] },
    ]);
    const started = performance.now();
    expect((await model.generate(ask)).text).toBe('ok');
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    expect(server?.requests).toHaveLength(2);
  });

  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i, then succeeds', async (status) => {
    const model = await start([{ reply: [{ fault: { status } }, { text: 'ok' }] }]);
    expect((await model.generate(ask)).text).toBe('ok');
    expect(server?.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    const model = await start([{ reply: { fault: { status } } }]);
    const error = await model.generate(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).statusCode).toBe(status);
    expect(server?.requests).toHaveLength(1);
  });

  it('gives up on repeated 503s with every attempt', async () => {
    const model = await start([{ reply: { fault: { status: 503 } } }]);
    const error = (await model.generate(ask).catch((e: unknown) => e)) as RetryError;
    expect(error).toBeInstanceOf(RetryError);
    expect(error.errors).toHaveLength(3);
    expect(server?.requests).toHaveLength(3);
  });

  it('retries a connection reset', async () => {
    const model = await start([{ reply: [{ fault: { type: 'reset' } }, { text: 'ok' }] }]);
    expect((await model.generate(ask)).text).toBe('ok');
  });

  it('types a malformed body and a cut stream, never hanging', async () => {
    const model = await start([
      {
        reply: [
          { fault: { type: 'malformed' } },
          { text: 'abc', fault: { type: 'cut', afterEvents: 2 } },
        ],
      },
    ]);
    await expect(model.generate({ ...ask })).rejects.toBeInstanceOf(Error);
    await expect(collect(model.stream(ask))).rejects.toBeInstanceOf(Error);
  });

  it('rejects with the abort reason during a backoff wait, at once', async () => {
    const model = await start([{ reply: { fault: { status: 429, retryAfterMs: 15_000 } } }]);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    // Abort once the 429 has been answered, so the client is in its backoff wait (a fixed delay
    // could fire before the request reached a busy machine's server).
    const answered = setInterval(() => {
      if (server?.requests.length === 1) {
        clearInterval(answered);
        setTimeout(() => controller.abort(reason), 20);
      }
    }, 5);
    let started = performance.now();
    controller.signal.addEventListener('abort', () => {
      started = performance.now();
    });
    await expect(model.generate({ ...ask, signal: controller.signal })).rejects.toBe(reason);
    clearInterval(answered);
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // not the 15 s retry-after
    expect(server?.requests).toHaveLength(1);
  });

  it('rejects with the abort reason when a stream is aborted while it is read', async () => {
    const model = await start([
      { reply: { text: 'A long answer that streams in many small pieces.' } },
    ]);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const read = async () => {
      for await (const _ of model.stream({ ...ask, signal: controller.signal }))
        controller.abort(reason);
    };
    await expect(read()).rejects.toBe(reason);
  });

  it('rejects with the abort reason during a request', async () => {
    const model = await start([{ reply: { text: 'late', delayMs: 5_000 } }]);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 30);
    await expect(model.generate({ ...ask, signal: controller.signal })).rejects.toBe(reason);
  });
});
