import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { redisServerAvailable, startRedis } from '../redis-server.ts';

describe.runIf(redisServerAvailable())('the test redis-server', () => {
  it('starts on a free loopback port, keeps an append-only file over a restart, and stops', async () => {
    const server = await startRedis({ appendOnly: true });
    const redis = new Redis(server.url, { maxRetriesPerRequest: 20 });
    try {
      await redis.set('kept', 'yes');
      const before = server.pid;
      await server.restart();
      expect(server.pid).not.toBe(before);
      expect(await redis.get('kept')).toBe('yes');
    } finally {
      redis.disconnect();
      await server.stop();
    }
    expect(existsSync(server.dir)).toBe(false);
  });

  it('loses what it held over a restart without an append-only file', async () => {
    const server = await startRedis();
    const redis = new Redis(server.url, { maxRetriesPerRequest: 20 });
    try {
      await redis.set('kept', 'yes');
      await server.restart();
      expect(await redis.get('kept')).toBeNull();
    } finally {
      redis.disconnect();
      await server.stop();
    }
  });
});
