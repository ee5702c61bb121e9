import { type Decision, SIGNALS, type SignalName } from '../core/decision.ts';
import { parseTask, type TaskInput } from '../core/task.ts';
import type { Tier } from '../core/tier.ts';
import { tierCosts } from '../pricing/tier-cost.ts';
import { createRouter, type Router } from '../router/create-router.ts';
import type { Expected } from '../router/evaluate.ts';
import type { RouterConfig } from '../router/options.ts';

/** The signals whose score depends on whether `toolUse` is set. */
export type ToolDependentSignal = Exclude<SignalName, 'toolUse'>;

/**
 * What calibration needs of one labeled request, from a few routes of it: its scores, and the
 * tier it would get for each combination of set signals.
 */
export interface ScoredRecord {
  readonly id: string;
  readonly expected: Expected;
  readonly toolUse: number;
  /**
   * The other scores when `toolUse` is set (the needed tools are passed on to their scorers)
   * and when it is not.
   */
  readonly withTools: Readonly<Record<ToolDependentSignal, number>>;
  readonly withoutTools: Readonly<Record<ToolDependentSignal, number>>;
  /**
   * The tier for each combination of set signals, indexed by {@link signalMask}: the tier
   * policy, with the request's hints and the config's `maxTier`. `undefined` for a combination
   * no threshold can give: a signal whose score is 1 is always set.
   */
  readonly tiers: readonly (Tier | undefined)[];
  /** What one run of each tier would cost (see `TIER_COST_MODEL`). */
  readonly costs: Readonly<Record<Tier, number>>;
}

/** The index of a combination of set signals: bit i is set when `SIGNALS[i]` is. */
export function signalMask(isSet: (signal: SignalName) => boolean): number {
  let mask = 0;
  SIGNALS.forEach((signal, bit) => {
    if (isSet(signal)) mask |= 1 << bit;
  });
  return mask;
}

/**
 * Scores labeled requests for calibration with the public router alone. Each request is routed
 * with the `toolUse` threshold at 0 (set: the other scorers see the needed tools) and at 1 (not
 * set, unless its score is 1, when no threshold unsets it). Its tier for each combination of set
 * signals comes from routes with every threshold at 0 or 1; the tier depends only on that
 * combination and on the request's hints, so the tiers learned for one request serve the others
 * with the same hints, and a request is routed again only for a combination not seen yet.
 *
 * @example
 * const score = calibrationScorer({ maxTier: 'agent' });
 * const scored = score('d001', task, decision.expected);
 */
export function calibrationScorer(
  config: RouterConfig,
): (id: string, task: TaskInput, expected: Expected) => ScoredRecord {
  const forced = (mask: number): Router =>
    createRouter({
      ...config,
      thresholds: Object.fromEntries(
        SIGNALS.map((signal, bit) => [signal, mask & (1 << bit) ? 0 : 1]),
      ),
    });
  const withTools = forced(0b1111);
  const withoutTools = forced(0b1110);
  const routers = new Map<number, Router>([
    [0b1111, withTools],
    [0b1110, withoutTools],
  ]);
  const routerFor = (mask: number): Router => {
    let router = routers.get(mask);
    if (router === undefined) {
      router = forced(mask);
      routers.set(mask, router);
    }
    return router;
  };
  const tablesByHints = new Map<string, (Tier | undefined)[]>();

  return (id, task, expected) => {
    const set = withTools.route(task);
    const unset = withoutTools.route(task);
    const toolUse = set.signals.toolUse.score;
    const scores = (decision: Decision) =>
      ({
        crossDomain: decision.signals.crossDomain.score,
        securityBoundary: decision.signals.securityBoundary.score,
        parallelism: decision.signals.parallelism.score,
      }) as const;
    const record = {
      toolUse,
      withTools: scores(set),
      withoutTools: scores(unset),
    };
    const key = JSON.stringify(task.hints ?? null);
    let table = tablesByHints.get(key);
    if (table === undefined) {
      table = new Array<Tier | undefined>(1 << SIGNALS.length).fill(undefined);
      tablesByHints.set(key, table);
    }
    const learn = (decision: Decision) => {
      table[signalMask((signal) => decision.signals[signal].set)] = decision.tier;
    };
    learn(set);
    learn(unset);
    const reachable = reachableMasks(record);
    for (const mask of reachable) {
      if (table[mask] === undefined) learn(routerFor(mask).route(task));
    }
    const tiers = table.map((tier, mask) => (reachable.includes(mask) ? tier : undefined));
    return { id, expected, ...record, tiers, costs: tierCosts(parseTask(task)) };
  };
}

/** The combinations of set signals some thresholds give a request. */
function reachableMasks(record: Pick<ScoredRecord, 'toolUse' | 'withTools' | 'withoutTools'>) {
  // A threshold is at most 1, so a score of 1 is always set.
  const states = (score: number): boolean[] => (score >= 1 ? [true] : [false, true]);
  const masks: number[] = [];
  for (const toolUse of states(record.toolUse)) {
    const other = toolUse ? record.withTools : record.withoutTools;
    for (const crossDomain of states(other.crossDomain)) {
      for (const securityBoundary of states(other.securityBoundary)) {
        for (const parallelism of states(other.parallelism)) {
          const set = { toolUse, crossDomain, securityBoundary, parallelism };
          masks.push(signalMask((signal) => set[signal]));
        }
      }
    }
  }
  return masks;
}
