// Where the engine's added time per subtask goes, for one or more checkouts side by side:
// `node --experimental-strip-types --no-warnings bench/scale/latency.ts [checkout ...]` (default:
// this one). The scale benchmark's team; per checkout one worker process (8 subtasks at once) on a
// queue of its own. Runs one at a time, in process and on each checkout's engine, interleaved
// (the order rotates each round), with a run's subtasks one by one and 8 at once. Per subtask:
// the specialist's agent span (the issue's measure), and its parts: from the span's start to the
// first model call, the model calls, and from the last model call to the span's end; on the
// engine BullMQ's own steps too (stamped by wrapping its methods). The mock LLM runs in a process of
// its own (MOCK=here: in this one). ROUNDS (default 40), WARMUP (30); PROFILE_DIR: CPU profiles of the
// workers.

import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import type { Engine } from '../../src/core/engine.ts';
import type { RoutedRunResult, TraceSpan } from '../../src/core/run-result.ts';
import type { Tierup } from '../../src/tierup.ts';
import { startWorkerProcess, type WorkerProcess } from '../../test/bullmq/worker-process.ts';
import { startRedis } from '../../test/redis-server.ts';
import { median, quantile, round3 } from '../stats.ts';
import { mockWhere, startTeamMock } from './mock-process.ts';
import { SPECIALISTS, TEAM_REQUEST, TEAM_TOOLS, teamModel } from './team.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 40);
const WARMUP = Number(process.env.WARMUP ?? 30);
const SECRET = 'bench secret of thirty-two chars';
const here = fileURLToPath(new URL('../..', import.meta.url));
const checkouts = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : [here]).map((c) =>
  resolve(c),
);
const now = () => performance.timeOrigin + performance.now();
const task = { input: TEAM_REQUEST, hints: { tier: 'multi-agent' as const } };

const [redis, mock] = await Promise.all([startRedis(), startTeamMock(100)]);
const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
const model = teamModel(mock.baseURL);

interface Contender {
  readonly name: string;
  readonly tierup: Tierup;
  /** Per subtask (`<runId>.<subtaskId>`): when the engine was asked, and when it answered. */
  readonly asked: Map<string, { start: number; end: number }>;
  readonly worker?: WorkerProcess;
  close(): Promise<void>;
}

// The engine's adding of each job, stamped by wrapping BullMQ's Queue (one module for every checkout).
const added = new Map<string, { start: number; end: number }>();
const add = Queue.prototype.add;
Queue.prototype.add = async function (this: Queue, ...args: Parameters<Queue['add']>) {
  const start = now();
  try {
    return await add.apply(this, args);
  } finally {
    const id = (args[2]?.jobId ?? '').split('.').slice(0, 2).join('.');
    added.set(id, { start, end: now() });
  }
};

const { createTierup } = (await import(
  `${checkouts[0]}/src/tierup.ts`
)) as typeof import('../../src/tierup.ts');
const contenders: Contender[] = [
  {
    name: 'in process',
    tierup: createTierup({ model, tools: TEAM_TOOLS }),
    asked: new Map(),
    close: async () => undefined,
  },
];
for (const [i, checkout] of checkouts.entries()) {
  const load = <T>(path: string) => import(`${checkout}/src/${path}`) as Promise<T>;
  const { bullmqEngine } =
    await load<typeof import('../../src/bullmq/index.ts')>('bullmq/index.ts');
  const own = await load<typeof import('../../src/tierup.ts')>('tierup.ts');
  const queue = `latency-${i}`;
  // PROFILE_DIR: the worker processes write a CPU profile there (--cpu-prof) when stopped.
  const profile = process.env.PROFILE_DIR;
  if (profile) process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${profile}`;
  const worker = await startWorkerProcess(
    {
      redisPort: redis.port,
      queue,
      secret: SECRET,
      baseURL: mock.baseURL,
      concurrency: SPECIALISTS,
      checkout,
    },
    {
      main: fileURLToPath(new URL('./latency-worker.ts', import.meta.url)),
      variable: 'BENCH_SCALE_WORKER',
    },
  );
  delete process.env.NODE_OPTIONS;
  const inner = bullmqEngine({ connection, queue, secret: SECRET });
  const asked = new Map<string, { start: number; end: number }>();
  const engine: Engine = {
    name: inner.name,
    async runSubtask(request, options) {
      const start = now();
      try {
        return await inner.runSubtask(request, options);
      } finally {
        asked.set(`${request.runId}.${request.subtask.id}`, { start, end: now() });
      }
    },
  };
  contenders.push({
    name: `${checkout === here ? 'this checkout' : checkout} (${i})`,
    tierup: own.createTierup({ model, tools: TEAM_TOOLS, engine }),
    asked,
    worker,
    close: () => inner.close(),
  });
}

/** Per subtask, the parts of its agent span, ms. */
interface Parts {
  span: number;
  toFirstCall: number;
  calls: number;
  afterLastCall: number;
  /** On the engine: job asked for → fetched by the worker; last call → completed on the worker; beyond the engine's own call. */
  fetched?: number;
  completed?: number;
  outsideEngine?: number;
  /** On the engine, the steps between (see stepsOf). */
  steps?: Record<string, number>;
}

/**
 * The way of a subtask on the engine, step by step (ms): the engine's own work before it adds
 * the job; adding it (until Redis answered the engine); until the worker's blocking wait
 * returned; until it asked for the job; BullMQ's moveToActive; until the processor started;
 * until the first model call; from the last model call until the processor returned; until the
 * engine had the outcome. A step BullMQ skipped (a job taken on completing the one before) is left
 * out.
 */
function stepsOf(
  asked: { start: number; end: number },
  add: { start: number; end: number } | undefined,
  s: Record<string, number>,
): Record<string, number> {
  const steps: Record<string, number> = {};
  const put = (name: string, from: number | undefined, to: number | undefined) => {
    if (from !== undefined && to !== undefined && from > 0 && to > 0) steps[name] = to - from;
  };
  put('beforeAdd', asked.start, add?.start);
  put('add', add?.start, add?.end);
  if (s.woke !== undefined && add !== undefined && s.woke >= add.start) {
    put('addToWake', add.start, s.woke);
    put('wakeToMove', s.woke, s.moveStart);
  }
  put('moveToActive', s.moveStart, s.moveEnd);
  put('moveToProcess', s.moveEnd, s.processStart);
  put('processToFirstCall', s.processStart, s.first);
  put('lastCallToReturn', s.last, s.processEnd);
  put('returnToAnswer', s.processEnd, asked.end);
  return steps;
}
const samples = new Map<string, Map<number, Parts[]>>();
const movesBefore = new Map<string, number>();

function record(c: Contender, atOnce: number, result: RoutedRunResult<string>): void {
  const spans = result.trace;
  const runId = result.runId;
  const stamps = new Map(
    (c.worker?.events ?? [])
      .filter((e) => e.event === 'stamps')
      .map((e) => [(e as unknown as { key: string }).key, e as unknown as Record<string, number>]),
  );
  const byAt = samples.get(c.name) ?? new Map<number, Parts[]>();
  samples.set(c.name, byAt);
  const list = byAt.get(atOnce) ?? [];
  byAt.set(atOnce, list);
  const agents = spans.filter((s) => s.type === 'agent' && s.name !== 'manager');
  // BullMQ's moveToActive calls per job in this run (those that found none included).
  const moves = Math.max(0, ...[...stamps.values()].map((s) => s.moves ?? 0));
  const movesPerJob = (moves - (movesBefore.get(c.name) ?? moves)) / agents.length;
  movesBefore.set(c.name, moves);
  for (const agent of agents) {
    const span = (agent.endMs as number) - agent.startMs;
    const key = `${runId}.${agent.name}`;
    const asked = c.asked.get(key);
    if (asked === undefined) {
      const calls = spans.filter(
        (s: TraceSpan) => s.parentId === agent.id && s.type === 'model-call',
      );
      const first = Math.min(...calls.map((s) => s.startMs));
      const last = Math.max(...calls.map((s) => s.endMs as number));
      list.push({
        span,
        toFirstCall: first - agent.startMs,
        calls: last - first,
        afterLastCall: (agent.endMs as number) - last,
      });
      continue;
    }
    const s = stamps.get(key);
    if (s === undefined) throw new Error(`no stamps for ${key}`);
    const outside = span - (asked.end - asked.start);
    list.push({
      span,
      toFirstCall: (s.first as number) - asked.start,
      calls: (s.last as number) - (s.first as number),
      afterLastCall: asked.end - (s.last as number),
      fetched: (s.fetched as number) - asked.start,
      completed: (s.completed as number) - (s.last as number),
      outsideEngine: outside,
      steps: { ...stepsOf(asked, added.get(key), s), movesPerJob },
    });
  }
}

try {
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; the mock ${mockWhere()}; ${WARMUP} warm-up runs, ${ROUNDS} rounds`,
  );
  for (let i = 0; i < WARMUP; i++) {
    for (const c of contenders) await c.tierup.run(task, { maxConcurrency: SPECIALISTS });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const atOnce of [1, SPECIALISTS]) {
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(round + k) % contenders.length] as Contender;
        const result = (await c.tierup.run(task, {
          maxConcurrency: atOnce,
        })) as RoutedRunResult<string>;
        if (result.output !== 'All records are fine.')
          throw new Error(`${c.name}: ${result.output}`);
        record(c, atOnce, result);
      }
    }
  }
  const base = samples.get('in process') as Map<number, Parts[]>;
  const fields = [
    'span',
    'toFirstCall',
    'calls',
    'afterLastCall',
    'fetched',
    'completed',
    'outsideEngine',
  ] as const;
  for (const atOnce of [1, SPECIALISTS]) {
    const baseSpan = median((base.get(atOnce) ?? []).map((p) => p.span));
    console.log(`\n${atOnce} at once (medians, ms; p90 of the span)`);
    for (const c of contenders) {
      const list = samples.get(c.name)?.get(atOnce) ?? [];
      const col = (f: (typeof fields)[number]) => {
        const xs = list.map((p) => p[f]).filter((x): x is number => x !== undefined);
        return xs.length > 0 ? round3(median(xs)) : '-';
      };
      const span = median(list.map((p) => p.span));
      console.log(
        `${c.name.padEnd(28)} n=${list.length} span ${round3(span)} (+${round3(span - baseSpan)}, p90 ${round3(
          quantile(
            list.map((p) => p.span),
            0.9,
          ),
        )})  ${fields
          .slice(1)
          .map((f) => `${f} ${col(f)}`)
          .join('  ')}`,
      );
      const names = [...new Set(list.flatMap((p) => Object.keys(p.steps ?? {})))];
      if (names.length > 0) {
        const step = (name: string) =>
          round3(
            median(list.flatMap((p) => (p.steps?.[name] === undefined ? [] : [p.steps[name]]))),
          );
        console.log(`${''.padEnd(28)} steps: ${names.map((n) => `${n} ${step(n)}`).join('  ')}`);
      }
    }
  }
  console.log(
    `\nload average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await Promise.all(contenders.map((c) => c.close()));
  await Promise.all(
    contenders.map((c) => c.worker?.stop(process.env.PROFILE_DIR ? 'SIGTERM' : 'SIGKILL')),
  );
  await Promise.all([redis.stop(), mock.close()]);
}
