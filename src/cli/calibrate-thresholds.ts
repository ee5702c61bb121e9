import { SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { ScoredRecord } from './calibration-scores.ts';
import {
  groupRecords,
  type RecordGroup,
  type Tally,
  tallyGroups,
  tallyThresholds,
} from './tally-groups.ts';

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
  const candidates = candidateThresholds(records, start, keep);
  const groups = groupRecords(records, candidates);
  const total = records.length;
  const allowedUnder = Math.floor(maxUnder * total + 1e-9);
  const totals: Totals = {
    records: total,
    multiAgentCost: records.reduce((sum, record) => sum + record.costs['multi-agent'], 0),
  };
  const at = (index: SettingIndex): SettingFigures =>
    figuresOf(thresholdsAt(candidates, index), tallyGroups(groups, index), totals);
  const search = searchSettings(groups, candidates, start, allowedUnder);
  return {
    total,
    allowedUnder,
    met: search.best.feasible,
    chosen: at(search.best.index),
    start: figuresOf({ ...start }, tallyThresholds(records, start), totals),
    settings: search.settings,
    sweeps: sweepsAround(search.best.index, candidates, at),
    frontier: frontierOf(search.cheapestByUnder, totals),
  };
}

/** For each signal, the position of its threshold among its candidates. */
type SettingIndex = Record<SignalName, number>;

type Candidates = Readonly<Record<SignalName, readonly number[]>>;

/** What the figures are shares of. */
interface Totals {
  readonly records: number;
  /** The cost of running every record on multi-agent. */
  readonly multiAgentCost: number;
}

/** The best setting so far, and whether it meets the target. */
interface Best {
  readonly index: SettingIndex;
  readonly tally: Tally;
  readonly feasible: boolean;
}

/**
 * The thresholds to try for each signal: its `start` value for a kept signal, the grid for the
 * others.
 * @throws {NoPositiveLabelError} when no record is labeled with a signal that is not kept.
 */
function candidateThresholds(
  records: readonly ScoredRecord[],
  start: Readonly<Record<SignalName, number>>,
  keep: readonly SignalName[],
): Candidates {
  const unlabeled = SIGNALS.filter(
    (signal) => !keep.includes(signal) && !records.some((record) => record.expected[signal]),
  );
  if (unlabeled.length > 0) throw new NoPositiveLabelError(unlabeled);
  return Object.fromEntries(
    SIGNALS.map((signal) => [signal, keep.includes(signal) ? [start[signal]] : THRESHOLD_GRID]),
  ) as Record<SignalName, readonly number[]>;
}

/**
 * Tallies every setting of `candidates`: the best one, how many were tried, and the lowest
 * tier cost reached at each count of under-escalated records.
 */
function searchSettings(
  groups: readonly RecordGroup[],
  candidates: Candidates,
  start: Readonly<Record<SignalName, number>>,
  allowedUnder: number,
): { best: Best; settings: number; cheapestByUnder: number[] } {
  const distance = (index: SettingIndex) =>
    SIGNALS.reduce((sum, s) => sum + Math.abs((candidates[s][index[s]] as number) - start[s]), 0);
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  let best: Best | undefined;
  const cheapestByUnder = new Array<number>(total + 1).fill(Number.POSITIVE_INFINITY);
  let settings = 0;
  for (const index of settingsOf(candidates)) {
    const result = tallyGroups(groups, index);
    settings += 1;
    cheapestByUnder[result.under] = Math.min(
      cheapestByUnder[result.under] ?? Number.POSITIVE_INFINITY,
      result.cost,
    );
    const feasible = result.under <= allowedUnder;
    if (best === undefined || better(result, feasible, index, best, distance)) {
      best = { index: { ...index }, tally: result, feasible };
    }
  }
  if (best === undefined) throw new Error('no setting was evaluated');
  return { best, settings, cheapestByUnder };
}

/**
 * Whether a setting beats `than`: meeting the target first; short of it, less under-escalation;
 * then more correct records, a lower cost, and thresholds nearer the start.
 */
function better(
  result: Tally,
  feasible: boolean,
  index: SettingIndex,
  than: Best,
  distance: (index: SettingIndex) => number,
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

/** The thresholds a setting index stands for. */
function thresholdsAt(candidates: Candidates, index: SettingIndex): Record<SignalName, number> {
  return Object.fromEntries(SIGNALS.map((s) => [s, candidates[s][index[s]] as number])) as Record<
    SignalName,
    number
  >;
}

/** A setting's figures from its tally. */
function figuresOf(
  thresholds: Record<SignalName, number>,
  tally: Tally,
  totals: Totals,
): SettingFigures {
  return {
    thresholds,
    accuracy: share(tally.correct, totals.records),
    underEscalation: share(tally.under, totals.records),
    overEscalation: share(tally.over, totals.records),
    relativeCost: relativeCost(tally.cost, totals),
    correct: tally.correct,
    under: tally.under,
    over: tally.over,
  };
}

/** Each signal's candidates in turn, the other signals held at `chosen`. */
function sweepsAround(
  chosen: SettingIndex,
  candidates: Candidates,
  at: (index: SettingIndex) => SettingFigures,
): Record<SignalName, SettingFigures[]> {
  return Object.fromEntries(
    SIGNALS.map((signal) => [
      signal,
      candidates[signal].map((_, i) => at({ ...chosen, [signal]: i })),
    ]),
  ) as Record<SignalName, SettingFigures[]>;
}

/** The points of `cheapestByUnder` (indexed by under-escalated records) no other beats on both. */
function frontierOf(
  cheapestByUnder: readonly number[],
  totals: Totals,
): { underEscalation: number; relativeCost: number }[] {
  const frontier: { underEscalation: number; relativeCost: number }[] = [];
  let cheapest = Number.POSITIVE_INFINITY;
  cheapestByUnder.forEach((cost, under) => {
    if (cost >= cheapest) return;
    cheapest = cost;
    frontier.push({
      underEscalation: share(under, totals.records),
      relativeCost: relativeCost(cost, totals),
    });
  });
  return frontier;
}

/** Every combination of candidate indexes, the last signal varying fastest. */
function* settingsOf(candidates: Candidates): Generator<SettingIndex> {
  const index = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as SettingIndex;
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

function relativeCost(cost: number, totals: Totals): number {
  return totals.multiAgentCost === 0 ? 0 : cost / totals.multiAgentCost;
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}
