import type { Api } from './fixtures.ts';

/**
 * How much of each scenario to run. `BENCH_QUICK=1` runs a tenth, to try the harness out (CI runs
 * it): a quarter of the load's concurrency and a longest growth run of 300 steps, not 1,000, which
 * alone took two and a half minutes of a quick run on a busy two-core machine.
 */
const quick = process.env.BENCH_QUICK === '1';
const scale = (n: number, min = 1) => (quick ? Math.max(min, Math.round(n / 10)) : n);

export const SETTINGS = {
  quick,
  direct: {
    apis: ['chat', 'responses'] as Api[],
    warmup: scale(200, 5),
    rounds: scale(1_000, 20),
  },
  agent: {
    // PEERS.md's counts: 50 warm-up rounds, then 300.
    latencies: [
      { api: 'chat', delayMs: 0, warmup: scale(50, 5), rounds: scale(300, 20) },
      { api: 'responses', delayMs: 0, warmup: scale(50, 5), rounds: scale(300, 20) },
      // At 50 ms a call, a run's time is mostly the mock's wait; its noise needs more rounds.
      { api: 'chat', delayMs: 50, warmup: scale(5, 1), rounds: scale(100, 4) },
    ] as { api: Api; delayMs: number; warmup: number; rounds: number }[],
    steps: 4,
    // PEERS.md's CPU per run is over 1,000 runs.
    memory: { api: 'chat' as Api, warmup: scale(50, 5), runs: scale(1_000, 50) },
  },
  fanOut: {
    apis: ['chat', 'responses'] as Api[],
    specialistDelayMs: 100,
    warmup: scale(3, 1),
    rounds: scale(25, 3),
  },
  load: {
    api: 'chat' as Api,
    delayMs: 50,
    concurrency: quick ? 50 : 200,
    rounds: scale(5, 1),
    // The first bursts after start-up run slower for every contender (the JIT is still at work):
    // six warm-up bursts, then four measured ones (800 runs per process).
    warmup: scale(10, 2),
    warmupBursts: quick ? 2 : 6,
    bursts: quick ? 2 : 4,
  },
  growth: {
    api: 'chat' as Api,
    points: [
      { steps: 10, warmup: scale(10, 2), rounds: scale(40, 4) },
      { steps: 100, warmup: scale(2, 1), rounds: scale(10, 2) },
      { steps: quick ? 300 : 1_000, warmup: 0, rounds: scale(3, 1) },
    ],
  },
  routing: { passes: scale(50, 5) },
  telemetry: { rounds: scale(300, 30), batch: scale(8, 8), warmup: scale(300, 50) },
};
