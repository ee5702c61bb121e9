// One contender alone in a fresh process under scenario 4's load, for `npm run bench:load`.
// Started by load-detail.ts with `fork` and `--expose-gc`; argv[2] is a LoadDetailJob as JSON; it
// sends back a LoadDetailResult and exits. Same bursts as scenario 4 (contender-process.ts), with
// the CPU per run split by thread, from /proc/self/task (Linux): the main thread (JavaScript, the
// event loop, HTTP) and every other thread (V8's garbage collection and JIT compiler helpers).
// What a run in flight holds is `npm run bench:held`'s.
import { readFileSync } from 'node:fs';
import { TIME_LIMITED } from './contenders/ai-sdk.ts';
import { type ContenderName, checkedAgentRun, createContender } from './contenders/index.ts';
import { SIGNAL_WITHHELD } from './contenders/tierup.ts';

export interface LoadDetailJob {
  /** A contender's name, {@link TIME_LIMITED} or {@link SIGNAL_WITHHELD}. */
  readonly label: string;
  readonly baseURL: string;
  readonly steps: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly warmupBursts: number;
  readonly bursts: number;
}

export interface LoadDetailResult {
  readonly runsPerSecond: number[];
  /** CPU per measured run, ms: all threads, and the main thread alone (null without /proc). */
  readonly cpuMsPerRun: number;
  readonly mainThreadMsPerRun: number | null;
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
const once = checkedAgentRun(contender, job.steps, job.label);
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

const result: LoadDetailResult = {
  runsPerSecond,
  cpuMsPerRun: (used.user + used.system) / 1000 / measured,
  mainThreadMsPerRun: main === null || mainAfter === null ? null : (mainAfter - main) / measured,
  toolRuns: contender.toolRuns.orders,
  runs: job.warmup + job.concurrency * (job.warmupBursts + job.bursts),
};
process.send?.(result, () => process.exit(0));
