import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { signPayload } from '../../src/bullmq/job-signature.ts';
import { createTierup } from '../../src/tierup.ts';
import { redisServerAvailable } from '../redis-server.ts';
import { hints, PROCESS_TESTS, SECRET, shape, useHarness } from './engine-harness.ts';
import { TEAM_REQUEST, teamModel, teamTools } from './team-scenario.ts';

describe.runIf(redisServerAvailable())(
  'the BullMQ engine, with workers in processes of their own',
  PROCESS_TESTS,
  () => {
    const harness = useHarness();

    it('gives the same result with 2 workers as in process', async () => {
      const inProcess = await harness().inProcess('local.log').run({ input: TEAM_REQUEST, hints });
      expect(inProcess.output).toContain('refund=Refunded 49.90 EUR as re_1.');
      const local = readFileSync(join(harness().dir, 'local.log'), 'utf8')
        .split('\n')
        .filter(Boolean);

      const { tierup, started, sideEffects } = await harness().setUp({ workers: 2 });
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => tierup.run({ input: TEAM_REQUEST, hints })),
      );
      for (const run of runs) expect(shape(run)).toEqual(shape(inProcess));
      // Every side effect ran once per run, on a worker.
      expect(sideEffects().sort()).toEqual(
        Array.from({ length: 4 }, () => local)
          .flat()
          .sort(),
      );
      // Both workers took jobs.
      for (const worker of started) {
        expect(worker.events.filter((e) => e.event === 'completed').length).toBeGreaterThan(0);
      }
    });

    it('refuses a job whose payload was tampered with, and runs nothing of it', async () => {
      const { queue, started, sideEffects } = await harness().setUp();
      const { connection, mock } = harness();
      const before = mock.requests.length;
      // A signed request with one word changed after signing.
      const payload = JSON.stringify({ version: 1, runId: 'r1', content: 'Refund order 88123.' });
      const signed = signPayload(payload, SECRET);
      // From the stream's start: from its end, an event before the first read would be lost.
      const events = new QueueEvents(queue, { connection, lastEventId: '0-0' });
      const jobs = new Queue(queue, { connection });
      try {
        await events.waitUntilReady();
        const failed = new Promise<string>((resolve) =>
          events.on('failed', ({ failedReason }) => resolve(failedReason)),
        );
        await jobs.add('subtask', { ...signed, payload: payload.replace('88123', '99999') });
        expect(await failed).toMatch(/refused: its signature does not match its payload/);
      } finally {
        await Promise.all([events.close(), jobs.close()]);
      }
      expect(started[0]?.events.some((e) => e.event === 'refused')).toBe(true);
      expect(mock.requests.length).toBe(before);

      // An engine with another secret: every subtask is refused, and fails as a subtask does.
      const result = await createTierup({
        model: teamModel(mock.baseURL.openai),
        tools: teamTools(join(harness().dir, 'unused.log')),
        engine: harness().engine(queue, 'another secret, 32 characters!!'),
      }).run({ input: TEAM_REQUEST, hints });
      expect(result.output).toMatch(/order=failed: SubtaskJobFailed: .*refused: its signature/);
      expect(() => sideEffects()).toThrow(/ENOENT/);
    });
  },
);
