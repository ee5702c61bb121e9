import { duration, escapeHtml, usd } from './html-page.ts';
import type { SavedSpan } from './saved-run.ts';

const ROW = 22;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 640;
const TOP = 24;

const FILL: Readonly<Record<SavedSpan['type'], string>> = {
  run: '#475569',
  tier: '#6366f1',
  agent: '#0ea5e9',
  'model-call': '#10b981',
  'tool-call': '#f59e0b',
};

/**
 * The trace as a timeline: one row per span in the order spans opened (so children follow their
 * parent), indented by depth, a bar from start to end; failed spans are outlined red, escalated
 * ones dashed, open ones (a run that failed mid-way) run to the end of the trace.
 */
export function timelineSvg(spans: readonly SavedSpan[]): string {
  const end = Math.max(1, ...spans.map((s) => s.endMs ?? s.startMs));
  const depth = depthsOf(spans);
  const x = (ms: number) => LABEL_WIDTH + (ms / end) * BAR_WIDTH;
  const height = TOP + spans.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 16;
  const rows = spans.map((span, i) => {
    const y = TOP + i * ROW;
    const stop = span.endMs ?? end;
    const barWidth = Math.max(2, x(stop) - x(span.startMs));
    const stroke =
      span.status === 'error'
        ? ' stroke="#c62828" stroke-width="2"'
        : span.status === 'escalated'
          ? ' stroke="#b26a00" stroke-width="2" stroke-dasharray="4 2"'
          : '';
    const label = `${'\u00a0'.repeat((depth.get(span.id) ?? 0) * 3)}${span.type === 'tier' ? 'tier ' : ''}${span.name}`;
    return [
      `<g class="span" data-span="${escapeHtml(span.id)}" data-type="${span.type}" data-status="${span.status}">`,
      `<title>${escapeHtml(describeSpan(span, stop))}</title>`,
      `<text x="4" y="${y + 15}" font-size="12">${escapeHtml(label.slice(0, 48))}</text>`,
      `<rect x="${x(span.startMs).toFixed(1)}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${ROW - 8}" rx="2" fill="${FILL[span.type]}"${stroke}/>`,
      '</g>',
    ].join('');
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const at = x(share * end);
    return `<line x1="${at}" x2="${at}" y1="${TOP - 6}" y2="${height - 8}" stroke="#e5e7eb"/><text x="${at}" y="${TOP - 10}" font-size="11" text-anchor="middle" fill="#666">${escapeHtml(duration(share * end))}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="timeline of ${spans.length} spans">`,
    ...ticks,
    ...rows,
    '</svg>',
  ].join('\n');
}

/** One line on a span: what, how long, tokens and cost, and the error. */
export function describeSpan(span: SavedSpan, stop = span.endMs): string {
  const parts = [`${span.type} ${span.name}`, span.status];
  if (stop !== undefined) parts.push(duration(stop - span.startMs));
  if (span.usage) {
    const { inputTokens, outputTokens, costUsd } = span.usage;
    if (inputTokens !== undefined)
      parts.push(`${inputTokens} in / ${outputTokens ?? 0} out tokens`);
    if (costUsd !== undefined) parts.push(usd(costUsd));
  }
  if (span.error) parts.push(span.error);
  return parts.join(' · ');
}

function depthsOf(spans: readonly SavedSpan[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const span of spans) {
    const parent = span.parentId === undefined ? undefined : depth.get(span.parentId);
    depth.set(span.id, parent === undefined ? 0 : parent + 1);
  }
  return depth;
}
