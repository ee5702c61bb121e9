import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullmqEngine, startTierupWorker } from '../../src/bullmq/index.ts';
import { InvalidConfigError } from '../../src/core/errors.ts';
import { scriptedModel } from '../../src/testing/index.ts';
import { createTierup } from '../../src/tierup.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';
import { SECRET } from './engine-harness.ts';

describe('bullmqEngine and startTierupWorker options', () => {
  const connection = { host: '127.0.0.1', port: 1 };
  it('name the option at fault', () => {
    expect(() => bullmqEngine({ connection, queue: 'q', secret: 'short' })).toThrow(
      InvalidConfigError,
    );
    expect(() => bullmqEngine({ connection, queue: 'q', secret: 'short' })).toThrow(/secret/);
    expect(() => bullmqEngine({ connection, queue: 'a queue', secret: SECRET })).toThrow(/queue/);
    const model = scriptedModel('never');
    expect(() =>
      startTierupWorker({
        connection: undefined as never,
        queue: 'q',
        secret: SECRET,
        tools: [],
        model,
      }),
    ).toThrow(/connection/);
  });
});

describe.runIf(redisServerAvailable())('a subtask no worker takes', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('fails at the agent time limit, and its job is taken off the queue', async () => {
    const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
    const engine = bullmqEngine({ connection, queue: 'nobody', secret: SECRET });
    const queue = new Queue('nobody', { connection });
    try {
      const model = scriptedModel((request) =>
        request.system?.includes('Plan the request')
          ? {
              output: {
                subtasks: [{ id: 'a', specialist: 'generalist', task: 'Think.', dependsOn: [] }],
              },
            }
          : 'Answered without it.',
      );
      const started = performance.now();
      const result = await createTierup({ model, engine }).run(
        { input: 'Think hard.', hints: { tier: 'multi-agent' } },
        { agentTimeoutMs: 500 },
      );
      // The run waited for the time limit, not for ever (a generous bound for a busy machine).
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(result.output).toBe('Answered without it.');
      const synthesis = model.calls.at(-1)?.messages.at(-1)?.content ?? '';
      expect(synthesis).toContain('[a] generalist (FAILED): failed: timed out after 500 ms');
      await expect.poll(() => queue.getWaitingCount()).toBe(0);
    } finally {
      await Promise.all([engine.close(), queue.close()]);
    }
  });
});
