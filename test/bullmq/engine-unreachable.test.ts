import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bullmqEngine } from '../../src/bullmq/index.ts';
import type { SubtaskRequest } from '../../src/core/engine.ts';
import { SECRET } from './engine-harness.ts';

/** A loopback port nothing listens on: taken, then given back. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const request = { version: 1, runId: 'run', subtask: { id: 'a' } } as unknown as SubtaskRequest;

// Every wait has a timeout or a signal: with no Redis to reach, a subtask stops when its signal
// fires and the engine closes, instead of waiting for a connection that never comes.
describe('the BullMQ engine with Redis out of reach', () => {
  it('stops a subtask when its signal fires, and closes', async () => {
    const connection = { host: '127.0.0.1', port: await deadPort(), maxRetriesPerRequest: null };
    const engine = bullmqEngine({ connection, queue: 'unreachable', secret: SECRET });
    const started = Date.now();
    const stopped = engine.runSubtask(request, { signal: AbortSignal.timeout(300) });
    await expect(stopped).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await engine.close();
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);
});
