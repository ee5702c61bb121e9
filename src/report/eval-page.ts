import { SIGNALS } from '../core/decision.ts';
import { TIERS, type Tier } from '../core/tier.ts';
import type { EvaluationReport } from '../router/evaluate.ts';
import { escapeHtml, filterScript, htmlPage, percent, section, table } from './html-page.ts';

/** What the page shows of one misrouted record besides its labels. */
export interface MisrouteDetail {
  /** The request text. */
  readonly input: string;
  /** The router's reasons for the tier it picked. */
  readonly reasons: readonly string[];
}

/** Options of {@link evaluationPage}. */
export interface EvaluationPageOptions {
  /** The page's title, e.g. the file evaluated. */
  readonly title?: string;
  /** By record id: the request and the router's reasons, shown beside each misroute. */
  readonly details?: ReadonlyMap<string, MisrouteDetail>;
  /** The threshold trade-off curve (an SVG drawing) and a sentence on the chosen thresholds. */
  readonly curve?: { readonly svg: string; readonly caption: string };
}

/**
 * One self-contained HTML page for a routing evaluation: the headline figures, the confusion
 * matrix, each signal's precision, recall and F1, the misroutes with their requests and reasons
 * (filterable), and the threshold trade-off curve when one is given.
 *
 * @example
 * writeFileSync('report.html', evaluationPage(evaluate(results), { title: 'dev.jsonl' }));
 */
export function evaluationPage(
  report: EvaluationReport,
  options: EvaluationPageOptions = {},
): string {
  const body = [
    headline(report),
    section(
      'confusion',
      'Confusion matrix (rows: labeled tier, columns: routed tier)',
      confusion(report),
    ),
    section('signals', 'Signals', signalTable(report)),
    misroutes(report, options.details),
    options.curve
      ? section(
          'curve',
          'Threshold trade-off',
          `${options.curve.svg}<p>${escapeHtml(options.curve.caption)}</p>`,
        )
      : '',
  ].join('\n');
  return htmlPage({
    title: options.title ? `tierup eval: ${options.title}` : 'tierup eval',
    subtitle: `${report.total} labeled requests`,
    body,
    script:
      report.misrouted.length > 0 ? filterScript('misroute-filter', 'misroute-table') : undefined,
  });
}

function headline(report: EvaluationReport): string {
  const cards = [
    ['fig-accuracy', percent(report.accuracy), 'tier accuracy'],
    ['fig-under', percent(report.underEscalation), 'under-escalation (routed too low)'],
    ['fig-over', percent(report.overEscalation), 'over-escalation (routed too high)'],
    ['fig-total', String(report.total), 'requests'],
  ];
  return section(
    'summary',
    'Summary',
    `<div class="figures">${cards
      .map(
        ([id, value, label]) =>
          `<div class="figure" id="${id}"><b>${value}</b><span>${label}</span></div>`,
      )
      .join('')}</div>`,
  );
}

function confusion(report: EvaluationReport): string {
  const rows = TIERS.map((expected: Tier) => [
    `<b>${expected}</b>`,
    ...TIERS.map((actual) => {
      const n = report.confusion[expected][actual];
      const rank = TIERS.indexOf(actual) - TIERS.indexOf(expected);
      const cls = n === 0 ? 'muted' : rank === 0 ? 'ok' : rank < 0 ? 'bad' : 'warn';
      return `<span class="${cls}" data-expected="${expected}" data-actual="${actual}">${n}</span>`;
    }),
  ]);
  return table(['labeled \\ routed', ...TIERS], rows, 'confusion-table');
}

function signalTable(report: EvaluationReport): string {
  return table(
    ['signal', 'precision', 'recall', 'F1', 'true positives', 'false positives', 'false negatives'],
    SIGNALS.map((name) => {
      const q = report.signals[name];
      return [
        `<code>${name}</code>`,
        q.precision.toFixed(2),
        q.recall.toFixed(2),
        `<b class="${q.f1 >= 0.8 ? 'ok' : q.f1 >= 0.5 ? 'warn' : 'bad'}">${q.f1.toFixed(2)}</b>`,
        String(q.truePositives),
        String(q.falsePositives),
        String(q.falseNegatives),
      ];
    }),
    'signal-table',
  );
}

function misroutes(
  report: EvaluationReport,
  details?: ReadonlyMap<string, MisrouteDetail>,
): string {
  if (report.misrouted.length === 0) {
    return section(
      'misroutes',
      'Misroutes',
      '<p class="ok">None: every request went to its labeled tier.</p>',
    );
  }
  const rows = report.misrouted.map((m) => {
    const detail = details?.get(m.id);
    const under = TIERS.indexOf(m.actual) < TIERS.indexOf(m.expected);
    return [
      `<code>${escapeHtml(m.id)}</code>`,
      escapeHtml(m.expected),
      `<span class="tag ${under ? 'bad' : 'warn'}">${escapeHtml(m.actual)} (${under ? 'under' : 'over'})</span>`,
      detail
        ? escapeHtml(detail.input.length > 400 ? `${detail.input.slice(0, 400)}…` : detail.input)
        : '',
      detail ? `<ul>${detail.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '',
    ];
  });
  return section(
    'misroutes',
    `Misroutes (${report.misrouted.length})`,
    `<input type="search" id="misroute-filter" placeholder="filter misroutes" aria-label="filter misroutes">${table(
      ['id', 'labeled', 'routed', 'request', 'reasons'],
      rows,
      'misroute-table',
    )}`,
  );
}
