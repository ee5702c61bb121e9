// `npm run bench:load`: scenario 4 (200 concurrent agent runs, 50 ms a model call) taken apart, to
// see where tierup's time per run under load goes. Each contender and round runs in a fresh process
// (load-detail-process.ts) against one mock server process, in rotating order, with scenario 4's
// warm-up and bursts. Beside the hand-written floor, tierup and the AI SDK as scenario 4 runs them,
// it runs the AI SDK with the time limits tierup applies by default (`timeout: { totalMs: 600_000,
// stepMs: 60_000 }`): tierup gives every run and model call a time limit and the caller's abort,
// and scenario 4's AI SDK has neither. And it runs tierup with the signal kept from the `openai`
// client (which then cannot cancel a request), to show what the client's handling of a caller's
// signal costs. Prints a Markdown table; writes nothing.
import { TIME_LIMITED } from './contenders/ai-sdk.ts';
import { SIGNAL_WITHHELD } from './contenders/tierup.ts';
import { table } from './format.ts';
import type { LoadDetailJob, LoadDetailResult } from './load-detail-process.ts';
import { median, Progress, ratios } from './measure.ts';
import { runInProcess } from './run-alone.ts';
import { SETTINGS } from './settings.ts';
import { startMockProcess } from './start-mock.ts';

const LABELS = ['hand-written', 'tierup', SIGNAL_WITHHELD, 'AI SDK', TIME_LIMITED] as const;
const { steps, delayMs, concurrency, warmup, warmupBursts, bursts } = {
  ...SETTINGS.load,
  steps: SETTINGS.agent.steps,
};
const rounds = Number(process.env.ROUNDS ?? (SETTINGS.quick ? 1 : 5));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('ROUNDS must be a whole number >= 1');

const loadProcess = new URL('./load-detail-process.ts', import.meta.url);
const mock = await startMockProcess({ kind: 'agent', steps, delayMs });
const results = new Map<string, LoadDetailResult[]>(LABELS.map((label) => [label, []]));
const progress = new Progress();
progress.start(`load detail (${concurrency} concurrent agent runs, ${delayMs} ms per call)`);
const started = performance.now();
try {
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < LABELS.length; i++) {
      const label = LABELS[(round + i) % LABELS.length] as string;
      const result = await runInProcess<LoadDetailJob, LoadDetailResult>(
        loadProcess,
        {
          label,
          baseURL: mock.baseURL,
          steps,
          concurrency,
          warmup,
          warmupBursts,
          bursts,
        },
        label,
      );
      if (result.toolRuns !== result.runs * (steps - 1)) {
        throw new Error(`${label}: ${result.runs} runs made ${result.toolRuns} tool calls`);
      }
      results.get(label)?.push(result);
      progress.update(round * LABELS.length + i + 1, rounds * LABELS.length);
    }
  }
  const tally = await mock.tally();
  for (const [label, list] of results) {
    const expected = list.reduce((total, r) => total + r.runs * steps, 0);
    if (tally[label]?.requests !== expected) {
      throw new Error(`${label}: the mock got ${tally[label]?.requests} requests, not ${expected}`);
    }
  }
} finally {
  await mock.close();
}

// A round's figure is the median of its bursts; ratios pair tierup's rounds with the other's.
const perRound = (label: string) => (results.get(label) ?? []).map((r) => median(r.runsPerSecond));
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const tierupRounds = perRound('tierup');
const rows = LABELS.map((label) => {
  const list = results.get(label) ?? [];
  const rps = perRound(label);
  const cpu = median(list.map((r) => r.cpuMsPerRun));
  const mains = list.map((r) => r.mainThreadMsPerRun);
  const main = mains.every((m) => m !== null) ? median(mains as number[]) : null;
  const other =
    main === null ? null : median(list.map((r) => r.cpuMsPerRun - (r.mainThreadMsPerRun ?? 0)));
  return [
    label,
    `${fmt(median(rps), 0)} (${fmt(Math.min(...rps), 0)}–${fmt(Math.max(...rps), 0)})`,
    label === 'tierup' ? '' : `${fmt(median(ratios(rps, tierupRounds)))}×`,
    `${fmt(cpu)} ms`,
    main === null ? 'n/a' : `${fmt(main)} ms`,
    other === null ? 'n/a' : `${fmt(other)} ms`,
  ];
});
const head = [
  'contender',
  'runs/s, median (min–max of rounds)',
  "tierup's time ÷ its (median of rounds)",
  'CPU per run',
  'main thread',
  'other threads',
];
console.log(
  `${concurrency} concurrent agent runs (${steps} model calls, ${delayMs} ms each), ${rounds} rounds; ` +
    `each contender and round a fresh process: ${warmup} warm-up runs, ${warmupBursts} warm-up bursts, ` +
    `${bursts} measured bursts. Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s.\n`,
);
console.log(table(head, rows));
