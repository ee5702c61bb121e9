import { createTierup, defineTool, type LifecycleEvent } from 'tierup';
import { sendSse, sseResponse } from 'tierup/http';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runDocExample } from '../doc-example.ts';
import { getOrder } from '../executors/team-model.ts';
import { parseSse, type ReadEvent, readSse, serve } from './sse-client.ts';

/**
 * The direct tier answers "Soon." (which the accept check rejects), the agent tier looks the
 * order up: the stream carries text of a tier that is then thrown away.
 */
function rejectedThenAgent() {
  const model = scriptedModel((request) => {
    if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) return 'Soon.';
    if (request.tools?.length && request.messages.at(-1)?.role === 'user') {
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    }
    return 'Order 30418 has shipped.';
  });
  return createTierup({
    model,
    tools: [getOrder],
    accept: ({ tier }) => tier !== 'direct' || 'too vague',
  });
}

/** A run whose one tool waits until its signal fires; `signal()` is the signal it was given. */
function hangingRun(
  options: { onFinish?: (event: LifecycleEvent<'onFinish'>) => void; onStart?: () => void } = {},
) {
  let toolSignal: AbortSignal | undefined;
  const waitForever = defineTool({
    name: 'get_order',
    description: 'Look up a shop order by id.',
    domain: 'commerce',
    input: z.object({ orderId: z.string() }),
    run: (_input, { signal }) => {
      toolSignal = signal;
      options.onStart?.();
      return new Promise<never>(() => {});
    },
  });
  const tierup = createTierup({
    model: scriptedModel([{ toolCalls: [{ name: 'get_order', arguments: { orderId: '1' } }] }]),
    tools: [waitForever],
    ...(options.onFinish ? { onFinish: options.onFinish } : {}),
  });
  return { tierup, signal: () => toolSignal };
}

const atDirect = { input: 'Where is order 30418?', hints: { tier: 'direct' as const } };

/** The text of the `text` events, joined. */
const textOf = (events: readonly ReadEvent[]) =>
  events
    .filter((e) => e.event === 'text')
    .map((e) => (e.data as { delta: string }).delta)
    .join('');

let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});

describe('sendSse over real HTTP', () => {
  it('sends only the text of the tier the run finished on, then finish', async () => {
    const tierup = rejectedThenAgent();
    let outcome: unknown;
    const server = await serve(async (_request, response) => {
      outcome = await sendSse(response, tierup.stream(atDirect));
    });
    closeServer = server.close;
    const read = await readSse(server.url);
    expect(read.status).toBe(200);
    expect(read.type).toBe('text/event-stream; charset=utf-8');
    expect(textOf(read.events)).toBe('Order 30418 has shipped.');
    expect(read.events.map((e) => e.event).filter((name) => name !== 'text')).toEqual(['finish']);
    expect(read.events.at(-1)?.data).toEqual({
      runId: expect.any(String),
      tier: 'agent',
      output: 'Order 30418 has shipped.',
    });
    expect(outcome).toMatchObject({ type: 'finished', result: { tier: 'agent' } });
  });

  it('sends a direct answer as the model writes it when the direct tier cannot escalate', async () => {
    const tierup = createTierup({
      model: scriptedModel(['Two plus two is four.'], { chunkSize: 4 }),
    });
    const server = await serve(async (_request, response) => {
      await sendSse(response, tierup.stream('What is 2 + 2?'), { keepAliveMs: 0 });
    });
    closeServer = server.close;
    const read = await readSse(server.url);
    const texts = read.events.filter((e) => e.event === 'text');
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.map((e) => (e.data as { delta: string }).delta).join('')).toBe(
      'Two plus two is four.',
    );
  });

  it("sends every event with events: 'all', the rejected text included", async () => {
    const tierup = rejectedThenAgent();
    const server = await serve(async (_request, response) => {
      await sendSse(response, tierup.stream(atDirect, { textDeltas: 'all' }), {
        events: 'all',
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    closeServer = server.close;
    const read = await readSse(server.url);
    const names = read.events.map((e) => e.event);
    expect(names[0]).toBe('tier-decided');
    expect(names.at(-1)).toBe('run-finish');
    expect(names).toContain('tier-escalated');
    const text = read.events
      .filter((e) => e.event === 'text-delta')
      .map((e) => (e.data as { delta: string }).delta)
      .join('');
    expect(text).toBe('Soon.Order 30418 has shipped.');
  });

  it("streams the manager's text on the multi-agent tier, not the specialists'", async () => {
    const model = scriptedModel(
      (request) => {
        if (request.system?.includes('Plan the request')) {
          return {
            output: {
              subtasks: [{ id: 't1', specialist: 'commerce', task: 'Find it.', dependsOn: [] }],
            },
          };
        }
        if (request.system?.includes('Write the final answer')) return 'Manager: it has shipped.';
        if (request.messages.at(-1)?.role === 'user' && request.tools?.length) {
          return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
        }
        return 'Specialist notes.';
      },
      { chunkSize: 4 },
    );
    const tierup = createTierup({ model, tools: [getOrder] });
    const server = await serve(async (_request, response) => {
      await sendSse(
        response,
        tierup.stream({ input: 'Where is 30418?', hints: { tier: 'multi-agent' } }),
      );
    });
    closeServer = server.close;
    const read = await readSse(server.url);
    expect(read.events.filter((e) => e.event === 'text').length).toBeGreaterThan(1);
    expect(textOf(read.events)).toBe('Manager: it has shipped.');
    expect(read.events.at(-1)).toMatchObject({ event: 'finish', data: { tier: 'multi-agent' } });
  });

  it('sends an error event when the run fails', async () => {
    const tierup = rejectedThenAgent();
    let outcome: unknown;
    const server = await serve(async (_request, response) => {
      outcome = await sendSse(response, tierup.stream(atDirect, { maxTokens: 1 }), {
        keepAliveMs: 0,
      });
    });
    closeServer = server.close;
    const read = await readSse(server.url);
    expect(read.events).toEqual([
      {
        event: 'error',
        data: { code: 'budget-exceeded', message: expect.stringContaining('maxTokens') },
      },
    ]);
    expect(outcome).toMatchObject({ type: 'failed', error: { code: 'budget-exceeded' } });
  });

  it('stops the run through its signal when the client disconnects, and keeps the stream alive', async () => {
    const finished: LifecycleEvent<'onFinish'>[] = [];
    const { tierup, signal } = hangingRun({ onFinish: (event) => finished.push(event) });
    let outcome: Promise<unknown> | undefined;
    const server = await serve((_request, response) => {
      outcome = sendSse(response, tierup.stream('Where is order 1?'), { keepAliveMs: 20 });
    });
    closeServer = server.close;
    const read = await readSse(server.url, (_events, comments) => comments >= 2);
    expect(read.comments).toBeGreaterThanOrEqual(2);
    await expect(outcome).resolves.toEqual({ type: 'disconnected' });
    expect(signal()?.aborted).toBe(true);
    expect(finished[0]).toMatchObject({ type: 'run-error', error: { code: 'aborted' } });
  });

  it('refuses an unknown option, naming it', async () => {
    const tierup = rejectedThenAgent();
    const response = { headersSent: false } as never;
    await expect(sendSse(response, tierup.stream('Hi'), { event: 'all' } as never)).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'event' }),
    );
  });
});

describe('sseResponse', () => {
  it('is a Fetch Response with the same events', async () => {
    const response = sseResponse(rejectedThenAgent().stream(atDirect), { keepAliveMs: 0 });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const { events } = parseSse(await response.text());
    expect(textOf(events)).toBe('Order 30418 has shipped.');
    expect(events.at(-1)?.event).toBe('finish');
  });

  it('stops the run when a client over real HTTP goes away (the body cancelled)', async () => {
    const { tierup, signal } = hangingRun();
    let cancelled: Promise<void> | undefined;
    // A minimal adapter from a Fetch Response to Node's http, as Hono's node server does.
    const server = await serve(async (_request, response) => {
      const answer = sseResponse(tierup.stream('Where is order 1?'), { keepAliveMs: 20 });
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
      response.once('close', () => {
        cancelled = reader.cancel();
      });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        response.write(value);
      }
      response.end();
    });
    closeServer = server.close;
    const read = await readSse(server.url, (_events, comments) => comments >= 1);
    expect(read.comments).toBeGreaterThanOrEqual(1);
    await expect.poll(() => signal()?.aborted).toBe(true);
    await cancelled;
  });

  it('stops the run when its signal fires', async () => {
    const controller = new AbortController();
    const { tierup, signal } = hangingRun({ onStart: () => controller.abort() });
    const response = sseResponse(tierup.stream('Where is order 1?'), {
      signal: controller.signal,
      keepAliveMs: 0,
    });
    expect(await response.text()).toBe('');
    expect(signal()?.aborted).toBe(true);
  });
});

describe('docs/http.md', () => {
  it('has an example that runs as written and prints what its comments say', async () => {
    const { printed, expected } = await runDocExample('docs/http.md', '## An example that runs');
    expect(expected).toHaveLength(4);
    expect(printed).toEqual(expected);
  });
});
