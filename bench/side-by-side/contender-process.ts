// One contender alone in a fresh process, for the figures that another library in the same heap
// would spoil: memory and throughput under load. Started by run-alone.ts with `fork` and
// `--expose-gc`; argv[2] is an AloneJob as JSON; it sends back an AloneResult and exits.
//
// - `sequential`: `runs` agent runs one after another. Heap allocated per run is exact, from V8's
//   own GC records: the growth of the used heap over the runs plus what every GC in between freed
//   (v8.GCProfiler). Peak RSS is the process's maxRSS.
// - `load`: `bursts` bursts of `concurrency` agent runs started at once. Runs per second is the
//   burst's runs over its wall time; memory is sampled every 5 ms and as each run ends, and is given
//   above the idle baseline (taken before the last warm-up burst, after a full GC).
import { GCProfiler } from 'node:v8';
import { type ContenderName, checkedAgentRun, createContender } from './contenders/index.ts';
import type { Api } from './fixtures.ts';
import { settledHeap } from './measure.ts';

export interface AloneJob {
  readonly mode: 'sequential' | 'load';
  readonly contender: ContenderName;
  readonly api: Api;
  readonly baseURL: string;
  readonly steps: number;
  readonly warmup: number;
  /** sequential: runs measured. */
  readonly runs?: number;
  /** load: runs per burst, warm-up bursts and measured bursts. */
  readonly concurrency?: number;
  readonly warmupBursts?: number;
  readonly bursts?: number;
}

export interface AloneResult {
  readonly contender: ContenderName;
  /** RSS and used heap after warm-up and a full GC, MB. */
  readonly baselineRssMb: number;
  readonly baselineHeapMb: number;
  /** Highest RSS of the process, MB. */
  readonly peakRssMb: number;
  /** sequential: heap allocated per run, KB; heap still held after the runs and a full GC, KB. */
  readonly allocatedKbPerRun?: number;
  readonly retainedKb?: number;
  /** load: runs per second of each burst; every run's latency (ms); peak heap above baseline. */
  readonly runsPerSecond?: number[];
  readonly latenciesMs?: number[];
  readonly peakHeapAboveBaselineMb?: number;
  readonly peakRssAboveBaselineMb?: number;
  /** CPU (user + system) per measured run, ms. */
  readonly cpuMsPerRun: number;
  /** get_order executions, for the caller's check. */
  readonly toolRuns: number;
  readonly runs: number;
}

const MB = 1024 * 1024;
const job = JSON.parse(process.argv[2] ?? '{}') as AloneJob;
const contender = createContender(job.contender, { baseURL: job.baseURL, api: job.api });
const once = checkedAgentRun(contender, job.steps, job.contender);
const burst = (n: number, latencies?: number[], onEnd?: () => void) =>
  Promise.all(
    Array.from({ length: n }, async () => {
      const start = performance.now();
      await once();
      latencies?.push(performance.now() - start);
      onEnd?.();
    }),
  );

for (let i = 0; i < job.warmup; i++) await once();
// The full collections that take the idle baseline can slow the burst after them (seen with
// every contender tried): the last warm-up burst runs after the baseline, not the first measured.
const warmupBursts = job.mode === 'load' ? (job.warmupBursts ?? 1) : 0;
for (let i = 0; i < warmupBursts - 1; i++) await burst(job.concurrency ?? 1);
await settledHeap();
const baseline = process.memoryUsage();
if (warmupBursts > 0) await burst(job.concurrency ?? 1);
let result: AloneResult;
const common = { contender: job.contender, baselineRssMb: baseline.rss / MB };

if (job.mode === 'sequential') {
  const runs = job.runs ?? 1;
  const profiler = new GCProfiler();
  const cpu = process.cpuUsage();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < runs; i++) await once();
  const after = process.memoryUsage().heapUsed;
  const freed = (profiler.stop()?.statistics ?? []).reduce(
    (total, gcRun) =>
      total +
      gcRun.beforeGC.heapStatistics.usedHeapSize -
      gcRun.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  const used = process.cpuUsage(cpu);
  const retained = await settledHeap();
  result = {
    ...common,
    baselineHeapMb: baseline.heapUsed / MB,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    allocatedKbPerRun: (after - before + freed) / runs / 1024,
    retainedKb: (retained - baseline.heapUsed) / 1024,
    cpuMsPerRun: (used.user + used.system) / 1000 / runs,
    toolRuns: contender.toolRuns.orders,
    runs: job.warmup + runs,
  };
} else {
  const concurrency = job.concurrency ?? 1;
  const bursts = job.bursts ?? 1;
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
    if (now.rss > peakRss) peakRss = now.rss;
  };
  const sampler = setInterval(sample, 5);
  const runsPerSecond: number[] = [];
  const latenciesMs: number[] = [];
  const cpu = process.cpuUsage();
  for (let b = 0; b < bursts; b++) {
    const start = performance.now();
    await burst(concurrency, latenciesMs, sample);
    runsPerSecond.push(concurrency / ((performance.now() - start) / 1000));
  }
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  result = {
    ...common,
    baselineHeapMb: baseline.heapUsed / MB,
    peakRssMb: peakRss / MB,
    runsPerSecond,
    latenciesMs,
    peakHeapAboveBaselineMb: (peakHeap - baseline.heapUsed) / MB,
    peakRssAboveBaselineMb: (peakRss - baseline.rss) / MB,
    cpuMsPerRun: (used.user + used.system) / 1000 / (concurrency * bursts),
    toolRuns: contender.toolRuns.orders,
    runs: job.warmup + concurrency * (bursts + (job.warmupBursts ?? 1)),
  };
}
process.send?.(result, () => process.exit(0));
