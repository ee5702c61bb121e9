import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BullmqEngine, bullmqEngine } from '../../src/bullmq/index.ts';
import { signPayload } from '../../src/bullmq/job-signature.ts';
import type { RoutedRunResult } from '../../src/core/run-result.ts';
import { type MockLlmServer, startMockLlmServer } from '../../src/testing/index.ts';
import { createTierup } from '../../src/tierup.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';
import { askedBy, TEAM_REQUEST, teamModel, teamRules, teamTools } from './team-scenario.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

const SECRET = 'a test secret of 32 characters!!';
const hints = { tier: 'multi-agent' as const };

/** What a run says that any engine must say alike (times and span ids aside). */
const shape = (result: RoutedRunResult<string>) => ({
  output: result.output,
  calls: result.usage.calls,
  tokens: result.usage.inputTokens + result.usage.outputTokens,
  byAgent: Object.keys(result.usage.byAgent).sort(),
  spans: result.trace.map((s) => `${s.type}:${s.name}:${s.status}`).sort(),
  audit: result.audit.map((e) => `${e.agent}:${e.tool}:${e.decision}`).sort(),
});

describe.runIf(redisServerAvailable())(
  'the BullMQ engine, with workers in their own processes',
  () => {
    let redis: TestRedis;
    let mock: MockLlmServer;
    let dir: string;
    const workers: WorkerProcess[] = [];
    const engines: BullmqEngine[] = [];
    let queues = 0;

    beforeAll(async () => {
      [redis, mock] = await Promise.all([startRedis(), startMockLlmServer({ rules: teamRules() })]);
      dir = mkdtempSync(join(tmpdir(), 'tierup-engine-'));
    });
    afterAll(async () => {
      await Promise.all([
        ...workers.map((w) => w.stop('SIGKILL')),
        ...engines.map((e) => e.close()),
      ]);
      await Promise.all([redis?.stop(), mock?.close()]);
      rmSync(dir, { recursive: true, force: true });
    });

    /** A fresh queue, side-effect log and engine (and `count` workers on them). */
    async function setUp(count: number, worker: object = {}, server = mock) {
      const queue = `team-${++queues}`;
      const log = join(dir, `${queue}.log`);
      const config = {
        redisPort: redis.port,
        queue,
        secret: SECRET,
        baseURL: server.baseURL.openai,
        log,
        ...worker,
      };
      const started = await Promise.all(
        Array.from({ length: count }, () => startWorkerProcess(config)),
      );
      workers.push(...started);
      const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
      const engine = bullmqEngine({ connection, queue, secret: SECRET });
      engines.push(engine);
      const tierup = createTierup({
        model: teamModel(server.baseURL.openai),
        tools: teamTools(log),
        engine,
      });
      const sideEffects = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
      return { queue, log, config, connection, engine, tierup, started, sideEffects };
    }

    it('gives the same result with 2 workers as in process', async () => {
      const local = join(dir, 'local.log');
      const inProcess = await createTierup({
        model: teamModel(mock.baseURL.openai),
        tools: teamTools(local),
      }).run({ input: TEAM_REQUEST, hints });
      expect(inProcess.output).toContain('refund=Refunded 49.90 EUR as re_1.');

      const { tierup, started, sideEffects } = await setUp(2);
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => tierup.run({ input: TEAM_REQUEST, hints })),
      );
      for (const run of runs) expect(shape(run)).toEqual(shape(inProcess));
      // Every side effect ran once per run, on a worker.
      expect(sideEffects().sort()).toEqual(
        Array.from({ length: 4 }, () => readFileSync(local, 'utf8').split('\n').filter(Boolean))
          .flat()
          .sort(),
      );
      // Both workers took jobs.
      for (const worker of started) {
        expect(worker.events.filter((e) => e.event === 'completed').length).toBeGreaterThan(0);
      }
    });

    it('refuses a job whose payload was tampered with, and runs nothing of it', async () => {
      const { queue, connection, started, sideEffects } = await setUp(1);
      const [worker] = started;
      const before = mock.requests.length;
      // A signed request with one word changed after signing.
      const payload = JSON.stringify({
        version: 1,
        runId: 'r1',
        content: 'Refund order 88123 in full.',
      });
      const signed = signPayload(payload, SECRET);
      const events = new QueueEvents(queue, { connection });
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
      expect(worker?.events.some((e) => e.event === 'refused')).toBe(true);
      expect(mock.requests.length).toBe(before);

      // An engine with another secret: every subtask is refused, and fails as a subtask does.
      const other = bullmqEngine({ connection, queue, secret: 'another secret, 32 characters!!' });
      engines.push(other);
      const result = await createTierup({
        model: teamModel(mock.baseURL.openai),
        tools: teamTools(join(dir, 'unused.log')),
        engine: other,
      }).run({ input: TEAM_REQUEST, hints });
      expect(result.output).toMatch(/order=failed: SubtaskJobFailed: .*refused: its signature/);
      expect(() => sideEffects()).toThrow(/ENOENT/);
    });
  },
);
