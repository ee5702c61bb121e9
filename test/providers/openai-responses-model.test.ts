import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../src/core/errors.ts';
import type { ModelStreamEvent } from '../../src/core/language-model.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';

// Unit tests of the mapping with a stand-in client; the provider contract suite drives the real
// `openai` client over HTTP against the mock server.

type Client = Parameters<typeof openaiModel>[0];
const client = (create: (body: unknown, options: unknown) => unknown) =>
  ({ responses: { create }, chat: { completions: { create } } }) as unknown as Client;

const response = {
  id: 'resp_1',
  status: 'completed',
  incomplete_details: null,
  output: [
    {
      type: 'message',
      id: 'm1',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'Checking.', annotations: [] }],
    },
    {
      type: 'function_call',
      id: 'fc1',
      call_id: 'call_a',
      name: 'get_order',
      arguments: '{"orderId":"1"}',
    },
    {
      type: 'function_call',
      id: 'fc2',
      call_id: 'call_b',
      name: 'get_order',
      arguments: '{"orderId":"2"}',
    },
  ],
  usage: {
    input_tokens: 40,
    output_tokens: 10,
    total_tokens: 50,
    input_tokens_details: { cached_tokens: 16 },
  },
};

describe('openaiModel with the Responses API', () => {
  it('maps the request, function calls, usage and warnings', async () => {
    const create = vi.fn(async () => response);
    const model = openaiModel(client(create), { model: 'gpt-test' });
    const result = await model.generate({
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Orders?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_0', name: 'get_order', arguments: { orderId: '0' } }],
        },
        { role: 'tool', toolCallId: 'call_0', toolName: 'get_order', content: 'shipped' },
      ],
      tools: [
        { name: 'get_order', description: 'Look up an order.', inputSchema: { type: 'object' } },
      ],
      settings: { stopSequences: ['END'] },
    });
    const [body] = create.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(body).toMatchObject({
      model: 'gpt-test',
      instructions: 'Be brief.',
      store: false,
      stream: false,
      input: [
        { role: 'user', content: 'Orders?' },
        {
          type: 'function_call',
          call_id: 'call_0',
          name: 'get_order',
          arguments: '{"orderId":"0"}',
        },
        { type: 'function_call_output', call_id: 'call_0', output: 'shipped' },
      ],
    });
    expect(result.text).toBe('Checking.');
    expect(result.toolCalls.map((c) => c.id)).toEqual(['call_a', 'call_b']);
    expect(result.finishReason.unified).toBe('tool-calls');
    expect(result.usage).toMatchObject({
      inputTokens: 40,
      outputTokens: 10,
      cachedInputTokens: 16,
    });
    expect(result.warnings.map((w) => w.setting)).toEqual(['stopSequences']);
  });

  it('chooses Chat Completions with api: chat', async () => {
    const create = vi.fn(async () => ({
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'hi' } }],
    }));
    const result = await openaiModel(client(create), { model: 'm', api: 'chat' }).generate({
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(result.text).toBe('hi');
    expect((create.mock.calls[0] as unknown as [Record<string, unknown>])[0]).toHaveProperty(
      'messages',
    );
  });

  it('streams deltas and function calls, and types a stream with no completion', async () => {
    const events = [
      {
        type: 'response.output_text.delta',
        item_id: 'm1',
        output_index: 0,
        content_index: 0,
        delta: 'Check',
      },
      {
        type: 'response.output_text.delta',
        item_id: 'm1',
        output_index: 0,
        content_index: 0,
        delta: 'ing.',
      },
      {
        type: 'response.output_item.added',
        output_index: 1,
        item: {
          type: 'function_call',
          id: 'fc1',
          call_id: 'call_a',
          name: 'get_order',
          arguments: '',
        },
      },
      {
        type: 'response.function_call_arguments.delta',
        item_id: 'fc1',
        output_index: 1,
        delta: '{"orderId":',
      },
      {
        type: 'response.function_call_arguments.delta',
        item_id: 'fc1',
        output_index: 1,
        delta: '"1"}',
      },
      {
        type: 'response.output_item.done',
        output_index: 1,
        item: {
          type: 'function_call',
          id: 'fc1',
          call_id: 'call_a',
          name: 'get_order',
          arguments: '{"orderId":"1"}',
        },
      },
      { type: 'response.completed', response },
    ];
    const create = vi.fn(async () =>
      (async function* () {
        yield* events;
      })(),
    );
    const out: ModelStreamEvent[] = [];
    for await (const e of openaiModel(client(create), { model: 'm' }).stream({ messages: [] }))
      out.push(e);
    expect(out.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('')).toBe(
      'Checking.',
    );
    expect(out.find((e) => e.type === 'tool-call-end')).toEqual({
      type: 'tool-call-end',
      toolCall: { id: 'call_a', name: 'get_order', arguments: { orderId: '1' } },
    });
    expect(out.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });

    const cut = vi.fn(async () =>
      (async function* () {
        yield events[0];
      })(),
    );
    const drain = async () => {
      for await (const _ of openaiModel(client(cut), { model: 'm' }).stream({ messages: [] })) {
        // drain
      }
    };
    await expect(drain()).rejects.toBeInstanceOf(ProviderError);
  });
});
