import { SIGNALS, type SignalName } from '../core/decision.ts';
import { TIERS, tierRank } from '../core/tier.ts';
import type { ScoredRecord } from './calibration-scores.ts';

/** How one setting of the thresholds routes the records: counts, and the summed tier cost. */
export interface Tally {
  correct: number;
  under: number;
  over: number;
  cost: number;
}

/**
 * Records that route alike at every setting tried: the same expected tier, the same tier for
 * each combination of set signals, and the same candidate position at which each score is set.
 */
export interface RecordGroup {
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

/**
 * Counts together the records that route alike at every combination of `candidates`, so that a
 * setting is tallied once per group rather than once per record.
 */
export function groupRecords(
  records: readonly ScoredRecord[],
  candidates: Readonly<Record<SignalName, readonly number[]>>,
): RecordGroup[] {
  const reached = (signal: SignalName, score: number) =>
    candidates[signal].filter((threshold) => score >= threshold).length;
  const byKey = new Map<
    string,
    Omit<RecordGroup, 'count' | 'costs'> & { count: number; costs: [number, number, number] }
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

/**
 * The tally of the setting that takes, for each signal, the candidate at `index` among those
 * `groups` were made with.
 */
export function tallyGroups(
  groups: readonly RecordGroup[],
  index: Readonly<Record<SignalName, number>>,
): Tally {
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
export function tallyThresholds(
  records: readonly ScoredRecord[],
  thresholds: Readonly<Record<SignalName, number>>,
): Tally {
  const single = Object.fromEntries(
    SIGNALS.map((s): [SignalName, readonly number[]] => [s, [thresholds[s]]]),
  ) as Record<SignalName, readonly number[]>;
  const zero = Object.fromEntries(SIGNALS.map((s) => [s, 0])) as Record<SignalName, number>;
  return tallyGroups(groupRecords(records, single), zero);
}
