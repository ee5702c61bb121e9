import { Redis } from 'ioredis';
import { createTierup } from 'tierup';
import { redisSessionStore } from 'tierup/bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atDirect, escalatingModel } from '../escalating-run.ts';
import { getOrder } from '../executors/team-model.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';

describe.runIf(redisServerAvailable())('redisSessionStore (a real redis-server)', () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(redis.url);
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });

  it('sets with a time to live, gets, and deletes', async () => {
    const connection = connect();
    const store = redisSessionStore({ connection, prefix: 'p' });
    const signal = new AbortController().signal;
    await store.set('chat-1', '{"tier":"agent"}', { ttlMs: 60_000, signal });
    expect(await store.get('chat-1', { signal })).toBe('{"tier":"agent"}');
    expect(await connection.pttl('p:session:chat-1')).toBeGreaterThan(50_000);
    await store.delete('chat-1');
    expect(await store.get('chat-1', { signal })).toBeUndefined();
  });

  it('keeps a sticky session across two processes’ tierups', async () => {
    const tierupOf = () =>
      createTierup({
        model: escalatingModel(),
        tools: [getOrder],
        escalation: 'sticky',
        sessions: { store: redisSessionStore({ connection: connect() }) },
      });
    const first = await tierupOf().run(atDirect, { sessionId: 'chat-2' });
    expect(first.escalations).toHaveLength(1);
    const second = await tierupOf().run(atDirect, { sessionId: 'chat-2' });
    expect([second.tier, second.escalations]).toEqual(['agent', []]);
  });

  it('refuses what is not an ioredis client, naming the option', () => {
    expect(() => redisSessionStore({ connection: {} as Redis })).toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'connection' }),
    );
  });
});
