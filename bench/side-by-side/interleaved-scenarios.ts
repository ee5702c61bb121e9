// Scenarios 1, 2, 3 and 5: the four contenders in this process, run in rotating order against one
// mock server process, every run checked.
import {
  CONTENDERS,
  type Contender,
  type ContenderName,
  createContender,
  type Outcome,
} from './contenders/index.ts';
import { criticalPathProbe } from './critical-path.ts';
import { type Api, agentAnswer, REPORT, SPECIALISTS, SUMMARY } from './fixtures.ts';
import { interleave, median, type Progress, round3, type Samples, settledHeap } from './measure.ts';
import type { Tally } from './mock-process.ts';
import type { MockConfig } from './mock-rules.ts';
import { startMockProcess } from './start-mock.ts';

/** One measured row: a scenario at one API and model latency. */
export interface InterleavedRow {
  readonly scenario: 'direct' | 'agent' | 'fan-out' | 'growth';
  readonly api: Api;
  /** Delay of every model call at the mock (fan-out: of each specialist's call), ms. */
  readonly delayMs: number;
  /** Model calls of one run. */
  readonly calls: number;
  readonly steps?: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly samples: Record<ContenderName, Samples>;
  /** Requests and request bytes each contender sent, warm-up included, as the mock counted them. */
  readonly tally: Record<string, Tally>;
  /** Growth only: the heap a run's result holds (median of the rounds), and tierup's trace. */
  readonly retained?: Record<ContenderName, RetainedResult>;
  /** Fan-out only: the critical path (manager call, one specialist call, manager call), per round. */
  readonly criticalPathMs?: number[];
}

export interface RetainedResult {
  /** Heap still held with the result referenced, after a full GC, KB. */
  readonly heapKb: number;
  readonly traceSpans?: number;
  readonly traceBytes?: number;
}

interface RowPlan {
  readonly scenario: InterleavedRow['scenario'];
  readonly label: string;
  readonly api: Api;
  readonly mock: MockConfig;
  readonly delayMs: number;
  readonly calls: number;
  readonly steps?: number;
  readonly maxSteps?: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly expected: string;
  readonly work: (contender: Contender) => Promise<Outcome>;
  /**
   * Growth: measure the heap each result holds. `timed` collects garbage before every timed run
   * (for runs whose heaps are large, so that no run pays for another's) and measures it there;
   * `extra-run` measures it on one more run of each contender after the rounds.
   */
  readonly held?: 'timed' | 'extra-run';
  readonly probe?: (baseURL: string, api: Api) => () => Promise<void>;
  /** Tool executions one run makes. */
  readonly toolRuns: { readonly orders: number; readonly specialists: number };
}

export const directPlan = (api: Api, warmup: number, rounds: number): RowPlan => ({
  scenario: 'direct',
  label: `direct (${api})`,
  api,
  mock: { kind: 'direct', delayMs: 0 },
  delayMs: 0,
  calls: 1,
  warmup,
  rounds,
  expected: SUMMARY,
  work: (c) => c.direct(),
  toolRuns: { orders: 0, specialists: 0 },
});

export const agentPlan = (
  scenario: 'agent' | 'growth',
  api: Api,
  steps: number,
  delayMs: number,
  warmup: number,
  rounds: number,
): RowPlan => ({
  scenario,
  label: `${scenario} (${api}, ${steps} steps, ${delayMs} ms per call)`,
  api,
  mock: { kind: 'agent', steps, delayMs },
  delayMs,
  calls: steps,
  steps,
  ...(steps > 10 ? { maxSteps: steps } : {}),
  // The longest growth run (1,000 steps; 300 with BENCH_QUICK) is the one whose heaps are large.
  ...(scenario === 'growth' ? { held: steps > 100 ? 'timed' : 'extra-run' } : {}),
  warmup,
  rounds,
  expected: agentAnswer(steps),
  work: (c) => c.agent(steps),
  toolRuns: { orders: steps - 1, specialists: 0 },
});

export const fanOutPlan = (
  api: Api,
  specialistDelayMs: number,
  warmup: number,
  rounds: number,
): RowPlan => ({
  scenario: 'fan-out',
  label: `fan-out (${api}, 8 specialists, ${specialistDelayMs} ms each)`,
  api,
  mock: { kind: 'fan-out', specialistDelayMs },
  delayMs: specialistDelayMs,
  calls: 2 + SPECIALISTS,
  warmup,
  rounds,
  expected: REPORT,
  work: (c) => c.fanOut(),
  probe: criticalPathProbe,
  toolRuns: { orders: 0, specialists: SPECIALISTS },
});

/** Measures one row; throws when a run or the counts are wrong. */
export async function measureRow(plan: RowPlan, progress: Progress): Promise<InterleavedRow> {
  const mock = await startMockProcess(plan.mock);
  try {
    const setup = {
      baseURL: mock.baseURL,
      api: plan.api,
      ...(plan.maxSteps ? { maxSteps: plan.maxSteps } : {}),
    };
    const contenders = CONTENDERS.map((name) => createContender(name, setup));
    let trace: { traceSpans: number; traceBytes: number } | undefined;
    progress.start(plan.label);
    const { probe, held, ...rest } = plan;
    const { samples, probeMs } = await interleave({
      ...rest,
      contenders,
      progress,
      ...(probe ? { probe: probe(mock.baseURL, plan.api) } : {}),
      ...(held === 'timed'
        ? {
            collectBefore: true,
            inspect: (name: ContenderName, outcome: Outcome) => {
              if (name === 'tierup') trace = traceOf(outcome);
            },
          }
        : {}),
    });
    if (held === 'extra-run') {
      for (const contender of contenders) {
        const measured = await heldByOneRun(contender, plan);
        samples[contender.name] = { ...samples[contender.name], heldKb: [measured.heldKb] };
        if (contender.name === 'tierup') trace = measured.trace;
      }
    }
    const tally = await mock.tally();
    const runs = plan.warmup + plan.rounds + (held === 'extra-run' ? 1 : 0);
    for (const contender of contenders) {
      const sent = tally[contender.name]?.requests ?? 0;
      const { orders, specialists } = contender.toolRuns;
      if (
        sent !== runs * plan.calls ||
        orders !== runs * plan.toolRuns.orders ||
        specialists !== runs * plan.toolRuns.specialists
      ) {
        throw new Error(
          `${plan.label}, ${contender.name}: expected ${runs * plan.calls} requests and ` +
            `${runs * plan.toolRuns.orders} + ${runs * plan.toolRuns.specialists} tool runs, ` +
            `got ${sent} and ${orders} + ${specialists}`,
        );
      }
    }
    const retained = held
      ? (Object.fromEntries(
          CONTENDERS.map((name) => [
            name,
            {
              heapKb: round3(median(samples[name].heldKb ?? [])),
              ...(name === 'tierup' ? trace : {}),
            },
          ]),
        ) as Record<ContenderName, RetainedResult>)
      : undefined;
    return {
      scenario: plan.scenario,
      api: plan.api,
      delayMs: plan.delayMs,
      calls: plan.calls,
      ...(plan.steps ? { steps: plan.steps } : {}),
      warmup: plan.warmup,
      rounds: plan.rounds,
      samples: roundSamples(samples),
      tally,
      ...(retained ? { retained } : {}),
      ...(plan.probe ? { criticalPathMs: probeMs.map(round3) } : {}),
    };
  } finally {
    await mock.close();
  }
}

function traceOf(outcome: Outcome): { traceSpans: number; traceBytes: number } | undefined {
  const spans = (outcome.result as { trace?: unknown[] }).trace;
  return spans ? { traceSpans: spans.length, traceBytes: JSON.stringify(spans).length } : undefined;
}

/** One more run, between full collections: the heap its result holds, KB. */
async function heldByOneRun(contender: Contender, plan: RowPlan) {
  const before = await settledHeap();
  const outcome = await plan.work(contender);
  const heldKb = ((await settledHeap()) - before) / 1024;
  if (outcome.output !== plan.expected) throw new Error(`${contender.name}: wrong output`);
  return { heldKb, trace: traceOf(outcome) };
}

function roundSamples(samples: Record<ContenderName, Samples>): Record<ContenderName, Samples> {
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        ms: s.ms.map(round3),
        cpuMs: s.cpuMs.map(round3),
        ...(s.heldKb ? { heldKb: s.heldKb.map(round3) } : {}),
      },
    ]),
  ) as Record<ContenderName, Samples>;
}
