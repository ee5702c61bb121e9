// `npm run bench:scale`: the multi-agent tier on BullMQ workers (issue 17). 200 runs of a manager
// and 8 specialists (each one tool call and one answer) against the mock LLM server at 100 ms per
// call, with 1, 2 and 4 worker processes (8 subtasks at once each), then the engine's added time
// per subtask over the in-process executor, from runs one at a time, interleaved. Needs Debian's
// redis-server; starts its own on a free loopback port. BENCH_QUICK=1: 40 runs, 1 and 2 workers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bullmqEngine } from '../../src/bullmq/index.ts';
import type { RoutedRunResult } from '../../src/core/run-result.ts';
import { createTierup, type Tierup } from '../../src/tierup.ts';
import { startWorkerProcess, type WorkerProcess } from '../../test/bullmq/worker-process.ts';
import { startRedis } from '../../test/redis-server.ts';
import { round3 } from '../stats.ts';
import { measureAddedTime, timedEngine } from './added-time.ts';
import { mockWhere, startTeamMock } from './mock-process.ts';
import { SPECIALISTS, TEAM_REQUEST, TEAM_TOOLS, teamModel } from './team.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 40 : 200;
const WORKER_COUNTS = QUICK ? [1, 2] : [1, 2, 4];
/** Runs the service has in flight at once. */
const IN_FLIGHT = 50;
/** Subtasks one worker process runs at once. */
const PER_WORKER = 8;
const DELAY_MS = 100;
/** Runs one at a time for the added time per subtask, each way: 8 subtasks at once, and one by one. */
const OVERHEAD_RUNS = QUICK ? 6 : 30;
const OVERHEAD_RUNS_ALONE = QUICK ? 2 : 10;
const SECRET = 'bench secret of thirty-two chars';
const MAIN = fileURLToPath(new URL('./worker.ts', import.meta.url));

const task = { input: TEAM_REQUEST, hints: { tier: 'multi-agent' as const } };
const budgets = { maxConcurrency: SPECIALISTS };

const [redis, mock] = await Promise.all([startRedis(), startTeamMock(DELAY_MS)]);
const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
const workers: WorkerProcess[] = [];
const model = teamModel(mock.baseURL);

/** Runs `count` runs, `IN_FLIGHT` at a time; checks each; resolves with the seconds taken. */
async function throughput(tierup: Tierup, count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      next++;
      check(await tierup.run(task, { ...budgets }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, lane));
  return (performance.now() - started) / 1000;
}

function check(result: RoutedRunResult<string>): void {
  const failed = result.trace.filter((s) => s.type === 'agent' && s.status !== 'ok');
  if (result.output !== 'All records are fine.' || failed.length > 0) {
    throw new Error(`a run went wrong: ${result.output} ${JSON.stringify(failed)}`);
  }
}

async function engineWith(count: number, queue: string, outside?: number[]) {
  const started = await Promise.all(
    Array.from({ length: count }, () =>
      startWorkerProcess(
        {
          redisPort: redis.port,
          queue,
          secret: SECRET,
          baseURL: mock.baseURL,
          concurrency: PER_WORKER,
        },
        { main: MAIN, variable: 'BENCH_SCALE_WORKER' },
      ),
    ),
  );
  workers.push(...started);
  const engine = bullmqEngine({ connection, queue, secret: SECRET });
  const timed = outside ? timedEngine(engine, outside) : engine;
  return {
    engine,
    started,
    tierup: createTierup({ model, tools: TEAM_TOOLS, budgets, engine: timed }),
  };
}

const rows: {
  workers: number | 'in process';
  seconds: number;
  runsPerSecond: number;
  subtasksPerSecond: number;
}[] = [];
const row = (workerCount: number | 'in process', seconds: number) => {
  rows.push({
    workers: workerCount,
    seconds: round3(seconds),
    runsPerSecond: round3(RUNS / seconds),
    subtasksPerSecond: round3((RUNS * SPECIALISTS) / seconds),
  });
  console.log(
    `${String(workerCount).padEnd(10)} ${seconds.toFixed(1)} s  ${(RUNS / seconds).toFixed(2)} runs/s`,
  );
};

try {
  console.log(
    `${RUNS} runs of ${SPECIALISTS} specialists, ${IN_FLIGHT} in flight, ${DELAY_MS} ms per model call, the mock LLM ${mockWhere()}; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const local = createTierup({ model, tools: TEAM_TOOLS, budgets });
  await throughput(local, 10); // warm-up
  row('in process', await throughput(local, RUNS));
  for (const count of WORKER_COUNTS) {
    const { engine, started, tierup } = await engineWith(count, `scale-${count}`);
    await throughput(tierup, 10); // warm-up
    row(count, await throughput(tierup, RUNS));
    await engine.close();
    await Promise.all(started.map((w) => w.stop()));
  }

  // The added time per subtask: runs one at a time, in process and on one worker (warmed up as
  // long as the in-process run was), interleaved; the subtasks of a run one after another (what
  // one job costs), then 8 at once (the worker also fetches them from the queue one by one).
  const outside: number[] = [];
  const { engine, tierup } = await engineWith(1, 'scale-overhead', outside);
  await throughput(tierup, RUNS / 2);
  const overhead = [];
  for (const [maxConcurrency, runs] of [
    [1, OVERHEAD_RUNS_ALONE],
    [SPECIALISTS, OVERHEAD_RUNS],
  ] as const) {
    const measured = await measureAddedTime(local, tierup, outside, task, maxConcurrency, runs);
    overhead.push(measured);
    console.log(
      `${maxConcurrency} at once, subtask median: ${measured.inProcessMedianMs} ms in process, ${measured.engineMedianMs} ms on the engine: +${measured.addedMedianMs} ms; outside the worker's work: median ${measured.outsideWorkerMedianMs} ms, p90 ${measured.outsideWorkerP90Ms} ms`,
    );
  }
  await engine.close();
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  const file = new URL(
    `../results/scale${QUICK ? '-quick' : ''}${process.env.MOCK === 'here' ? '-mock-here' : ''}.json`,
    import.meta.url,
  );
  const settings = {
    mock: mockWhere(),
    runs: RUNS,
    specialists: SPECIALISTS,
    inFlight: IN_FLIGHT,
    perWorker: PER_WORKER,
    delayMs: DELAY_MS,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ cores: cpus().length, node: process.version, loadAverage: loadavg().map(round3), settings, rows, overhead }, null, 2)}\n`,
  );
  console.log(`written ${fileURLToPath(file)}`);
} finally {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await Promise.all([redis.stop(), mock.close()]);
}
