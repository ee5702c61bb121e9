import { SIGNALS } from '../core/decision.ts';
import { duration, escapeHtml, filterScript, htmlPage, section, table, usd } from './html-page.ts';
import type { SavedAuditEntry, SavedRun, SavedRunBody } from './saved-run.ts';
import { describeSpan, timelineSvg } from './timeline-svg.ts';

/**
 * One self-contained HTML page for a run: the routing decision (each signal's score against its
 * threshold, the tools judged needed, the reasons), escalations, a timeline of agents, model
 * calls and tool calls with durations, tokens and cost, every tool call's policy or approval
 * decision with its arguments' provenance, and the error of a failed run.
 *
 * @example
 * writeFileSync('run.html', runPage(parseSavedRun(JSON.parse(readFileSync('run.json', 'utf8')))));
 */
export function runPage(saved: SavedRun, title = 'tierup run'): string {
  const { run, error } = saved;
  const body = [
    figures(saved),
    error
      ? section(
          'error',
          'Error',
          `<p class="bad"><b>${escapeHtml(error.name)}</b>${error.code ? ` <code>${escapeHtml(error.code)}</code>` : ''}: ${escapeHtml(error.message)}</p>`,
        )
      : '',
    decisionSection(run),
    escalationSection(run),
    section(
      'timeline',
      'Timeline',
      `${timelineSvg(run.trace)}\n<details><summary>Every span</summary>${spanTable(run)}</details>`,
    ),
    auditSection(run.audit),
    outputSection(run),
  ].join('\n');
  const subtitle = error
    ? `failed on the ${run.tier} tier: ${error.name}`
    : `finished on the ${run.tier} tier`;
  return htmlPage({
    title,
    subtitle,
    body,
    script: run.audit.length > 0 ? filterScript('audit-filter', 'audit-table') : undefined,
  });
}

function figures({ run, error }: SavedRun): string {
  const end = Math.max(0, ...run.trace.map((s) => s.endMs ?? s.startMs));
  const refused = run.audit.filter((e) => e.decision !== 'allowed' && e.decision !== 'approved');
  const cards: [string, string, string][] = [
    ['fig-status', error ? 'failed' : 'finished', error ? 'bad' : 'ok'],
    ['fig-routed', run.decision?.tier ?? 'not routed', ''],
    ['fig-tier', run.tier, ''],
    ['fig-duration', duration(end), ''],
    ['fig-calls', String(run.usage.calls ?? countOf(run, 'model-call')), ''],
    ['fig-tokens', `${run.usage.inputTokens} / ${run.usage.outputTokens}`, ''],
    ['fig-cost', usd(run.usage.costUsd), ''],
    ['fig-escalations', String(run.escalations.length), run.escalations.length > 0 ? 'warn' : ''],
    ['fig-refused', String(refused.length), refused.length > 0 ? 'warn' : ''],
  ];
  const labels: Record<string, string> = {
    'fig-status': 'status',
    'fig-routed': 'routed to',
    'fig-tier': 'finished on',
    'fig-duration': 'duration',
    'fig-calls': 'model calls',
    'fig-tokens': 'tokens in / out',
    'fig-cost': 'cost',
    'fig-escalations': 'escalations',
    'fig-refused': 'tool calls refused',
  };
  const html = cards
    .map(
      ([id, value, tone]) =>
        `<div class="figure" id="${id}"><b class="${tone}">${escapeHtml(value)}</b><span>${labels[id]}</span></div>`,
    )
    .join('');
  return section('summary', 'Summary', `<div class="figures">${html}</div>`);
}

function countOf(run: SavedRunBody, type: string): number {
  return run.trace.filter((s) => s.type === type).length;
}

function decisionSection(run: SavedRunBody): string {
  const { decision } = run;
  if (decision === undefined) {
    return section(
      'decision',
      'Routing decision',
      '<p class="muted">Not routed: an executor ran alone.</p>',
    );
  }
  const rows = SIGNALS.map((name) => {
    const s = decision.signals[name];
    return [
      `<code>${name}</code>`,
      scoreBar(s.score, s.threshold, s.set),
      s.score.toFixed(2),
      s.threshold.toFixed(2),
      s.set ? '<span class="tag ok">set</span>' : '<span class="tag">not set</span>',
      s.uncertain ? '<span class="tag warn">uncertain</span>' : '',
    ];
  });
  const tools =
    decision.tools.length === 0
      ? '<p class="muted">No tool judged needed.</p>'
      : table(
          ['tool', 'domain', 'score'],
          decision.tools.map((t) => [
            `<code>${escapeHtml(t.name)}</code>`,
            escapeHtml(t.domain),
            t.score.toFixed(2),
          ]),
          'needed-tools',
        );
  const override = decision.override
    ? `<p>Tier changed by ${escapeHtml(decision.override.by)}: ${escapeHtml(decision.override.from)} → ${escapeHtml(decision.override.to)}</p>`
    : '';
  const reasons = `<ul id="reasons">${decision.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`;
  return section(
    'decision',
    `Routing decision: ${decision.tier}`,
    `${table(['signal', '', 'score', 'threshold', '', ''], rows, 'signals')}${override}<h3>Tools judged needed</h3>${tools}<h3>Reasons</h3>${reasons}`,
  );
}

/** A small bar: the score filled, the threshold a black tick. */
function scoreBar(score: number, threshold: number, set: boolean): string {
  const w = 160;
  const clamp = (v: number) => Math.min(1, Math.max(0, v)) * w;
  return `<svg width="${w}" height="12" viewBox="0 0 ${w} 12" aria-label="score ${score.toFixed(2)} against threshold ${threshold.toFixed(2)}"><rect width="${w}" height="12" fill="#eee"/><rect width="${clamp(score).toFixed(1)}" height="12" fill="${set ? '#2e7d32' : '#94a3b8'}"/><line x1="${clamp(threshold).toFixed(1)}" x2="${clamp(threshold).toFixed(1)}" y1="0" y2="12" stroke="#000" stroke-width="2"/></svg>`;
}

function escalationSection(run: SavedRunBody): string {
  if (run.escalations.length === 0) {
    return section(
      'escalations',
      'Escalations',
      '<p class="muted">None: the run finished on the tier it started on.</p>',
    );
  }
  return section(
    'escalations',
    'Escalations',
    table(
      ['from', 'to', 'cause', 'message'],
      run.escalations.map((e) => [
        escapeHtml(e.from),
        escapeHtml(e.to),
        `<code>${escapeHtml(e.cause.type)}</code>`,
        escapeHtml(e.cause.message),
      ]),
      'escalation-table',
    ),
  );
}

function spanTable(run: SavedRunBody): string {
  return table(
    ['id', 'span', 'agent', 'status', 'details'],
    run.trace.map((s) => [
      escapeHtml(s.id),
      `${escapeHtml(s.type)} <code>${escapeHtml(s.name)}</code>`,
      escapeHtml(s.agent ?? ''),
      `<span class="tag ${s.status === 'ok' ? 'ok' : s.status === 'open' ? '' : 'bad'}">${s.status}</span>`,
      escapeHtml(describeSpan(s)),
    ]),
    'span-table',
  );
}

const DECISION_TONE: Readonly<Record<string, string>> = {
  allowed: 'ok',
  approved: 'ok',
  denied: 'bad',
  'not-approved': 'bad',
  'guardrail-tripped': 'bad',
  error: 'bad',
  invalid: 'warn',
};

function auditSection(audit: readonly SavedAuditEntry[]): string {
  if (audit.length === 0) {
    return section(
      'audit',
      'Tool calls and security decisions',
      '<p class="muted">No tool call.</p>',
    );
  }
  const rows = audit.map((e) => [
    `<code>${escapeHtml(e.tool)}</code>`,
    escapeHtml(e.agent),
    escapeHtml((e.privileges ?? []).join(', ')),
    `<span class="tag ${DECISION_TONE[e.decision] ?? ''}">${escapeHtml(e.decision)}</span>`,
    escapeHtml(e.reason),
    provenanceList(e),
  ]);
  return section(
    'audit',
    'Tool calls and security decisions',
    `<input type="search" id="audit-filter" placeholder="filter tool calls" aria-label="filter tool calls">${table(
      ['tool', 'agent', 'privileges', 'decision', 'reason', 'arguments and provenance'],
      rows,
      'audit-table',
    )}`,
  );
}

function provenanceList(entry: SavedAuditEntry): string {
  const args = entry.provenance?.arguments ?? [];
  if (args.length === 0) return `<pre>${escapeHtml(JSON.stringify(entry.arguments ?? {}))}</pre>`;
  const items = args.map((a) => {
    const from =
      a.sources.length > 0
        ? ` from ${a.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ')}`
        : '';
    const tone = a.origins.includes('untrusted')
      ? 'bad'
      : a.origins.includes('sensitive')
        ? 'warn'
        : '';
    const described = typeof a.description === 'string' ? `: ${escapeHtml(a.description)}` : '';
    return `<li><code>${escapeHtml(a.path)}</code> <span class="tag ${tone}">${escapeHtml(a.origins.join(', '))}</span>${from}${described}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function outputSection(run: SavedRunBody): string {
  if (run.output === undefined)
    return section('output', 'Output', '<p class="muted">No output.</p>');
  const text = typeof run.output === 'string' ? run.output : JSON.stringify(run.output, null, 2);
  const finish = run.finishReason
    ? `<p class="muted">finish reason: ${escapeHtml(run.finishReason.unified)}</p>`
    : '';
  return section('output', 'Output', `${finish}<pre id="output-text">${escapeHtml(text)}</pre>`);
}
