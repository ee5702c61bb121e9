import {
  BudgetExceededError,
  createTierup,
  InvalidConfigError,
  memorySessionStore,
  type SessionStore,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { runDocExample } from '../doc-example.ts';
import { atDirect, escalatingModel, failure } from '../escalating-run.ts';
import { getOrder } from '../executors/team-model.ts';

/** A store over `inner` that records each call, as a Redis client would see them. */
function recordingStore(inner: SessionStore = memorySessionStore()) {
  const calls: string[] = [];
  const store: SessionStore = {
    get: (key, options) => {
      calls.push(`get ${key} ${options.signal instanceof AbortSignal}`);
      return inner.get(key, options);
    },
    set: (key, value, options) => {
      calls.push(`set ${key} ${value} ${options.ttlMs}`);
      return inner.set(key, value, options);
    },
    delete: (key) => {
      calls.push(`delete ${key}`);
      return inner.delete(key);
    },
  };
  return { store, calls };
}

describe('memorySessionStore', () => {
  it('keeps values until their time to live, and forgets the oldest past maxSessions', async () => {
    let now = 1_000;
    const store = memorySessionStore({ maxSessions: 2, now: () => now });
    const signal = new AbortController().signal;
    await store.set('a', '1', { ttlMs: 100, signal });
    await store.set('b', '2', { ttlMs: 500, signal });
    expect(await store.get('a', { signal })).toBe('1');
    now += 100;
    expect(await store.get('a', { signal })).toBeUndefined();
    await store.set('c', '3', { ttlMs: 500, signal });
    await store.set('d', '4', { ttlMs: 500, signal });
    expect(await store.get('b', { signal })).toBeUndefined();
    expect(await store.get('c', { signal })).toBe('3');
    await store.delete('c');
    expect(await store.get('c', { signal })).toBeUndefined();
    expect(await store.get('d', { signal })).toBe('4');
  });

  it('refuses a maxSessions that is not a positive integer, naming it', () => {
    expect(() => memorySessionStore({ maxSessions: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'maxSessions' }),
    );
  });
});

describe('sticky sessions over a session store', () => {
  it('reads and writes JSON strings with the time to live, one get and set per run', async () => {
    const { store, calls } = recordingStore();
    const tierup = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store, ttlMs: 60_000 },
    });
    const first = await tierup.run(atDirect, { sessionId: 'chat-1' });
    expect(first.escalations).toHaveLength(1);
    const again = await tierup.run(atDirect, { sessionId: 'chat-1' });
    expect([again.tier, again.escalations]).toEqual(['agent', []]);
    expect(calls).toEqual([
      'get chat-1 true',
      'get chat-1 true',
      'set chat-1 {"tier":"agent"} 60000',
      'get chat-1 true',
      'get chat-1 true',
      'set chat-1 {"tier":"agent"} 60000',
    ]);
    const sessionSpans = again.trace.filter((s) => s.type === 'session');
    expect(sessionSpans.map((s) => [s.name, s.status, s.parentId])).toEqual([
      ['get', 'ok', 's1'],
      ['get', 'ok', 's1'],
      ['set', 'ok', 's1'],
    ]);
    // Without a sessionId, the store is not asked.
    await tierup.run(atDirect);
    expect(calls).toHaveLength(6);
  });

  it('forgets a session after its time to live', async () => {
    let now = 0;
    const store = memorySessionStore({ now: () => now });
    const tierup = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store, ttlMs: 1_000 },
    });
    await tierup.run(atDirect, { sessionId: 'chat-1' });
    now += 999;
    expect((await tierup.run(atDirect, { sessionId: 'chat-1' })).escalations).toEqual([]);
    now += 1_000;
    expect((await tierup.run(atDirect, { sessionId: 'chat-1' })).escalations).toHaveLength(1);
  });

  it('keeps the higher tier a session reached when a run ends lower', async () => {
    const inner = memorySessionStore();
    const signal = new AbortController().signal;
    await inner.set('chat-1', '{"tier":"multi-agent"}', { ttlMs: 60_000, signal });
    const tierup = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store: inner },
      maxTier: 'agent',
    });
    const result = await tierup.run(atDirect, { sessionId: 'chat-1' });
    expect(result.tier).toBe('agent');
    expect(await inner.get('chat-1', { signal })).toBe('{"tier":"multi-agent"}');
  });

  it('fails the run before any model call when the store cannot be read', async () => {
    const model = escalatingModel();
    const broken = new Error('ECONNREFUSED 127.0.0.1:6379');
    const tierup = createTierup({
      model,
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store: { ...memorySessionStore(), get: () => Promise.reject(broken) } },
    });
    const error = await failure(tierup.run(atDirect, { sessionId: 'chat-1' }));
    expect(error).toMatchObject({
      code: 'run-failed',
      cause: broken,
      message: expect.stringContaining("The session store's get failed: Error: ECONNREFUSED"),
    });
    expect(model.calls).toHaveLength(0);
    expect(error.partial?.trace.find((s) => s.type === 'session')).toMatchObject({
      name: 'get',
      status: 'error',
    });
  });

  const readOnly = () =>
    createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: {
        store: { ...memorySessionStore(), set: () => Promise.reject(new Error('READONLY')) },
      },
    });

  it('fails with the answer on the partial when the store cannot be written', async () => {
    const error = await failure(readOnly().run(atDirect, { sessionId: 'chat-1' }));
    expect(error.message).toContain("The session store's set failed: Error: READONLY");
    expect(error.partial?.output).toBe('Order 30418 has shipped.');
  });

  it('keeps the run own error when a failed run cannot write its session', async () => {
    const error = await failure(readOnly().run(atDirect, { sessionId: 'chat-1', maxTokens: 1 }));
    expect(error).toBeInstanceOf(BudgetExceededError);
    const spans = error.partial?.trace.filter((s) => s.type === 'session') ?? [];
    expect(spans.map((s) => [s.name, s.status])).toEqual([
      ['get', 'ok'],
      ['get', 'ok'],
      ['set', 'error'],
    ]);
  });

  it('refuses a value it did not write, and a store that never answers stops at the time limit', async () => {
    const garbage = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store: { ...memorySessionStore(), get: async () => 'agent' } },
    });
    const error = await failure(garbage.run(atDirect, { sessionId: 'chat-1' }));
    expect(error.message).toContain('not JSON');
    const hanging = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      escalation: 'sticky',
      sessions: { store: { ...memorySessionStore(), get: () => new Promise(() => {}) } },
    });
    const stopped = await failure(hanging.run(atDirect, { sessionId: 'chat-1', timeoutMs: 50 }));
    expect(stopped).toBeInstanceOf(BudgetExceededError);
  });

  it('refuses sessions without sticky escalation, and a store without delete', () => {
    const model = scriptedModel('4');
    const store = memorySessionStore();
    expect(() => createTierup({ model, sessions: { store } })).toThrow(
      expect.objectContaining({ field: 'sessions' }),
    );
    const { delete: _, ...partial } = store;
    expect(() =>
      createTierup({
        model,
        escalation: 'sticky',
        sessions: { store: partial as unknown as SessionStore },
      }),
    ).toThrow(InvalidConfigError);
    expect(() =>
      createTierup({ model, escalation: 'sticky', sessions: { store, ttlMs: 0 } }),
    ).toThrow(expect.objectContaining({ field: 'sessions.ttlMs' }));
  });
});

describe('docs/escalation.md', () => {
  it('has a session store example that runs as written and prints what it says', async () => {
    const { printed, expected } = await runDocExample(
      'docs/escalation.md',
      '### Where sessions are kept',
    );
    expect(expected).toHaveLength(3);
    expect(printed).toEqual(expected);
  });
});
