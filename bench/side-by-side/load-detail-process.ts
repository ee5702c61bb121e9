// One contender alone in a fresh process under scenario 4's load, for `npm run bench:load`.
// Started by load-detail.ts with `fork` and `--expose-gc`; argv[2] is a LoadDetailJob as JSON; it
// sends back a LoadDetailResult and exits. Same bursts as scenario 4 (contender-process.ts), and
// two figures that scenario leaves out:
// - CPU per run split by thread, from /proc/self/task (Linux): the main thread (JavaScript, the
//   event loop, HTTP) and every other thread (V8's garbage collection and JIT compiler helpers).
// - the heap each run in flight holds: used heap after a full collection in the middle of a burst,
//   less the used heap after one before it, over the runs in flight.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { TIME_LIMITED } from './contenders/ai-sdk.ts';
import { type ContenderName, createContender } from './contenders/index.ts';
import { SIGNAL_WITHHELD } from './contenders/tierup.ts';
import { agentAnswer } from './fixtures.ts';
import { median, settledHeap } from './measure.ts';

export interface LoadDetailJob {
  /** A contender's name, {@link TIME_LIMITED} or {@link SIGNAL_WITHHELD}. */
  readonly label: string;
  readonly baseURL: string;
  readonly steps: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly warmupBursts: number;
  readonly bursts: number;
  /** Mid-burst heap probes; each waits `probeAfterMs` into a burst. */
  readonly probes: number;
  readonly probeAfterMs: number;
}

export interface LoadDetailResult {
  readonly runsPerSecond: number[];
  /** CPU per measured run, ms: all threads, and the main thread alone (null without /proc). */
  readonly cpuMsPerRun: number;
  readonly mainThreadMsPerRun: number | null;
  /** Median over the probes of the heap held per run in flight, KB. */
  readonly heldKbPerRun: number;
  readonly toolRuns: number;
  readonly runs: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as LoadDetailJob;
const timeLimits = job.label === TIME_LIMITED;
const withholdSignal = job.label === SIGNAL_WITHHELD;
const contender = createContender(
  timeLimits ? 'AI SDK' : withholdSignal ? 'tierup' : (job.label as ContenderName),
  { baseURL: job.baseURL, api: 'chat', timeLimits, withholdSignal },
);
const expected = agentAnswer(job.steps);
let runs = 0;
const once = async () => {
  const { output } = await contender.agent(job.steps);
  if (output !== expected) {
    throw new Error(`${job.label}: expected ${JSON.stringify(expected)}, got ${output}`);
  }
  runs++;
};
const burst = () => Promise.all(Array.from({ length: job.concurrency }, once));

/** CPU time of the main thread so far, ms; null where /proc is missing. */
function mainThreadMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
for (let i = 0; i < job.warmup; i++) await once();
for (let i = 0; i < job.warmupBursts; i++) await burst();

const runsPerSecond: number[] = [];
const cpu = process.cpuUsage();
const main = mainThreadMs();
for (let b = 0; b < job.bursts; b++) {
  const start = performance.now();
  await burst();
  runsPerSecond.push(job.concurrency / ((performance.now() - start) / 1000));
}
const used = process.cpuUsage(cpu);
const mainAfter = mainThreadMs();
const measured = job.concurrency * job.bursts;

const gc = (globalThis as { gc?: () => void }).gc as () => void;
const held: number[] = [];
for (let p = 0; p < job.probes; p++) {
  const before = await settledHeap();
  const running = burst();
  await sleep(job.probeAfterMs);
  gc();
  gc();
  held.push((process.memoryUsage().heapUsed - before) / job.concurrency / 1024);
  await running;
}

const result: LoadDetailResult = {
  runsPerSecond,
  cpuMsPerRun: (used.user + used.system) / 1000 / measured,
  mainThreadMsPerRun: main === null || mainAfter === null ? null : (mainAfter - main) / measured,
  heldKbPerRun: median(held),
  toolRuns: contender.toolRuns.orders,
  runs,
};
process.send?.(result, () => process.exit(0));
