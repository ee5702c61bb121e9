import { describe, expect, it } from 'vitest';
import type { ModelRequest, ModelStreamEvent } from '../../src/index.ts';
import { scriptedModel } from '../../src/testing/index.ts';
import { AT_ONCE_MS } from '../load-bounds.ts';

const ask = (content: string, extra: Partial<ModelRequest> = {}): ModelRequest => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('scriptedModel', () => {
  it('answers a list in order, records the calls and runs out loudly', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] },
      'Ships tomorrow.',
    ]);
    const first = await model.generate(ask('Where is order 30418?'));
    expect(first.toolCalls).toEqual([
      { id: 'call_1_1', name: 'get_order', arguments: { orderId: '30418' } },
    ]);
    expect(first.finishReason.unified).toBe('tool-calls');
    const second = await model.generate(ask('and?'));
    expect(second).toMatchObject({ text: 'Ships tomorrow.', finishReason: { unified: 'stop' } });
    expect(model.calls.map((c) => c.messages[0])).toEqual([
      { role: 'user', content: 'Where is order 30418?' },
      { role: 'user', content: 'and?' },
    ]);
    await expect(model.generate(ask('again'))).rejects.toThrow(
      'answers for 2 calls; call 3 has none',
    );
  });

  it('answers from a function of the request and throws scripted errors', async () => {
    const model = scriptedModel((request, call) =>
      call === 1 ? new Error('rate limited') : `echo: ${request.messages.at(-1)?.content ?? ''}`,
    );
    expect((await model.generate(ask('hi'))).text).toBe('echo: hi');
    await expect(model.generate(ask('again'))).rejects.toThrow('rate limited');
  });

  it('streams the same answer as generate returns', async () => {
    const answer = {
      text: 'Checking both orders now.',
      toolCalls: [
        { name: 'get_order', arguments: { orderId: '1' } },
        { name: 'get_order', arguments: { orderId: '2' } },
      ],
      usage: { inputTokens: 42, outputTokens: 7 },
    };
    const generated = await scriptedModel(answer).generate(ask('x'));
    const events: ModelStreamEvent[] = [];
    for await (const event of scriptedModel(answer, { chunkSize: 5 }).stream(ask('x')))
      events.push(event);
    const text = events.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('');
    const calls = events.flatMap((e) => (e.type === 'tool-call-end' ? [e.toolCall] : []));
    expect(text).toBe(generated.text);
    expect(calls).toEqual(generated.toolCalls);
    expect(events.filter((e) => e.type === 'text-delta').length).toBe(Math.ceil(text.length / 5));
    expect(events.at(-2)).toEqual({ type: 'usage', usage: generated.usage });
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls' },
    });
  });

  it('aborts during its latency with the signal reason', async () => {
    const model = scriptedModel('late', { latencyMs: 15_000 });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 10);
    const started = performance.now();
    await expect(model.generate(ask('x', { signal: controller.signal }))).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // not the 15 s latency
  });

  it('validates its options', () => {
    expect(() => scriptedModel('x', { chunkSize: 0 })).toThrow(/chunkSize/);
  });
});
