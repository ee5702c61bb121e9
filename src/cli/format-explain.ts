import { SIGNALS, type SignalDecision } from '../core/decision.ts';
import { TIERS } from '../core/tier.ts';
import { type Align, formatTable } from './format-table.ts';
import type { RoutedRecord } from './route-records.ts';

/**
 * Renders decisions as a readable table for `tierup route --explain`: one row per request
 * with its tier, the four signal scores (`*` marks a set signal), the needed tools, and
 * the router's reasons indented under the row.
 */
export function formatExplain(routed: readonly RoutedRecord[]): string {
  const headers = ['id', 'tier', ...SIGNALS, 'tools'];
  const align: Align[] = ['left', 'left', ...SIGNALS.map((): Align => 'right'), 'left'];
  const rows = routed.map(({ id, decision }) => [
    id,
    decision.override === undefined ? decision.tier : `${decision.tier} (${decision.override.by})`,
    ...SIGNALS.map((signal) => formatScore(decision.signals[signal])),
    decision.tools.length === 0 ? '-' : decision.tools.map((tool) => tool.name).join(', '),
  ]);
  const [header = '', ...lines] = formatTable([headers, ...rows], align);
  const out = [header];
  routed.forEach(({ decision }, index) => {
    out.push(lines[index] ?? '');
    for (const reason of decision.reasons) out.push(`    - ${reason}`);
  });
  out.push('', `* signal set (score >= threshold). ${summarize(routed)}`);
  return `${out.join('\n')}\n`;
}

function formatScore(signal: SignalDecision): string {
  return `${signal.score.toFixed(3)}${signal.set ? '*' : ' '}`;
}

function summarize(routed: readonly RoutedRecord[]): string {
  const counts = TIERS.map((tier) => {
    const n = routed.filter(({ decision }) => decision.tier === tier).length;
    return `${n} ${tier}`;
  });
  return `${routed.length} request${routed.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
}
