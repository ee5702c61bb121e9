import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullmqEngine, SubtaskJobFailed } from '../../src/bullmq/index.ts';
import { type SignedOutcome, signOutcome, verifiedJob } from '../../src/bullmq/job-signature.ts';
import type { SubtaskOutcome, SubtaskRequest } from '../../src/core/engine.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';
import { SECRET } from './engine-harness.ts';

const OTHER = 'another secret of 32 characters!';
const request = { version: 1, runId: 'run', subtask: { id: 'a' } } as unknown as SubtaskRequest;
const outcome = (text: string) => ({ status: 'ok', text }) as unknown as SubtaskOutcome;

describe.runIf(redisServerAvailable())("the BullMQ engine's way back", () => {
  let redis: TestRedis;
  let publisher: Redis;
  let queues = 0;
  beforeAll(async () => {
    redis = await startRedis();
    publisher = new Redis(redis.port, '127.0.0.1');
  });
  afterAll(async () => {
    publisher?.disconnect();
    await redis?.stop();
  });

  /** An engine and a bare BullMQ worker on a fresh queue; the worker runs `process`. */
  async function withWorker(
    process: (job: Job, reply: string) => Promise<SignedOutcome>,
    use: (engine: ReturnType<typeof bullmqEngine>) => Promise<void>,
  ) {
    const queue = `outcomes-${++queues}`;
    const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
    const engine = bullmqEngine({ connection, queue, secret: SECRET });
    const worker = new Worker(
      queue,
      (job: Job) => process(job, verifiedJob(job.data, SECRET, job.id).reply as string),
      { connection },
    );
    try {
      await use(engine);
    } finally {
      await Promise.all([engine.close(), worker.close(true)]);
    }
  }
  const publish = (reply: string, jobId: string | undefined, signed: SignedOutcome) =>
    publisher.publish(reply, JSON.stringify({ jobId, ...signed }));
  const signal = () => AbortSignal.timeout(20_000);

  it('takes the outcome published on its channel, before BullMQ completes the job', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await withWorker(
      async (job, reply) => {
        const signed = signOutcome(job.id as string, outcome('published'), SECRET);
        await publish(reply, job.id, signed);
        await held; // the job is still active when the run has its outcome
        return signOutcome(job.id as string, outcome('completed'), SECRET);
      },
      async (engine) => {
        try {
          const got = await engine.runSubtask(request, { signal: signal() });
          expect(got.text).toBe('published');
        } finally {
          release();
        }
      },
    );
  });

  it('takes it from the completed event when no message comes', async () => {
    await withWorker(
      async (job) => signOutcome(job.id as string, outcome('from the event'), SECRET),
      async (engine) => {
        expect((await engine.runSubtask(request, { signal: signal() })).text).toBe(
          'from the event',
        );
      },
    );
  });

  it('drops a published outcome that does not verify, and fails the subtask on such an event', async () => {
    await withWorker(
      async (job, reply) => {
        // Signed with another secret, and one signed for another job.
        await publish(reply, job.id, signOutcome(job.id as string, outcome('forged'), OTHER));
        await publish(reply, job.id, signOutcome('run.b.1', outcome('forged'), SECRET));
        return signOutcome(job.id as string, outcome('real'), SECRET);
      },
      async (engine) => {
        expect((await engine.runSubtask(request, { signal: signal() })).text).toBe('real');
      },
    );
    await withWorker(
      async (job) => signOutcome(job.id as string, outcome('forged'), OTHER),
      async (engine) => {
        const failed = engine.runSubtask(request, { signal: signal() });
        await expect(failed).rejects.toThrow(SubtaskJobFailed);
        await expect(failed).rejects.toThrow(/outcome's signature does not match/);
      },
    );
  });
});
