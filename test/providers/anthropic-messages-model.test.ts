import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../src/core/errors.ts';
import type { ModelStreamEvent } from '../../src/core/language-model.ts';
import {
  anthropicMessagesModel,
  type MessagesClient,
} from '../../src/providers/anthropic/messages-model.ts';

// Unit tests of the mapping with a stand-in client; the provider contract suite drives the real
// `@anthropic-ai/sdk` client over HTTP against the mock server.

function client(create: (body: unknown, options: unknown) => unknown): MessagesClient {
  return { messages: { create } } as unknown as MessagesClient;
}

const message = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-test',
  stop_reason: 'tool_use',
  stop_sequence: null,
  content: [
    { type: 'text', text: 'Checking both.' },
    { type: 'tool_use', id: 't1', name: 'get_order', input: { orderId: '1' } },
    { type: 'tool_use', id: 't2', name: 'get_order', input: { orderId: '2' } },
  ],
  usage: {
    input_tokens: 20,
    output_tokens: 9,
    cache_read_input_tokens: 100,
    cache_creation_input_tokens: 0,
  },
};

describe('anthropicMessagesModel', () => {
  it('maps the request (tool results in a user turn) and parallel tool_use blocks', async () => {
    const create = vi.fn(async () => message);
    const model = anthropicMessagesModel(client(create), { model: 'claude-test' });
    const response = await model.generate({
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Orders 1 and 2?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 't0', name: 'get_order', arguments: { orderId: '0' } }],
        },
        { role: 'tool', toolCallId: 't0', toolName: 'get_order', content: '{"status":"shipped"}' },
      ],
      tools: [
        { name: 'get_order', description: 'Look up an order.', inputSchema: { type: 'object' } },
      ],
      settings: { seed: 7 },
    });
    const [body, options] = create.mock.calls[0] as unknown as [
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(body).toMatchObject({
      model: 'claude-test',
      system: 'Be brief.',
      max_tokens: 4096,
      stream: false,
      messages: [
        { role: 'user', content: 'Orders 1 and 2?' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't0', name: 'get_order', input: { orderId: '0' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't0', content: '{"status":"shipped"}' }],
        },
      ],
    });
    expect(options).toMatchObject({ maxRetries: 0 });
    expect(response.text).toBe('Checking both.');
    expect(response.toolCalls.map((c) => c.id)).toEqual(['t1', 't2']);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    expect(response.usage).toMatchObject({
      inputTokens: 120,
      outputTokens: 9,
      cachedInputTokens: 100,
    });
    expect(response.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'seed', details: 'Anthropic has no seed' },
    ]);
  });

  it('gets structured output through a forced tool', async () => {
    const create = vi.fn(async () => ({
      ...message,
      stop_reason: 'tool_use',
      content: [{ type: 'tool_use', id: 'o1', name: 'answer', input: { tier: 'agent' } }],
    }));
    const response = await anthropicMessagesModel(client(create), { model: 'm' }).generate({
      messages: [{ role: 'user', content: 'x' }],
      output: { name: 'answer', schema: { properties: { tier: { type: 'string' } } } },
    });
    const [body] = create.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'answer' });
    expect(response.output).toEqual({ tier: 'agent' });
    expect(response.toolCalls).toEqual([]);
  });

  it('streams text and tool_use blocks', async () => {
    const events = [
      {
        type: 'message_start',
        message: { ...message, content: [], usage: { input_tokens: 5, output_tokens: 0 } },
      },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'On it.' } },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 't1', name: 'get_order', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: '{"orderId"' },
      },
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: ':"1"}' },
      },
      { type: 'content_block_stop', index: 1 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { output_tokens: 4 },
      },
      { type: 'message_stop' },
    ];
    const create = vi.fn(async () =>
      (async function* () {
        yield* events;
      })(),
    );
    const out: ModelStreamEvent[] = [];
    for await (const e of anthropicMessagesModel(client(create), { model: 'm' }).stream({
      messages: [],
    }))
      out.push(e);
    expect(out.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('')).toBe('On it.');
    expect(out.find((e) => e.type === 'tool-call-end')).toEqual({
      type: 'tool-call-end',
      toolCall: { id: 't1', name: 'get_order', arguments: { orderId: '1' } },
    });
    expect(out.find((e) => e.type === 'usage')).toMatchObject({
      usage: { inputTokens: 5, outputTokens: 4 },
    });
    expect(out.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
  });

  it('a stream cut before message_stop is a typed error', async () => {
    const create = vi.fn(async () =>
      (async function* () {
        yield { type: 'message_start', message: { ...message, content: [] } };
      })(),
    );
    const iterate = async () => {
      for await (const _ of anthropicMessagesModel(client(create), { model: 'm' }).stream({
        messages: [],
      })) {
        // drain
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(ProviderError);
  });
});
