import { z } from 'zod';
import { type Decision, SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { TIERS, Tier, tierRank } from '../core/tier.ts';

/** The label of a request record, as in data/routing/GUIDE.md. */
export const Expected = z.object({
  tier: Tier,
  toolUse: z.boolean(),
  crossDomain: z.boolean(),
  securityBoundary: z.boolean(),
  parallelism: z.boolean(),
});
export type Expected = z.infer<typeof Expected>;

/** Precision, recall and F1 of one signal. */
export interface SignalQuality {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** A request routed to another tier than its label. */
export interface Misroute {
  readonly id: string;
  readonly expected: Tier;
  readonly actual: Tier;
}

/** Routing quality over a labeled set. */
export interface EvaluationReport {
  readonly total: number;
  /** Share of requests routed to exactly the labeled tier. */
  readonly accuracy: number;
  /** Share of requests routed lower than labeled: the costly mistake. */
  readonly underEscalation: number;
  /** Share of requests routed higher than labeled. */
  readonly overEscalation: number;
  readonly signals: Readonly<Record<SignalName, SignalQuality>>;
  /** `confusion[expected][actual]` = count. */
  readonly confusion: Readonly<Record<Tier, Readonly<Record<Tier, number>>>>;
  readonly misrouted: readonly Misroute[];
}

/**
 * Scores decisions against labels. Labels are validated with {@link Expected}. With no results,
 * accuracy and the escalation shares are 0, and a signal never predicted nor expected has precision
 * and recall 1.
 *
 * @example
 * const router = createRouter();
 * const report = evaluate(records.map((r) => ({
 *   id: r.id,
 *   expected: r.expected,
 *   decision: router.route({ input: r.input, tools: r.tools, hints: r.hints }),
 * })));
 * report.accuracy; // 0.9
 * @throws {InvalidConfigError} naming the label at fault, e.g. `[3].expected.tier`.
 */
export function evaluate(
  results: readonly {
    readonly id: string;
    readonly expected: Expected;
    readonly decision: Decision;
  }[],
): EvaluationReport {
  const confusion = Object.fromEntries(
    TIERS.map((t) => [t, Object.fromEntries(TIERS.map((u) => [u, 0]))]),
  ) as Record<Tier, Record<Tier, number>>;
  const counts = Object.fromEntries(SIGNALS.map((s) => [s, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SignalName,
    { tp: number; fp: number; fn: number }
  >;
  const misrouted: Misroute[] = [];
  let correct = 0;
  let under = 0;
  let over = 0;
  results.forEach(({ expected }, index) => {
    const parsed = Expected.safeParse(expected);
    if (!parsed.success) throw new InvalidConfigError(toIssues(parsed.error, [index, 'expected']));
  });
  for (const { id, expected, decision } of results) {
    confusion[expected.tier][decision.tier] += 1;
    const delta = tierRank(decision.tier) - tierRank(expected.tier);
    if (delta === 0) correct += 1;
    else {
      if (delta < 0) under += 1;
      else over += 1;
      misrouted.push({ id, expected: expected.tier, actual: decision.tier });
    }
    for (const signal of SIGNALS) {
      const actual = decision.signals[signal].set;
      const c = counts[signal];
      if (actual && expected[signal]) c.tp += 1;
      else if (actual) c.fp += 1;
      else if (expected[signal]) c.fn += 1;
    }
  }
  const total = results.length;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const signals = Object.fromEntries(
    SIGNALS.map((s) => {
      const { tp, fp, fn } = counts[s];
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [
        s,
        { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 },
      ];
    }),
  ) as Record<SignalName, SignalQuality>;
  return {
    total,
    accuracy: share(correct),
    underEscalation: share(under),
    overEscalation: share(over),
    signals,
    confusion,
    misrouted,
  };
}
