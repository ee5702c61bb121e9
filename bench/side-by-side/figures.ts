// The figures the tables, charts and targets show, derived from the raw samples of latest.json.
// Ratios are taken round by round (both runs in the same round) before the median is taken.
import type { LoadRow } from './alone-scenarios.ts';
import { CONTENDERS, type ContenderName } from './contenders/index.ts';
import type { InterleavedRow } from './interleaved-scenarios.ts';
import { median, quantile, ratios, sum } from './measure.ts';
import type { Results } from './results.ts';

export const PEERS = ['@openai/agents', 'AI SDK'] as const satisfies readonly ContenderName[];

/** A per-round ratio: its median and interquartile range. */
export interface RatioFigure {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
}

const ratioFigure = (xs: readonly number[]): RatioFigure => ({
  median: median(xs),
  p25: quantile(xs, 0.25),
  p75: quantile(xs, 0.75),
});

export interface RowFigures {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** This contender ÷ the hand-written floor, per round. */
  readonly toFloor: RatioFigure;
  /** This contender − the floor, per round, ms: per run and per model call. */
  readonly overheadMs: number;
  readonly overheadPerCallMs: number;
  /** CPU of the whole process during a run (its background GC threads included), median, ms. */
  readonly cpuMs: number;
  /** Request-body bytes per run, as the mock counted them. */
  readonly bytesPerRun: number;
  /** tierup ÷ this contender, per round. */
  readonly tierupOver: RatioFigure;
}

export function rowFigures(row: InterleavedRow): Record<ContenderName, RowFigures> {
  const floor = row.samples['hand-written'].ms;
  const ours = row.samples.tierup.ms;
  const runs = row.warmup + row.rounds + (row.retained ? 1 : 0);
  return Object.fromEntries(
    CONTENDERS.map((name) => {
      const { ms, cpuMs } = row.samples[name];
      const overhead = median(ms.map((x, i) => x - (floor[i] as number)));
      return [
        name,
        {
          median: median(ms),
          min: Math.min(...ms),
          max: Math.max(...ms),
          toFloor: ratioFigure(ratios(ms, floor)),
          overheadMs: overhead,
          overheadPerCallMs: overhead / row.calls,
          cpuMs: median(cpuMs),
          bytesPerRun: (row.tally[name]?.bytes ?? 0) / runs,
          tierupOver: ratioFigure(ratios(ours, ms)),
        },
      ];
    }),
  ) as Record<ContenderName, RowFigures>;
}

/**
 * Fan-out's critical path, measured: the manager's first call, one specialist call and the
 * manager's last call in a row (critical-path.ts), median of the rounds, ms.
 */
export function criticalPathMs(row: InterleavedRow): number {
  return median(row.criticalPathMs ?? []);
}

/** The specialist's delay plus two of the floor's no-delay calls (scenario 1, same API), ms. */
export function nominalPathMs(results: Results, row: InterleavedRow): number {
  const direct = results.direct.find((d) => d.api === row.api);
  return row.delayMs + 2 * (direct ? median(direct.samples['hand-written'].ms) : 0);
}

/** A contender's fan-out time ÷ the critical path measured in the same round. */
export function toCriticalPath(row: InterleavedRow, name: ContenderName): RatioFigure {
  return ratioFigure(ratios(row.samples[name].ms, row.criticalPathMs ?? []));
}

export interface LoadFigures {
  /** Runs per second of each round (mean of its bursts): median, min, max. */
  readonly runsPerSecond: { readonly median: number; readonly min: number; readonly max: number };
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakHeapAboveIdleMb: number;
  readonly peakRssMb: number;
  readonly idleRssMb: number;
  readonly cpuMs: number;
  /** This contender's runs per second ÷ tierup's, per round: tierup's time ÷ this one's. */
  readonly tierupOver: RatioFigure;
  /** The floor's runs per second ÷ this contender's, per round: its time ÷ the floor's. */
  readonly toFloor: RatioFigure;
}

export function loadFigures(row: LoadRow): Record<ContenderName, LoadFigures> {
  const perRound = (name: ContenderName) =>
    row.results[name].map((r) => sum(r.runsPerSecond ?? []) / (r.runsPerSecond?.length ?? 1));
  const ours = perRound('tierup');
  const floor = perRound('hand-written');
  return Object.fromEntries(
    CONTENDERS.map((name) => {
      const rounds = row.results[name];
      const rps = perRound(name);
      const latencies = rounds.flatMap((r) => r.latenciesMs ?? []);
      return [
        name,
        {
          runsPerSecond: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) },
          p50Ms: quantile(latencies, 0.5),
          p99Ms: quantile(latencies, 0.99),
          peakHeapAboveIdleMb: median(rounds.map((r) => r.peakHeapAboveBaselineMb ?? 0)),
          peakRssMb: median(rounds.map((r) => r.peakRssMb)),
          idleRssMb: median(rounds.map((r) => r.baselineRssMb)),
          cpuMs: median(rounds.map((r) => r.cpuMsPerRun)),
          tierupOver: ratioFigure(ratios(rps, ours)),
          toFloor: ratioFigure(ratios(floor, rps)),
        },
      ];
    }),
  ) as Record<ContenderName, LoadFigures>;
}

/** tierup's overhead per step over the floor at each step count of scenario 5. */
export function growthOverheads(results: Results): { steps: number; perStepMs: number }[] {
  return results.growth.map((row) => ({
    steps: row.steps ?? row.calls,
    perStepMs: rowFigures(row).tierup.overheadPerCallMs,
  }));
}

export interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const x = (r: number) => `${r.toFixed(3)}×`;
const sign = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;

/** Issue 6's targets, judged from the results. */
export function judgeTargets(results: Results): Target[] {
  const out: Target[] = [];
  const vsPeers = (label: string, rows: readonly InterleavedRow[]) => {
    for (const row of rows) {
      const figures = rowFigures(row);
      for (const peer of PEERS) {
        const r = figures[peer].tierupOver.median;
        out.push({
          target: `${label} (${describeRow(row)}): tierup ÷ ${peer} ≤ 1.0`,
          measured: x(r),
          met: r <= 1,
        });
      }
    }
  };
  vsPeers('1. direct', results.direct);
  vsPeers('2. agent', results.agent);
  vsPeers('3. fan-out', results.fanOut);
  for (const row of results.fanOut) {
    const r = toCriticalPath(row, 'tierup').median;
    out.push({
      target: `3. fan-out (${describeRow(row)}): tierup within 10% of the critical path (${criticalPathMs(row).toFixed(1)} ms)`,
      measured: `${rowFigures(row).tierup.median.toFixed(1)} ms, ${x(r)}`,
      met: r <= 1.1,
    });
  }
  const load = loadFigures(results.load);
  for (const peer of PEERS) {
    const r = load[peer].tierupOver.median;
    out.push({
      target: `4. load: tierup's time per run ÷ ${peer}'s ≤ 1.0 (runs/s, inverted)`,
      measured: x(r),
      met: r <= 1,
    });
  }
  const growth = growthOverheads(results);
  const first = growth[0];
  const last = growth.at(-1);
  const longest = results.growth.at(-1);
  if (first && last && longest) {
    // The floor's own time per step at the longest run: what resending the conversation costs.
    const floorPerStep = rowFigures(longest)['hand-written'].median / longest.calls;
    const grew = last.perStepMs - first.perStepMs;
    out.push({
      target: `5. growth: tierup's overhead per step flat from ${first.steps} to ${last.steps} steps (grows by ≤ 10% of the floor's ${floorPerStep.toFixed(2)} ms per step at ${last.steps})`,
      measured: `${growth.map((g) => `${sign(g.perStepMs)} ms at ${g.steps}`).join(', ')}: ${sign(grew)} ms`,
      met: grew <= 0.1 * floorPerStep,
    });
  }
  const { policies, requests, underEscalated } = results.routing;
  const saved = 1 - policies['tierup routing'].usd / policies['always multi-agent'].usd;
  out.push({
    target: '6. routing saves ≥ 40% against always multi-agent',
    measured: `${(saved * 100).toFixed(1)}%`,
    met: saved >= 0.4,
  });
  const under = underEscalated.length / requests;
  out.push({
    target: '6. under-escalation ≤ 3%',
    measured: `${(under * 100).toFixed(1)}% (${underEscalated.length}/${requests})`,
    met: under <= 0.03,
  });
  return out;
}

export function describeRow(row: InterleavedRow): string {
  const api = row.api === 'chat' ? 'Chat Completions' : 'Responses';
  if (row.scenario === 'direct') return api;
  if (row.scenario === 'fan-out') return api;
  return `${api}, ${row.delayMs} ms per call`;
}
