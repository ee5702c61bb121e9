// Scenario 2's memory and scenario 4 (load): each contender alone in a fresh process
// (contender-process.ts), against one mock server process, contenders in rotating order.

import type { AloneResult } from './contender-process.ts';
import { CONTENDERS, type ContenderName } from './contenders/index.ts';
import type { Api } from './fixtures.ts';
import type { Progress } from './measure.ts';
import { runAlone } from './run-alone.ts';
import { startMockProcess } from './start-mock.ts';

export interface MemoryRow {
  readonly api: Api;
  readonly steps: number;
  readonly warmup: number;
  readonly runs: number;
  readonly results: Record<ContenderName, AloneResult>;
}

export interface LoadRow {
  readonly api: Api;
  readonly steps: number;
  readonly delayMs: number;
  readonly concurrency: number;
  readonly bursts: number;
  readonly rounds: number;
  readonly warmup: number;
  readonly warmupBursts: number;
  /** Round r's result of each contender; the rounds ran A B C D, B C D A, ... */
  readonly results: Record<ContenderName, AloneResult[]>;
}

/** Scenario 2's memory: sequential agent runs, one fresh process per contender. */
export async function measureMemory(
  plan: { api: Api; steps: number; warmup: number; runs: number },
  progress: Progress,
): Promise<MemoryRow> {
  const mock = await startMockProcess({ kind: 'agent', steps: plan.steps, delayMs: 0 });
  try {
    const results = {} as Record<ContenderName, AloneResult>;
    progress.start(`agent memory (${plan.api}, one process per contender)`);
    let done = 0;
    for (const contender of CONTENDERS) {
      results[contender] = checked(
        await runAlone({ mode: 'sequential', contender, baseURL: mock.baseURL, ...plan }),
        plan.steps,
      );
      progress.update(++done, CONTENDERS.length);
    }
    await checkTally(mock, results, plan.steps);
    return { ...plan, results };
  } finally {
    await mock.close();
  }
}

/** Scenario 4: bursts of concurrent agent runs, a fresh process per contender and round. */
export async function measureLoad(
  plan: {
    api: Api;
    steps: number;
    delayMs: number;
    concurrency: number;
    bursts: number;
    warmupBursts: number;
    rounds: number;
    warmup: number;
  },
  progress: Progress,
): Promise<LoadRow> {
  const mock = await startMockProcess({ kind: 'agent', steps: plan.steps, delayMs: plan.delayMs });
  try {
    const results = Object.fromEntries(CONTENDERS.map((c) => [c, []])) as unknown as Record<
      ContenderName,
      AloneResult[]
    >;
    const total = plan.rounds * CONTENDERS.length;
    progress.start(
      `load (${plan.concurrency} concurrent agent runs, ${plan.delayMs} ms per call, a process per contender and round)`,
    );
    for (let round = 0; round < plan.rounds; round++) {
      for (let i = 0; i < CONTENDERS.length; i++) {
        const contender = CONTENDERS[(round + i) % CONTENDERS.length] as ContenderName;
        const result = await runAlone({
          mode: 'load',
          contender,
          baseURL: mock.baseURL,
          api: plan.api,
          steps: plan.steps,
          warmup: plan.warmup,
          concurrency: plan.concurrency,
          warmupBursts: plan.warmupBursts,
          bursts: plan.bursts,
        });
        results[contender].push(checked(result, plan.steps));
        progress.update(round * CONTENDERS.length + i + 1, total);
      }
    }
    const flat = Object.fromEntries(
      CONTENDERS.map((c) => [
        c,
        results[c].reduce(
          (sum, r) => ({ ...r, runs: sum.runs + r.runs, toolRuns: sum.toolRuns + r.toolRuns }),
          { runs: 0, toolRuns: 0 } as AloneResult,
        ),
      ]),
    ) as Record<ContenderName, AloneResult>;
    await checkTally(mock, flat, plan.steps);
    return { ...plan, results };
  } finally {
    await mock.close();
  }
}

function checked(result: AloneResult, steps: number): AloneResult {
  if (result.toolRuns !== result.runs * (steps - 1)) {
    throw new Error(
      `${result.contender}: expected ${result.runs * (steps - 1)} tool runs, got ${result.toolRuns}`,
    );
  }
  return result;
}

async function checkTally(
  mock: { tally(): Promise<Record<string, { requests: number }>> },
  results: Record<ContenderName, AloneResult>,
  steps: number,
): Promise<void> {
  const tally = await mock.tally();
  for (const [name, result] of Object.entries(results)) {
    const sent = tally[name]?.requests ?? 0;
    if (sent !== result.runs * steps) {
      throw new Error(`${name}: expected ${result.runs * steps} requests, the mock got ${sent}`);
    }
  }
}
