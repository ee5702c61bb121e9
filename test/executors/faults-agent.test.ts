import {
  createTierup,
  defineTool,
  EscalationRequired,
  type LanguageModel,
  ProviderError,
  RunError,
  type RunEvent,
} from 'tierup';
import type { MockLlmServer } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anthropic, bodies, openai, serve, sleep, spans } from './fault-harness.ts';

// Faults of one model or one agent, through the public API, the real SDK clients and real HTTP:
// a stream cut midway, a tool that throws, invalid tool arguments, a model that never stops
// calling tools.

const apis: { name: string; make: (server: MockLlmServer) => LanguageModel }[] = [
  { name: 'OpenAI Chat Completions', make: (server) => openai(server, 'chat') },
  { name: 'OpenAI Responses', make: (server) => openai(server, 'responses') },
  { name: 'Anthropic Messages', make: anthropic },
];

const poem =
  'Autumn moonlight, a worm digs silently into the chestnut. The old pond; a frog jumps in, the sound of water. Over the wintry forest, winds howl in rage with no leaves to blow.';

describe.each(apis)('a stream cut midway ($name)', ({ make }) => {
  it('ends the iterator with a RunError caused by a ProviderError, keeping the trace', async () => {
    const { server, watch } = await serve({
      reply: { text: poem, fault: { type: 'cut', afterEvents: 10 } },
    });
    const tierup = createTierup({ model: make(server) });
    const iterator = tierup
      .stream({ input: 'Three haiku, please.', hints: { tier: 'direct' } })
      [Symbol.asyncIterator]();

    const events: RunEvent[] = [];
    let thrown: unknown;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        events.push(next.value);
      }
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(RunError);
    const error = thrown as RunError;
    expect(error.code).toBe('run-failed');
    expect(error.cause).toBeInstanceOf(ProviderError);
    // The text that arrived before the cut was reported, and only that.
    const streamed = events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : []));
    const text = streamed.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(poem.length);
    expect(poem.startsWith(text)).toBe(true);
    expect(events.map((event) => event.type)).not.toContain('run-finish');
    expect(events.at(-1)).toMatchObject({ type: 'agent-end', agent: 'direct', status: 'error' });
    // The trace is kept: the failed model call, inside its agent, tier and run.
    const trace = error.partial?.trace ?? [];
    expect(spans(trace, 'model-call')).toMatchObject([{ status: 'error' }]);
    expect(spans(trace, 'run')).toMatchObject([{ status: 'error' }]);
    expect(trace.every((span) => span.status !== 'open')).toBe(true);
    // The iterator has ended; a stream that broke midway is not retried.
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(server.requests).toHaveLength(1);
    expect(watch.open).toBe(0);
  });

  it('retries a response cut midway when not streaming, and finishes', async () => {
    const { server } = await serve({
      reply: [{ text: poem, fault: { type: 'cut', afterEvents: 0 } }, { text: poem }],
    });
    const tierup = createTierup({ model: make(server) });

    const result = await tierup.run({ input: 'Three haiku, please.', hints: { tier: 'direct' } });

    expect(result.output).toBe(poem);
    expect(server.requests).toHaveLength(2);
    expect(result.usage.calls).toBe(1);
    expect(spans(result.trace, 'model-call')).toMatchObject([{ status: 'ok' }]);
  });
});

describe('tool faults in the agent loop', () => {
  it('gives a throwing tool back to the model as an error result (Anthropic)', async () => {
    const { server } = await serve({
      reply: (_request, call) =>
        call === 0
          ? { toolCalls: [{ id: 'toolu_1', name: 'get_order', arguments: { orderId: '7' } }] }
          : { text: 'The order service is down; try again later.' },
    });
    const getOrder = defineTool({
      name: 'get_order',
      description: 'Look up an order by id.',
      domain: 'commerce',
      input: z.object({ orderId: z.string() }),
      run: () => {
        throw new Error('database down');
      },
    });
    const tierup = createTierup({ model: anthropic(server), tools: [getOrder] });

    const result = await tierup.run({ input: 'Where is order 7?', hints: { tier: 'agent' } });

    expect(result.tier).toBe('agent');
    expect(result.output).toBe('The order service is down; try again later.');
    const sent = bodies(server);
    expect(sent).toHaveLength(2);
    const messages = sent[1]?.messages as { role: string; content: unknown }[];
    expect(messages.at(-1)).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_1',
          content: expect.stringMatching(/get_order.*failed.*database down/),
          is_error: true,
        },
      ],
    });
    expect(spans(result.trace, 'tool-call')).toMatchObject([
      { name: 'get_order', status: 'error', error: expect.stringContaining('database down') },
    ]);
  });

  it('gives invalid arguments back as the tool result; the model corrects them (Responses)', async () => {
    const { server } = await serve({
      reply: (_request, call) =>
        [
          { toolCalls: [{ id: 'call_bad', name: 'get_order', arguments: { orderId: 42 } }] },
          { toolCalls: [{ id: 'call_good', name: 'get_order', arguments: { orderId: '42' } }] },
          { text: 'Order 42 ships today.' },
        ][call] ?? { text: 'no more' },
    });
    const runs: unknown[] = [];
    const getOrder = defineTool({
      name: 'get_order',
      description: 'Look up an order by id.',
      input: z.object({ orderId: z.string() }),
      run: (input) => {
        runs.push(input);
        return { orderId: input.orderId, status: 'ships today' };
      },
    });
    const tierup = createTierup({ model: openai(server, 'responses'), tools: [getOrder] });

    const result = await tierup.run({ input: 'Where is order 42?', hints: { tier: 'agent' } });

    expect(result.output).toBe('Order 42 ships today.');
    expect(runs).toEqual([{ orderId: '42' }]);
    const sent = bodies(server);
    expect(sent).toHaveLength(3);
    const lastItem = (body: Record<string, unknown> | undefined) =>
      ((body?.input ?? []) as Record<string, unknown>[]).at(-1);
    expect(lastItem(sent[1])).toMatchObject({
      type: 'function_call_output',
      call_id: 'call_bad',
      output: expect.stringMatching(/^Invalid arguments for `get_order`: orderId: .*string/),
    });
    expect(lastItem(sent[2])).toMatchObject({
      type: 'function_call_output',
      call_id: 'call_good',
      output: '{"orderId":"42","status":"ships today"}',
    });
    expect(spans(result.trace, 'tool-call').map((span) => span.status)).toEqual(['error', 'ok']);
  });

  it('stops a model that calls tools forever at maxSteps, with nowhere to escalate', async () => {
    const { server, watch } = await serve({
      reply: { toolCalls: [{ name: 'ping', arguments: {} }] },
    });
    let pings = 0;
    const ping = defineTool({
      name: 'ping',
      description: 'Ping the service.',
      input: z.object({}),
      run: () => `pong ${++pings}`,
    });
    const tierup = createTierup({ model: openai(server), tools: [ping], maxTier: 'agent' });

    const error = await tierup
      .run({ input: 'Ping until it answers.', hints: { tier: 'agent' } }, { maxSteps: 3 })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(EscalationRequired);
    const escalation = error as EscalationRequired;
    expect(escalation.cause).toMatchObject({ type: 'max-steps', steps: 3 });
    expect(escalation.partial).toMatchObject({ tier: 'agent', escalations: [] });
    expect(escalation.partial?.usage.calls).toBe(3);
    expect(escalation.partial?.usage.inputTokens).toBeGreaterThan(0);
    const trace = escalation.partial?.trace ?? [];
    expect(spans(trace, 'model-call')).toHaveLength(3);
    expect(spans(trace, 'tool-call')).toHaveLength(3);
    expect(spans(trace, 'agent')).toMatchObject([{ name: 'agent', status: 'error' }]);
    expect(pings).toBe(3);
    // Nothing runs on after the error.
    expect(server.requests).toHaveLength(3);
    await sleep(100);
    expect(server.requests).toHaveLength(3);
    expect(pings).toBe(3);
    expect(watch.open).toBe(0);
  });
});
