import { createTierup, defineTool, RunAbortedError, type RunEvent, type RunResult } from 'tierup';
import type { MockReply, MockRequest } from 'tierup/testing';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AT_ONCE_MS } from '../load-bounds.ts';
import { openai, type Served, serve, sleep, spans } from './fault-harness.ts';

// Faults during a multi-agent fan-out, through the public API, the real OpenAI client and real
// HTTP: a 429 storm, a specialist that hangs, and the caller's abort.

const lookup = (name: string, domain: string) =>
  defineTool({
    name,
    description: `Look something up in ${domain}.`,
    domain,
    input: z.object({ id: z.string() }),
    run: ({ id }) => `${name}(${id})`,
  });
const tools = [
  lookup('get_order', 'commerce'),
  lookup('get_payment', 'payments'),
  lookup('get_shipment', 'shipping'),
];
const DOMAINS = ['commerce', 'payments', 'shipping'] as const;

const plan = {
  subtasks: DOMAINS.map((domain, i) => ({
    id: `s${i + 1}`,
    specialist: domain,
    task: `Look up the ${domain} side of order 7.`,
    dependsOn: [],
  })),
};
const task = {
  input: 'Check order 7: its items, its payment and its shipment.',
  hints: { tier: 'multi-agent' as const },
};

const PLANNER = 'Plan the request as subtasks';
const SYNTHESIS = 'Write the final answer to the request from their results';
const SPECIALIST = /You are the (\w+) specialist/;

/** The specialist a request comes from, read from its system prompt. */
function specialistOf(request: MockRequest): string {
  return SPECIALIST.exec(request.system)?.[1] ?? '?';
}

/** A server whose manager plans the three subtasks, and whose specialists answer with `reply`. */
async function fanOut(
  reply: (specialist: string, request: MockRequest) => MockReply | Promise<MockReply>,
): Promise<Served & { synthesis: () => string[] }> {
  const synthesis: string[] = [];
  const served = await serve(
    { match: { system: PLANNER }, reply: { text: JSON.stringify(plan) } },
    {
      match: { system: SYNTHESIS },
      reply: (request) => {
        synthesis.push(request.lastMessage);
        return { text: 'Here is what the team found.' };
      },
    },
    { match: { system: SPECIALIST }, reply: (request) => reply(specialistOf(request), request) },
  );
  return { ...served, synthesis: () => synthesis };
}

/**
 * A fan-out that stays busy: the commerce specialist's tool waits for its signal, the payments and
 * shipping specialists' model calls get no answer for 30 s. `busy()` resolves once all three are
 * under way.
 */
async function slowFanOut() {
  const tool: { signal?: AbortSignal } = {};
  const slowLookup = defineTool({
    name: 'slow_lookup',
    description: 'Look up an order, slowly.',
    domain: 'commerce',
    input: z.object({ id: z.string() }),
    run: (_input, { signal }) =>
      new Promise<string>((_resolve, reject) => {
        tool.signal = signal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  });
  const served = await fanOut((specialist) =>
    specialist === 'commerce'
      ? { toolCalls: [{ name: 'slow_lookup', arguments: { id: '7' } }] }
      : { delayMs: 30_000, text: 'never sent' },
  );
  const tierup = createTierup({
    model: openai(served.server),
    tools: [slowLookup, ...tools.slice(1)],
  });
  const busy = () =>
    vi.waitFor(
      () => {
        expect(tool.signal).toBeDefined();
        expect(served.watch.inFlight).toBe(2);
      },
      { timeout: AT_ONCE_MS, interval: 5 },
    );
  return { ...served, tierup, tool, busy };
}

function agentSpan(result: Pick<RunResult, 'trace'>, name: string) {
  return spans(result.trace, 'agent').find((span) => span.name === name);
}

describe('multi-agent fan-out under faults (real OpenAI client, real HTTP)', () => {
  it('rides out a 429 storm: retries each specialist after retry-after, within maxConcurrency', async () => {
    const arrivals = new Map<string, number[]>();
    const { server, watch, synthesis } = await fanOut((specialist, request) => {
      const times = arrivals.get(specialist) ?? [];
      times.push(request.time);
      arrivals.set(specialist, times);
      return times.length === 1
        ? { delayMs: 20, fault: { status: 429, retryAfterMs: 40 } }
        : { delayMs: 20, text: `${specialist} result` };
    });
    const tierup = createTierup({ model: openai(server), tools });

    const result = await tierup.run(task, { maxConcurrency: 2 });

    expect(result.tier).toBe('multi-agent');
    expect(result.output).toBe('Here is what the team found.');
    // Each specialist: one 429, then one retry, sent no sooner than the 20 ms the 429 took plus
    // the 40 ms its retry-after-ms asked for (the backoff alone is 1-2 ms).
    expect([...arrivals.keys()].sort()).toEqual([...DOMAINS]);
    for (const [specialist, times] of arrivals) {
      expect(times, specialist).toHaveLength(2);
      expect((times[1] ?? 0) - (times[0] ?? 0), specialist).toBeGreaterThanOrEqual(55);
    }
    // Two specialists at a time, never three, at the server.
    expect(watch.maxInFlight).toBe(2);
    // The manager's synthesis got every specialist's result.
    expect(synthesis()).toHaveLength(1);
    for (const [i, domain] of DOMAINS.entries()) {
      expect(synthesis()[0]).toContain(`[s${i + 1}] ${domain} (done): ${domain} result`);
      expect(agentSpan(result, domain)?.status).toBe('ok');
    }
    // Plan, three specialists, synthesis: five model calls, eight HTTP requests with the retries.
    expect(result.usage.calls).toBe(5);
    expect(server.requests).toHaveLength(8);
    expect(spans(result.trace, 'model-call').map((span) => span.status)).toEqual(
      Array(5).fill('ok'),
    );
    expect(watch.open).toBe(0);
  });

  it('times out a specialist that hangs; the others finish and the manager is told', async () => {
    const { server, watch, synthesis } = await fanOut((specialist) =>
      specialist === 'shipping'
        ? { delayMs: 60_000, text: 'too late' }
        : { text: `${specialist} result` },
    );
    const tierup = createTierup({ model: openai(server), tools });

    const started = performance.now();
    const result = await tierup.run(task, { agentTimeoutMs: 150 });
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(AT_ONCE_MS); // not the hung specialist's 60 s
    expect(result.output).toBe('Here is what the team found.');
    expect(synthesis()).toHaveLength(1);
    const prompt = synthesis()[0];
    expect(prompt).toContain('[s1] commerce (done): commerce result');
    expect(prompt).toContain('[s2] payments (done): payments result');
    expect(prompt).toContain('[s3] shipping (FAILED): failed: timed out after 150 ms');
    expect(agentSpan(result, 'shipping')).toMatchObject({ status: 'error' });
    expect(agentSpan(result, 'commerce')?.status).toBe('ok');
    // The hung request was given up by the client, not left open.
    await vi.waitFor(() => expect(watch.open).toBe(0), { timeout: AT_ONCE_MS, interval: 5 });
    expect(watch.droppedByClient).toBe(1);
  });

  it('aborts mid fan-out at once: closes every request in flight, stops the tool, starts nothing', async () => {
    const { server, watch, synthesis, tierup, tool, busy } = await slowFanOut();
    const controller = new AbortController();

    const outcome = tierup.run(task, { signal: controller.signal }).then(
      (result) => ({ result, at: performance.now() }),
      (error: unknown) => ({ error, at: performance.now() }),
    );
    await busy();
    const abortedAt = performance.now();
    controller.abort();
    const settled = await outcome;

    expect(settled.at - abortedAt).toBeLessThan(AT_ONCE_MS); // not the replies' 30 s
    expect('error' in settled && settled.error).toBeInstanceOf(RunAbortedError);
    const error = (settled as { error: RunAbortedError }).error;
    expect(error.partial?.tier).toBe('multi-agent');
    // The trace so far is kept: the manager and its three specialists, the tool they had called.
    expect(spans(error.partial?.trace ?? [], 'agent').map((span) => span.name)).toEqual([
      'manager',
      ...DOMAINS,
    ]);
    expect(spans(error.partial?.trace ?? [], 'tool-call').map((span) => span.name)).toEqual([
      'slow_lookup',
    ]);
    expect(tool.signal?.aborted).toBe(true);
    // Both model calls in flight were closed by the client, not answered.
    await vi.waitFor(() => expect(watch.open).toBe(0), { timeout: AT_ONCE_MS, interval: 5 });
    expect(watch.droppedByClient).toBe(2);
    // Nothing runs on: no further request, no synthesis.
    const seen = server.requests.length;
    await sleep(300);
    expect(server.requests).toHaveLength(seen);
    expect(synthesis()).toEqual([]);
    expect(watch.open).toBe(0);
  });

  it('ends a stream aborted mid fan-out with RunAbortedError, and nothing after it', async () => {
    const { server, watch, tierup, tool, busy } = await slowFanOut();
    const controller = new AbortController();
    const iterator = tierup.stream(task, { signal: controller.signal })[Symbol.asyncIterator]();
    const events: RunEvent[] = [];
    const reading = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        events.push(next.value);
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );

    await busy();
    controller.abort();
    const error = await reading;

    expect(error).toBeInstanceOf(RunAbortedError);
    expect(tool.signal?.aborted).toBe(true);
    expect(events.map((event) => event.type)).not.toContain('run-finish');
    // Once the run has failed, the iterator is done, even after the agents cut short wind down.
    await sleep(50);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    await vi.waitFor(() => expect(watch.open).toBe(0), { timeout: AT_ONCE_MS, interval: 5 });
    expect(watch.droppedByClient).toBe(2);
    const seen = server.requests.length;
    await sleep(100);
    expect(server.requests).toHaveLength(seen);
  });
});
