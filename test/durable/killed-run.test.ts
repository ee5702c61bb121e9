// Durable runs across real processes: a child process runs the team's multi-agent run against the
// mock LLM server (the real `openai` client over HTTP) with the Redis journal on a real
// redis-server, and is killed with SIGKILL mid-run; a second process resumes the run.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { redisJournal } from 'tierup/bullmq';
import type { JournalEntry } from 'tierup/durable';
import { type MockLlmServer, type MockReply, startMockLlmServer } from 'tierup/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerAvailable, startRedis, type TestRedis } from '../redis-server.ts';
import { type Effect, teamAnswer } from './durable-team.ts';

const CHILD = fileURLToPath(new URL('./durable-child.ts', import.meta.url));
/** Each mock call takes this long, so a kill lands while one is in flight. */
const CALL_MS = 150;
/** A child process starts (Node, the openai client, ioredis) and runs eight calls well within it. */
const PROCESS_MS = 60_000;

interface ChildResult {
  readonly ok: boolean;
  readonly outcome?: Record<string, unknown>;
  readonly error?: Record<string, unknown>;
}

describe.runIf(redisServerAvailable())(
  'a durable run killed with SIGKILL, resumed by another process',
  () => {
    let redis: TestRedis;
    let mock: MockLlmServer;
    let connection: Redis;
    const dir = mkdtempSync(join(tmpdir(), 'tierup-durable-'));

    beforeAll(async () => {
      redis = await startRedis({ appendOnly: true });
      connection = new Redis(redis.url, { maxRetriesPerRequest: 50 });
      mock = await startMockLlmServer({
        rules: [
          {
            reply: (request): MockReply => ({
              ...teamAnswer(request.system, request.lastMessage, request.tools),
              delayMs: CALL_MS,
            }),
          },
        ],
      });
    });
    afterAll(async () => {
      connection?.disconnect();
      await mock?.close();
      await redis?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Starts a child process on the run `runId`. */
    function start(runId: string, mode: 'run' | 'resume', env: Record<string, string> = {}) {
      const child = spawn(
        process.execPath,
        ['--experimental-strip-types', '--no-warnings', CHILD],
        {
          env: {
            ...process.env,
            REDIS_URL: redis.url,
            OPENAI_BASE_URL: mock.baseURL.openai,
            RUN_ID: runId,
            MODE: mode,
            EFFECTS_FILE: join(dir, `${runId}.effects`),
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      const exited = new Promise<{ signal: NodeJS.Signals | null; result?: ChildResult }>(
        (resolve, reject) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`the child did not end within ${PROCESS_MS} ms:\n${err}`));
          }, PROCESS_MS);
          child.once('exit', (code, signal) => {
            clearTimeout(timer);
            const line = out.trim().split('\n').at(-1);
            if (signal === null && code !== 0)
              reject(new Error(`the child exited ${code}:\n${err}`));
            resolve({ signal, ...(signal === null && line ? { result: JSON.parse(line) } : {}) });
          });
        },
      );
      return { child, exited };
    }

    /** Runs a child to its end. */
    async function finish(runId: string, mode: 'run' | 'resume', env?: Record<string, string>) {
      const before = mock.requests.length;
      const { result } = await start(runId, mode, env).exited;
      return { result: result as ChildResult, requests: mock.requests.length - before };
    }

    /** Kills the child with SIGKILL once `until` holds (polled); resolves with the mock's count of its requests. */
    async function killWhen(
      child: ChildProcess,
      exited: Promise<unknown>,
      until: () => boolean | Promise<boolean>,
    ) {
      const before = mock.requests.length;
      const deadline = Date.now() + PROCESS_MS;
      while (!(await until())) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error('the child ended before the kill');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGKILL');
      await exited;
      return mock.requests.length - before;
    }

    const journal = () => redisJournal({ connection });
    const entries = async (runId: string) => [
      ...((await journal().read(runId))?.entries ?? new Map<string, JournalEntry>()),
    ];
    const modelEntries = async (runId: string) =>
      (await entries(runId)).filter(([, e]) => e.type === 'model').length;
    const effects = (runId: string): Effect[] => {
      try {
        return readFileSync(join(dir, `${runId}.effects`), 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
      } catch {
        return [];
      }
    };

    /** The side-effect tools that did their work in the run `runId`, by name. */
    const toolsDone = (runId: string) =>
      effects(runId)
        .map((e) => e.tool)
        .sort();

    let baseline: { result: ChildResult; requests: number };
    beforeAll(async () => {
      baseline = await finish('baseline', 'run');
    }, PROCESS_MS);

    it('an uninterrupted run, for comparison: eight model calls, each side effect once', () => {
      expect(baseline.result.ok).toBe(true);
      expect(baseline.result.outcome).toMatchObject({ tier: 'multi-agent', toolErrors: 0 });
      expect(baseline.requests).toBe(8);
      expect(toolsDone('baseline')).toEqual(['refund_payment', 'send_email']);
    });

    it(
      "killed while its subtasks' second model calls are in flight: the resumed run makes only the calls the journal lacks",
      async () => {
        const { child, exited } = start('k1', 'run');
        const before = mock.requests.length;
        // The fifth call is asked for once both first subtasks' tools finished (and were journaled):
        // a kill then leaves no side effect in doubt.
        const killedAfter = await killWhen(child, exited, () => mock.requests.length - before >= 5);
        const journaled = await modelEntries('k1');
        // The calls in flight at the kill were asked for and never journaled.
        const inFlight = killedAfter - journaled;
        // One, or two when both first subtasks were waiting (none only if the machine was too busy
        // to kill within CALL_MS).
        expect(inFlight).toBeLessThanOrEqual(2);

        const resumed = await finish('k1', 'resume');
        expect(resumed.result, JSON.stringify(resumed.result)).toEqual(baseline.result);
        expect(resumed.requests).toBe(baseline.requests - journaled);
        // Repeated model calls: only those that were in flight.
        expect(killedAfter + resumed.requests - baseline.requests).toBe(inFlight);
        expect(toolsDone('k1')).toEqual(['refund_payment', 'send_email']);
      },
      2 * PROCESS_MS,
    );

    it(
      'killed inside a side-effect tool: the resumed run ends in-doubt naming it, and runs nothing after it',
      async () => {
        const { child, exited } = start('k2', 'run', { REFUND_MS: '30000' });
        await killWhen(child, exited, async () =>
          (await entries('k2')).some(
            ([, e]) => e.type === 'tool-started' && e.tool === 'refund_payment',
          ),
        );
        const resumed = await finish('k2', 'resume');
        expect(resumed.result.ok).toBe(false);
        expect(resumed.result.error).toMatchObject({
          name: 'InDoubtError',
          code: 'in-doubt',
          tool: 'refund_payment',
          key: expect.stringMatching(/^multi-agent\/subtask:s2:payments\/tool:1:/),
        });
        expect(effects('k2')).toEqual([]);
        expect((await journal().read('k2'))?.end).toMatchObject({
          status: 'failed',
          code: 'in-doubt',
        });
      },
      2 * PROCESS_MS,
    );

    it(
      'killed inside an idempotent tool: the resumed run calls it again with the same idempotency key',
      async () => {
        const { child, exited } = start('k3', 'run', { REFUND_MS: '30000', IDEMPOTENT: '1' });
        let started: JournalEntry | undefined;
        await killWhen(child, exited, async () => {
          started = (await entries('k3')).find(([, e]) => e.type === 'tool-started')?.[1];
          return started !== undefined;
        });
        const resumed = await finish('k3', 'resume', { IDEMPOTENT: '1' });
        expect(resumed.result, JSON.stringify(resumed.result)).toEqual(baseline.result);
        const done = effects('k3');
        expect(done.map((e) => e.tool).sort()).toEqual(['refund_payment', 'send_email']);
        expect(done.find((e) => e.tool === 'refund_payment')?.idempotencyKey).toBe(
          started?.type === 'tool-started' ? started.idempotencyKey : 'none',
        );
      },
      2 * PROCESS_MS,
    );

    it(
      'Redis restarted (appendonly) between two steps, then the process killed: nothing journaled before the restart is lost',
      async () => {
        const { child, exited } = start('k4', 'run');
        const before = mock.requests.length;
        let restarted = false;
        const killedAfter = await killWhen(child, exited, async () => {
          const made = mock.requests.length - before;
          if (!restarted && made >= 2) {
            restarted = true;
            await redis.restart();
          }
          return made >= 5;
        });
        expect(restarted).toBe(true);
        const kept = new Map(await entries('k4'));
        // The plan was journaled before the restart.
        expect(kept.get('multi-agent/manager/model:1')?.type).toBe('model');
        const journaled = await modelEntries('k4');
        expect(journaled).toBeGreaterThanOrEqual(3);
        const resumed = await finish('k4', 'resume');
        expect(resumed.result, JSON.stringify(resumed.result)).toEqual(baseline.result);
        expect(resumed.requests).toBe(baseline.requests - journaled);
        expect(killedAfter + resumed.requests - baseline.requests).toBe(killedAfter - journaled);
        expect(toolsDone('k4')).toEqual(['refund_payment', 'send_email']);
      },
      2 * PROCESS_MS,
    );
  },
);
