// What the engine's process tests share: a redis-server and a mock LLM server of their own, and
// for each test a fresh queue, side-effect log, engine and worker processes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { type BullmqEngine, bullmqEngine, redisJournal } from '../../src/bullmq/index.ts';
import type { RoutedRunResult } from '../../src/core/run-result.ts';
import { type MockLlmServer, startMockLlmServer } from '../../src/testing/index.ts';
import { createTierup } from '../../src/tierup.ts';
import { startRedis, type TestRedis } from '../redis-server.ts';
import { teamModel, teamRules, teamTools } from './team-scenario.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

export const SECRET = 'a test secret of 32 characters!!';
export const hints = { tier: 'multi-agent' as const };

/** What a run says that any engine must say alike (times and span ids aside). */
export const shape = (result: RoutedRunResult<string>) => ({
  output: result.output,
  calls: result.usage.calls,
  tokens: result.usage.inputTokens + result.usage.outputTokens,
  byAgent: Object.keys(result.usage.byAgent).sort(),
  spans: result.trace.map((s) => `${s.type}:${s.name}:${s.status}`).sort(),
  audit: result.audit.map((e) => `${e.agent}:${e.tool}:${e.decision}`).sort(),
});

/** Options of one test's set-up. */
export interface SetUpOptions {
  /** Worker processes to start. @default 1 */
  readonly workers?: number;
  /** More of the worker's configuration (BullMQ's `lockDuration`, `slowRefundMs`, ...). */
  readonly worker?: object;
  /** Another mock server than the harness's. */
  readonly mock?: MockLlmServer;
  /** The run is durable: `createTierup({ journal: redisJournal(...) })`. @default false */
  readonly durable?: boolean;
}

/** Starts the servers; `close()` stops them and everything set up since. */
export async function startHarness() {
  const [redis, mock]: [TestRedis, MockLlmServer] = await Promise.all([
    startRedis(),
    startMockLlmServer({ rules: teamRules() }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'tierup-engine-'));
  const workers: WorkerProcess[] = [];
  const clients: Redis[] = [];
  const engines: BullmqEngine[] = [];
  const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
  let queues = 0;
  const engine = (queue: string, secret = SECRET) => {
    const made = bullmqEngine({ connection, queue, secret });
    engines.push(made);
    return made;
  };
  return {
    redis,
    mock,
    dir,
    connection,
    engine,
    /** A fresh queue, side-effect log and engine, with worker processes on them. */
    async setUp(options: SetUpOptions = {}) {
      const server = options.mock ?? mock;
      const queue = `team-${++queues}`;
      const log = join(dir, `${queue}.log`);
      const config = {
        redisPort: redis.port,
        queue,
        secret: SECRET,
        baseURL: server.baseURL.openai,
        log,
        ...options.worker,
      };
      const started = await Promise.all(
        Array.from({ length: options.workers ?? 1 }, () => startWorkerProcess(config)),
      );
      workers.push(...started);
      const client = new Redis(redis.port, '127.0.0.1');
      clients.push(client);
      const tierup = createTierup({
        model: teamModel(server.baseURL.openai),
        tools: teamTools(log),
        engine: engine(queue),
        ...(options.durable ? { journal: redisJournal({ connection: client }) } : {}),
      });
      const sideEffects = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
      /** Starts one more worker on the queue. */
      const another = async () => {
        const worker = await startWorkerProcess(config);
        workers.push(worker);
        return worker;
      };
      return { queue, tierup, started, sideEffects, another };
    },
    /** The same run in this process, its side effects in `log`. */
    inProcess: (log: string) =>
      createTierup({ model: teamModel(mock.baseURL.openai), tools: teamTools(join(dir, log)) }),
    async close() {
      await Promise.all([
        ...workers.map((w) => w.stop('SIGKILL')),
        ...engines.map((e) => e.close()),
      ]);
      for (const client of clients) client.disconnect();
      await Promise.all([redis.stop(), mock.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A started harness. */
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * Each test starts node processes (a worker loads bullmq, openai and tierup from source): slow on
 * a busy machine. The options of the process tests' `describe`.
 */
export const PROCESS_TESTS = { timeout: 60_000 };

/** Starts a harness before the tests of the enclosing `describe` and closes it after them. */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 30_000);
  afterAll(() => harness?.close());
  return () => {
    if (harness === undefined) throw new Error('the harness did not start');
    return harness;
  };
}

/** Resolves once `condition` holds; fails after `ms`. */
export async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
