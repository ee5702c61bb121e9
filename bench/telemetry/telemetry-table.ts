// The telemetry scenario's figures as markdown, with what they allow the bench to say.
import type { RatioSpread, TelemetryFigures, TelemetryRow } from './measure-telemetry.ts';

/** Issue 16's target for an SDK recording every span. */
export const SDK_TARGET = 1.05;
/** The widest A/A interval that still lets the bench call a difference noise: the target's size. */
export const NOISE_LIMIT = SDK_TARGET - 1;

function percent(ratio: number): string {
  const text = ((ratio - 1) * 100).toFixed(1);
  return text === '0.0' || text === '-0.0' ? '0.0%' : `${text.startsWith('-') ? '' : '+'}${text}%`;
}
const range = (low: number, high: number) => `${percent(low)} to ${percent(high)}`;

function cell(f: TelemetryFigures | undefined): string {
  if (f === undefined) return '-';
  return `${f.cpuMicros.toFixed(0)} µs, **${percent(f.median)}** (IQR ${range(f.q1, f.q3)}; 95% CI ${range(f.low, f.high)})`;
}

/** Whether the interval holds 1: no difference the rounds can tell from none. */
const holdsOne = (s: RatioSpread) => s.low <= 1 && s.high >= 1;
/** Whether two intervals overlap: the rounds cannot tell the two apart. */
const overlap = (a: RatioSpread, b: RatioSpread) => a.low <= b.high && b.low <= a.high;

/** Where a configuration stands against the 5% target. */
function againstTarget(label: string, f: RatioSpread): string {
  if (f.high <= SDK_TARGET) return `${label}: at most 5% (95% CI up to ${percent(f.high)})`;
  if (f.low > SDK_TARGET) return `${label}: over the 5% target (95% CI from ${percent(f.low)})`;
  return `${label}: undecided against 5% (95% CI ${range(f.low, f.high)})`;
}

/** What the bench can say of one setup's figures. */
export function telemetryVerdicts(
  figures: readonly TelemetryFigures[],
  sdkOwn?: RatioSpread,
  spansPerRun?: number,
): string[] {
  const by = (config: TelemetryFigures['config']) => figures.find((f) => f.config === config);
  const aa = by('off again');
  const none = by('no SDK');
  const sdk = by('SDK');
  if (aa === undefined || none === undefined || sdk === undefined) return [];
  const verdicts: string[] = [];
  if (!holdsOne(aa)) {
    verdicts.push(
      `A/A: off against itself is ${percent(aa.median)} (95% CI ${range(aa.low, aa.high)}): the rounds are biased, no verdict below is trustworthy`,
    );
  }
  verdicts.push(
    aa.high - aa.low > NOISE_LIMIT
      ? `no SDK: too noisy to tell (the A/A's 95% CI, ${range(aa.low, aa.high)}, is wider than ${(NOISE_LIMIT * 100).toFixed(0)} points: more rounds, or a quieter machine)`
      : overlap(none, aa)
        ? `no SDK: within noise (its 95% CI, ${range(none.low, none.high)}, overlaps the A/A's, ${range(aa.low, aa.high)})`
        : `no SDK: NOT within noise (its 95% CI, ${range(none.low, none.high)}, is clear of the A/A's, ${range(aa.low, aa.high)})`,
  );
  verdicts.push(againstTarget('SDK, every span', sdk));
  const own = by("tierup's");
  const off = by('off');
  const perSpan =
    sdkOwn && off && spansPerRun
      ? `${(((sdkOwn.median - 1) * off.cpuMicros) / spansPerRun).toFixed(1)} µs of CPU a span`
      : undefined;
  if (own && sdkOwn) {
    verdicts.push(
      `of which tierup's own work ${percent(own.median)} (95% CI ${range(own.low, own.high)}) and the SDK's ${percent(sdkOwn.median)} (95% CI ${range(sdkOwn.low, sdkOwn.high)})${perSpan ? `, about ${perSpan}` : ''}`,
    );
  }
  const sampled = by('sampled');
  if (sampled) verdicts.push(againstTarget('SDK, 1 run in 10 sampled', sampled));
  return verdicts;
}

/** The figures as a markdown table, each setup's verdicts under it. */
export function telemetryTable(row: TelemetryRow): string {
  const lines = [
    "| model | runs per batch | spans per run | off: CPU per run | off again (A/A) vs off | no SDK vs off | tierup's own work (a tracer that keeps nothing) vs off | SDK + exporter, every span vs off | SDK + exporter, 1 run in 10 sampled vs off |",
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { setup, batch, spansPerRun, figures } of row.setups) {
    const [off, aa, none, own, sdk, sampled] = figures;
    const label = setup === 'http' ? 'OpenAI client over loopback HTTP' : 'scripted (no HTTP)';
    lines.push(
      `| ${label} | ${batch} | ${spansPerRun} | ${off?.cpuMicros.toFixed(0)} µs | ${cell(aa)} | ${cell(none)} | ${cell(own)} | ${cell(sdk)} | ${cell(sampled)} |`,
    );
  }
  lines.push('');
  for (const { setup, figures, sdkOwn, spansPerRun } of row.setups) {
    for (const verdict of telemetryVerdicts(figures, sdkOwn, spansPerRun)) {
      lines.push(`- ${setup}: ${verdict}`);
    }
  }
  return lines.join('\n');
}
