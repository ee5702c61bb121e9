// Where the engine's time per subtask goes: `node --experimental-strip-types --no-warnings
// bench/scale/breakdown.ts`. The scale benchmark's team on one worker process (8 subtasks at
// once), 30 warm-up runs, then 8 runs with a run's subtasks one by one and 8 runs with them 8 at
// once; per subtask, the medians of: adding the job until the worker's processor starts (Redis
// round trips, the worker fetching it), checking the signature and parsing, serving it beyond the
// specialist's own work, and the outcome's way back (completing the job, the event, the wait).
import { fileURLToPath } from 'node:url';
import { bullmqEngine } from '../../src/bullmq/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { startMockLlmServer } from '../../src/testing/index.ts';
import { createTierup } from '../../src/tierup.ts';
import { startWorkerProcess } from '../../test/bullmq/worker-process.ts';
import { startRedis } from '../../test/redis-server.ts';
import { median, round3 } from '../stats.ts';
import { SPECIALISTS, TEAM_REQUEST, TEAM_TOOLS, teamModel, teamRules } from './team.ts';

const SECRET = 'bench secret of thirty-two chars';
const now = () => performance.timeOrigin + performance.now();
const [redis, mock] = await Promise.all([
  startRedis(),
  startMockLlmServer({ rules: teamRules(100) }),
]);
const worker = await startWorkerProcess(
  {
    redisPort: redis.port,
    queue: 'breakdown',
    secret: SECRET,
    baseURL: mock.baseURL.openai,
    concurrency: SPECIALISTS,
  },
  {
    main: fileURLToPath(new URL('./breakdown-worker.ts', import.meta.url)),
    variable: 'BENCH_SCALE_WORKER',
  },
);
const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
const inner = bullmqEngine({ connection, queue: 'breakdown', secret: SECRET });
const rows: number[][] = [];
const engine: Engine = {
  name: inner.name,
  async runSubtask(request, options) {
    const sent = now();
    const outcome = await inner.runSubtask(request, options);
    const back = now();
    const { taken, verified, served } = (outcome as unknown as { stamps: Record<string, number> })
      .stamps as {
      taken: number;
      verified: number;
      served: number;
    };
    const work = Math.max(0, ...outcome.trace.map((s) => s.endMs ?? s.startMs));
    rows.push([taken - sent, verified - taken, served - verified - work, back - served]);
    return outcome;
  },
};
const tierup = createTierup({ model: teamModel(mock.baseURL.openai), tools: TEAM_TOOLS, engine });
const task = { input: TEAM_REQUEST, hints: { tier: 'multi-agent' as const } };
try {
  for (let i = 0; i < 30; i++) await tierup.run(task, { maxConcurrency: SPECIALISTS });
  for (const atOnce of [1, SPECIALISTS]) {
    rows.length = 0;
    for (let i = 0; i < 8; i++) await tierup.run(task, { maxConcurrency: atOnce });
    const col = (i: number) => round3(median(rows.map((row) => row[i] as number)));
    console.log(
      `${atOnce} at once (${rows.length} subtasks), medians: add to processor ${col(0)} ms, verify and parse ${col(1)} ms, serving beyond the work ${col(2)} ms, back to the run ${col(3)} ms`,
    );
  }
} finally {
  await Promise.all([inner.close(), worker.stop('SIGKILL')]);
  await Promise.all([redis.stop(), mock.close()]);
}
