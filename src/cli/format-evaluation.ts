import { SIGNALS } from '../core/decision.ts';
import { TIERS, tierRank } from '../core/tier.ts';
import type { EvaluationReport } from '../router/evaluate.ts';
import { formatTable } from './format-table.ts';

/**
 * Renders an evaluation report as text for `tierup eval`: tier accuracy, under- and
 * over-escalation, per-signal precision/recall/F1, the confusion matrix (rows expected,
 * columns routed) and the misrouted requests.
 */
export function formatEvaluation(report: EvaluationReport): string {
  const { total, misrouted } = report;
  const under = misrouted.filter((m) => tierRank(m.actual) < tierRank(m.expected)).length;
  const over = misrouted.length - under;
  const share = (value: number, count: number) => [percent(value), `(${count}/${total})`];
  const summary = formatTable(
    [
      ['tier accuracy', ...share(report.accuracy, total - misrouted.length)],
      ['under-escalation', ...share(report.underEscalation, under)],
      ['over-escalation', ...share(report.overEscalation, over)],
    ],
    ['left', 'right', 'left'],
  );

  const signals = formatTable(
    [
      ['signal', 'precision', 'recall', 'f1', 'tp', 'fp', 'fn'],
      ...SIGNALS.map((signal) => {
        const q = report.signals[signal];
        return [
          signal,
          q.precision.toFixed(3),
          q.recall.toFixed(3),
          q.f1.toFixed(3),
          String(q.truePositives),
          String(q.falsePositives),
          String(q.falseNegatives),
        ];
      }),
    ],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );

  const confusion = formatTable(
    [
      ['expected \\ routed', ...TIERS],
      ...TIERS.map((expected) => [
        expected,
        ...TIERS.map((actual) => String(report.confusion[expected][actual])),
      ]),
    ],
    ['left', ...TIERS.map(() => 'right' as const)],
  );

  const misroutes =
    misrouted.length === 0
      ? ['misrouted: none']
      : [
          `misrouted (${misrouted.length}):`,
          ...formatTable(misrouted.map((m) => [m.id, m.expected, '->', m.actual])).map(
            (line) => `  ${line}`,
          ),
        ];

  return `${[
    `${total} request${total === 1 ? '' : 's'} evaluated`,
    ...summary,
    '',
    ...signals,
    '',
    'confusion matrix (rows expected, columns routed)',
    ...confusion,
    '',
    ...misroutes,
  ].join('\n')}\n`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
