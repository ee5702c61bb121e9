import { SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidInputError } from '../core/errors.ts';
import { TIERS, tierRank } from '../core/tier.ts';
import type { ScoredRecord } from './calibration-scores.ts';

/** The thresholds calibration tries for each signal: 0.05 to 0.95 by 0.05. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 19 }, (_, i) =>
  Number(((i + 1) * 0.05).toFixed(2)),
);

/**
 * The caller's fault: the labels hold no positive for a signal, so nothing says where its
 * threshold should be (every threshold that never sets it looks equally right). Its code is
 * `invalid-config`, as for other bad labels; `signals` names the signals.
 */
export class NoPositiveLabelError extends InvalidInputError {
  override readonly name = 'NoPositiveLabelError';
  /** The signals no record is labeled with. */
  readonly signals: readonly SignalName[];
  constructor(signals: readonly SignalName[]) {
    super(
      'invalid-config',
      'Cannot calibrate',
      signals.map((signal) => ({
        path: `expected.${signal}`,
        message: `no record is labeled true, so the ${signal} threshold cannot be chosen (label some, or pass --keep ${signal} to keep its threshold)`,
      })),
    );
    this.signals = signals;
  }
}

/** What calibration aims for. */
export interface CalibrationOptions {
  /** The most under-escalation allowed, a share of the records. */
  readonly maxUnder: number;
  /** The thresholds in force before calibration: the config's, or the defaults. */
  readonly start: Readonly<Record<SignalName, number>>;
  /** Signals whose threshold stays at its `start` value. */
  readonly keep: readonly SignalName[];
}

/** Routing quality and cost of one setting of the four thresholds. */
export interface SettingFigures {
  readonly thresholds: Readonly<Record<SignalName, number>>;
  readonly accuracy: number;
  readonly underEscalation: number;
  readonly overEscalation: number;
  /** The cost of the routed tiers over the cost of running every record on multi-agent. */
  readonly relativeCost: number;
  readonly correct: number;
  readonly under: number;
  readonly over: number;
}

/** The outcome of {@link calibrateThresholds}. */
export interface Calibration {
  readonly total: number;
  /** The most under-escalated records `maxUnder` allows. */
  readonly allowedUnder: number;
  /** True when some setting keeps under-escalation within `maxUnder`. */
  readonly met: boolean;
  /** The best setting that meets the target or, when none does, the one closest to it. */
  readonly chosen: SettingFigures;
  /** The thresholds in force before calibration. */
  readonly start: SettingFigures;
  /** How many settings were evaluated. */
  readonly settings: number;
  /** Each signal's thresholds, the others held at the chosen ones. */
  readonly sweeps: Readonly<Record<SignalName, readonly SettingFigures[]>>;
  /**
   * The trade-off over every setting tried: for each under-escalation reached, the lowest
   * relative cost, keeping only the points no other beats on both.
   */
  readonly frontier: readonly { readonly underEscalation: number; readonly relativeCost: number }[];
}

/**
 * Chooses the four thresholds that give the best tier accuracy with under-escalation at most
 * `maxUnder`; ties go to the lower relative cost, then to the thresholds nearest `start`. Every
 * combination of {@link THRESHOLD_GRID} thresholds is evaluated exactly over the cached scores
 * (19^4 = 130,321 settings; records alike in every respect that matters are counted together).
 *
 * @example
 * const calibration = calibrateThresholds(scored, { maxUnder: 0.02, start: DEFAULT_ROUTER_CONFIG.thresholds, keep: [] });
 * calibration.chosen.thresholds; // { toolUse: 0.45, crossDomain: 0.6, ... }
 * @throws {NoPositiveLabelError} when no record is labeled with a signal that is not kept.
 */
export function calibrateThresholds(
  records: readonly ScoredRecord[],
  options: CalibrationOptions,
): Calibration {
  const { maxUnder, start, keep } = options;
  const unlabeled = SIGNALS.filter(
    (signal) => !keep.includes(signal) && !records.some((record) => record.expected[signal]),
  );
  if (unlabeled.length > 0) throw new NoPositiveLabelError(unlabeled);
  const candidates = Object.fromEntries(
    SIGNALS.map((signal) => [signal, keep.includes(signal) ? [start[signal]] : THRESHOLD_GRID]),
  ) as Record<SignalName, readonly number[]>;
  const groups = groupRecords(records, candidates);
  const total = records.length;
  const allowedUnder = Math.floor(maxUnder * total + 1e-9);
  const multiAgentCost = records.reduce((sum, record) => sum + record.costs['multi-agent'], 0);
  const figures = (thresholds: Record<SignalName, number>, tally: Tally): SettingFigures => ({
    thresholds,
    accuracy: share(tally.correct, total),
    underEscalation: share(tally.under, total),
    overEscalation: share(tally.over, total),
    relativeCost: multiAgentCost === 0 ? 0 : tally.cost / multiAgentCost,
    correct: tally.correct,
    under: tally.under,
    over: tally.over,
  });
  const at = (index: Record<SignalName, number>): SettingFigures =>
    figures(
      Object.fromEntries(SIGNALS.map((s) => [s, candidates[s][index[s]] as number])) as Record<
        SignalName,
        number
      >,
      tally(groups, index),
    );

  const distance = (index: Record<SignalName, number>) =>
    SIGNALS.reduce((sum, s) => sum + Math.abs((candidates[s][index[s]] as number) - start[s]), 0);
  let best: { index: Record<SignalName, number>; tally: Tally; feasible: boolean } | undefined;
  const cheapestByUnder = new Array<number>(total + 1).fill(Number.POSITIVE_INFINITY);
  let settings = 0;
  for (const index of settingsOf(candidates)) {
    const result = tally(groups, index);
    settings += 1;
    cheapestByUnder[result.under] = Math.min(
      cheapestByUnder[result.under] ?? Number.POSITIVE_INFINITY,
      result.cost,
    );
    const feasible = result.under <= allowedUnder;
    if (best === undefined || better(result, feasible, index, best)) {
      best = { index: { ...index }, tally: result, feasible };
    }
  }
  if (best === undefined) throw new Error('no setting was evaluated');
  const chosenIndex = best.index;

  function better(
    result: Tally,
    feasible: boolean,
    index: Record<SignalName, number>,
    than: NonNullable<typeof best>,
  ): boolean {
    if (feasible !== than.feasible) return feasible;
    // Short of the target, the closest setting is the one with the least under-escalation.
    if (!feasible && result.under !== than.tally.under) return result.under < than.tally.under;
    if (result.correct !== than.tally.correct) return result.correct > than.tally.correct;
    if (Math.abs(result.cost - than.tally.cost) > 1e-12 * (1 + than.tally.cost)) {
      return result.cost < than.tally.cost;
    }
    return distance(index) < distance(than.index) - 1e-12;
  }

  const sweeps = Object.fromEntries(
    SIGNALS.map((signal) => [
      signal,
      candidates[signal].map((_, i) => at({ ...chosenIndex, [signal]: i })),
    ]),
  ) as Record<SignalName, SettingFigures[]>;

  const frontier: { underEscalation: number; relativeCost: number }[] = [];
  let cheapest = Number.POSITIVE_INFINITY;
  cheapestByUnder.forEach((cost, under) => {
    if (cost >= cheapest) return;
    cheapest = cost;
    frontier.push({
      underEscalation: share(under, total),
      relativeCost: multiAgentCost === 0 ? 0 : cost / multiAgentCost,
    });
  });

  return {
    total,
    allowedUnder,
    met: best.feasible,
    chosen: at(chosenIndex),
    start: figures({ ...start }, tallyAt(records, start)),
    settings,
    sweeps,
    frontier,
  };
}

interface Tally {
  correct: number;
  under: number;
  over: number;
  cost: number;
}

/**
 * Records that route alike at every setting tried: the same expected tier, the same tier for
 * each combination of set signals, and the same candidate position at which each score is set.
 */
interface Group {
  readonly count: number;
  readonly expectedRank: number;
  /** `TIERS` rank for each signal combination; -1 where no threshold gives it. */
  readonly ranks: Int8Array;
  /** Per signal: how many of its candidates the score reaches (set iff candidate index < this). */
  readonly toolUse: number;
  readonly withTools: readonly [number, number, number];
  readonly withoutTools: readonly [number, number, number];
  /** The summed cost of the group's records on each tier, by rank. */
  readonly costs: readonly [number, number, number];
}

function groupRecords(
  records: readonly ScoredRecord[],
  candidates: Readonly<Record<SignalName, readonly number[]>>,
): Group[] {
  const reached = (signal: SignalName, score: number) =>
    candidates[signal].filter((threshold) => score >= threshold).length;
  const byKey = new Map<
    string,
    Omit<Group, 'count' | 'costs'> & { count: number; costs: [number, number, number] }
  >();
  for (const record of records) {
    const side = (scores: ScoredRecord['withTools']) =>
      [
        reached('crossDomain', scores.crossDomain),
        reached('securityBoundary', scores.securityBoundary),
        reached('parallelism', scores.parallelism),
      ] as const;
    const ranks = Int8Array.from(record.tiers, (tier) =>
      tier === undefined ? -1 : tierRank(tier),
    );
    const group = {
      expectedRank: tierRank(record.expected.tier),
      ranks,
      toolUse: reached('toolUse', record.toolUse),
      withTools: side(record.withTools),
      withoutTools: side(record.withoutTools),
    };
    const key = JSON.stringify([
      group.expectedRank,
      [...ranks],
      group.toolUse,
      group.withTools,
      group.withoutTools,
    ]);
    const found = byKey.get(key) ?? { ...group, count: 0, costs: [0, 0, 0] };
    found.count += 1;
    TIERS.forEach((tier, rank) => {
      found.costs[rank] = (found.costs[rank] ?? 0) + record.costs[tier];
    });
    byKey.set(key, found);
  }
  return [...byKey.values()];
}

/** Every combination of candidate indexes, the last signal varying fastest. */
function* settingsOf(
  candidates: Readonly<Record<SignalName, readonly number[]>>,
): Generator<Record<SignalName, number>> {
  const index = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<SignalName, number>;
  for (;;) {
    yield index;
    let position = SIGNALS.length - 1;
    for (; position >= 0; position--) {
      const signal = SIGNALS[position] as SignalName;
      index[signal] += 1;
      if (index[signal] < candidates[signal].length) break;
      index[signal] = 0;
    }
    if (position < 0) return;
  }
}

function tally(groups: readonly Group[], index: Readonly<Record<SignalName, number>>): Tally {
  const result: Tally = { correct: 0, under: 0, over: 0, cost: 0 };
  const { toolUse: t, crossDomain: c, securityBoundary: s, parallelism: p } = index;
  for (const group of groups) {
    const tools = t < group.toolUse;
    const [cd, sb, par] = tools ? group.withTools : group.withoutTools;
    const mask = (tools ? 1 : 0) | (c < cd ? 2 : 0) | (s < sb ? 4 : 0) | (p < par ? 8 : 0);
    const rank = group.ranks[mask] ?? -1;
    if (rank < 0) throw new Error(`no tier was learned for signal combination ${mask}`);
    result.cost += group.costs[rank] ?? 0;
    if (rank === group.expectedRank) result.correct += group.count;
    else if (rank < group.expectedRank) result.under += group.count;
    else result.over += group.count;
  }
  return result;
}

/** The tally of thresholds that need not be candidates (the start setting). */
function tallyAt(
  records: readonly ScoredRecord[],
  thresholds: Readonly<Record<SignalName, number>>,
): Tally {
  const single = Object.fromEntries(
    SIGNALS.map((s): [SignalName, readonly number[]] => [s, [thresholds[s]]]),
  ) as Record<SignalName, readonly number[]>;
  const zero = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<SignalName, number>;
  return tally(groupRecords(records, single), zero);
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}
