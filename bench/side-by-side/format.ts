// Formatting shared by the tables and the charts.
import { CONTENDERS, type ContenderName } from './contenders/index.ts';
import type { RatioFigure } from './figures.ts';
import type { InterleavedRow } from './interleaved-scenarios.ts';

export const COLORS: Record<ContenderName, string> = {
  'hand-written': '#9e9e9e',
  tierup: '#1f6fb4',
  '@openai/agents': '#e07b1a',
  'AI SDK': '#2f9e44',
};
export const SERIES = CONTENDERS.map((name) => ({ name, color: COLORS[name] }));

export const ms = (v: number, digits = 2) => `${v.toFixed(digits)} ms`;
export const sign = (v: number, digits = 3) =>
  `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
export const times = (v: number) => `${v.toFixed(2)}×`;
export const ratio = (r: RatioFigure) =>
  `${times(r.median)} (${r.p25.toFixed(2)}–${r.p75.toFixed(2)})`;
export const kb = (v: number) => `${v.toFixed(0)} KB`;
export const mb = (v: number) => `${v.toFixed(1)} MB`;
export const usd = (v: number) => `$${v.toFixed(4)}`;
export const shortRow = (row: InterleavedRow) =>
  `${row.api === 'chat' ? 'Chat' : 'Responses'}${row.scenario === 'agent' ? `, ${row.delayMs} ms/call` : ''}`;
/** Counts as a sentence lists them: `10, 100 and 1,000`. */
export function counts(xs: readonly number[]): string {
  const words = xs.map((x) => x.toLocaleString('en'));
  const last = words.pop();
  return words.length === 0 ? (last ?? '') : `${words.join(', ')} and ${last}`;
}
/** A heap figure; under 1 MB it is within the noise of measuring it (about ±1 MB). */
export const held = (kbValue: number) =>
  Math.abs(kbValue) < 1024 ? '< 1 MB' : `${(kbValue / 1024).toFixed(1)} MB`;
export const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`]
    .concat(rows.map((r) => `| ${r.join(' | ')} |`))
    .join('\n');
