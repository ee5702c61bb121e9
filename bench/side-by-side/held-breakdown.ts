// `npm run bench:held`: what each contender's agent runs hold on the heap while they wait on the
// model, from two heap snapshots of one burst of scenario 4 (held-breakdown-process.ts): the
// objects a run in flight adds, their bytes, and how many of them are suspended `async` functions,
// promises and closures. Each contender in a fresh process, against one mock server process.
// Prints Markdown; writes nothing.
import { CONTENDERS } from './contenders/index.ts';
import { kb, table } from './format.ts';
import type { HeldJob, HeldResult } from './held-breakdown-process.ts';
import { Progress } from './measure.ts';
import { runInProcess } from './run-alone.ts';
import { SETTINGS } from './settings.ts';
import { startMockProcess } from './start-mock.ts';

const { steps } = SETTINGS.agent;
const { delayMs, concurrency } = SETTINGS.load;
const file = new URL('./held-breakdown-process.ts', import.meta.url);
const mock = await startMockProcess({ kind: 'agent', steps, delayMs });
const results = new Map<string, HeldResult>();
const progress = new Progress();
progress.start(`heap held per run in flight (${concurrency} runs, ${delayMs} ms per call)`);
try {
  for (const [i, contender] of CONTENDERS.entries()) {
    const job: HeldJob = {
      contender,
      baseURL: mock.baseURL,
      steps,
      concurrency,
      warmup: 20,
      // Into the second model call of most runs.
      afterMs: Math.round(1.5 * delayMs),
    };
    // Parsing two snapshots of a few hundred MB needs a larger heap than the default.
    const result = await runInProcess<HeldJob, HeldResult>(file, job, contender, [
      '--max-old-space-size=8192',
    ]);
    results.set(contender, result);
    progress.update(i + 1, CONTENDERS.length);
  }
} finally {
  await mock.close();
}

const fixed = (x: number) => x.toFixed(1);
console.log(
  `${concurrency} concurrent agent runs (${steps} model calls, ${delayMs} ms each), snapshots at idle ` +
    `and ${Math.round(1.5 * delayMs)} ms into a burst; per run in flight. Node ${process.version}.\n`,
);
console.log(
  table(
    [
      'contender',
      'heap of the objects it adds',
      'suspended async functions',
      'promises',
      'closures',
    ],
    [...results].map(([name, r]) => [
      name,
      kb(r.bytesPerRun / 1024),
      fixed(r.asyncFrames),
      fixed(r.promises),
      fixed(r.closures),
    ]),
  ),
);
for (const [name, r] of results) {
  const top = r.kinds
    .slice(0, 8)
    .map((k) => `${k.kind} ${(k.bytes / 1024).toFixed(1)} KB (${fixed(k.count)})`);
  console.log(`\n${name}: ${top.join('; ')}`);
}
