import { SIGNALS, type SignalName } from '../core/decision.ts';
import type { Calibration, SettingFigures } from './calibrate-thresholds.ts';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 64, right: 210, top: 36, bottom: 52 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

const COLORS: Readonly<Record<SignalName, string>> = {
  toolUse: '#1f77b4',
  crossDomain: '#ff7f0e',
  securityBoundary: '#2ca02c',
  parallelism: '#9467bd',
};

/**
 * Draws a calibration as a self-contained SVG: under-escalation (up) against the cost of the
 * routed tiers relative to always multi-agent (across). The grey steps are the best trade-off
 * over every setting tried (the lowest cost at each under-escalation); each coloured line moves
 * one signal's threshold with the others held at the chosen ones; the dashed line is the target.
 *
 * @example
 * writeFileSync('curve.svg', calibrationSvg(calibration, 0.02));
 */
export function calibrationSvg(calibration: Calibration, maxUnder: number): string {
  const plot = plotOf(calibration, maxUnder);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<title>tierup calibrate: under-escalation against relative cost, ${calibration.total} requests</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    ...gridLines(plot),
    ...frame(calibration.total, maxUnder, plot),
    ...frontierLine(calibration.frontier, plot),
    ...SIGNALS.flatMap((signal) => sweepLine(signal, calibration.sweeps[signal], plot)),
    ...markers(calibration, plot),
    ...legend(calibration.met),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

/** A point of the plot: under-escalation against relative cost. */
type Figures = { readonly relativeCost: number; readonly underEscalation: number };

/** Where figures land on the drawing. */
interface Plot {
  /** The top of the under-escalation axis. */
  readonly maxY: number;
  readonly costAxis: AxisRange;
  readonly x: (cost: number) => number;
  readonly y: (under: number) => number;
  /** `x,y` for a polyline. */
  readonly point: (p: Figures) => string;
}

/** The axes that hold every point drawn and the target. */
function plotOf(calibration: Calibration, maxUnder: number): Plot {
  const sweepPoints = SIGNALS.flatMap((s) => calibration.sweeps[s]);
  const plotted = [...sweepPoints, ...calibration.frontier, calibration.start];
  const maxY = niceCeiling(Math.max(maxUnder, ...plotted.map((p) => p.underEscalation)));
  // The cost axis spans the costs drawn, so that close settings stay apart.
  const costAxis = axisRange(plotted.map((p) => p.relativeCost));
  const x = (cost: number) =>
    MARGIN.left + ((cost - costAxis.low) / (costAxis.high - costAxis.low)) * PLOT_WIDTH;
  const y = (under: number) => MARGIN.top + PLOT_HEIGHT - (under / maxY) * PLOT_HEIGHT;
  const point = (p: Figures) =>
    `${x(p.relativeCost).toFixed(1)},${y(p.underEscalation).toFixed(1)}`;
  return { maxY, costAxis, x, y, point };
}

/** The grid and tick labels: the cost ticks, then six under-escalation ticks. */
function gridLines({ maxY, costAxis, x, y }: Plot): string[] {
  const parts: string[] = [];
  for (const cost of costAxis.ticks) {
    const at = x(cost).toFixed(1);
    parts.push(
      `<line x1="${at}" y1="${MARGIN.top}" x2="${at}" y2="${MARGIN.top + PLOT_HEIGHT}" stroke="#eee"/>`,
      `<text x="${at}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle">${(cost * 100).toFixed(costAxis.digits)}%</text>`,
    );
  }
  for (let i = 0; i <= 5; i++) {
    const under = (maxY * i) / 5;
    const at = y(under).toFixed(1);
    parts.push(
      `<line x1="${MARGIN.left}" y1="${at}" x2="${MARGIN.left + PLOT_WIDTH}" y2="${at}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 6}" y="${(y(under) + 4).toFixed(1)}" text-anchor="end">${(under * 100).toFixed(1)}%</text>`,
    );
  }
  return parts;
}

/** The plot's border, the axis titles, the heading and the dashed target line. */
function frame(total: number, maxUnder: number, { y }: Plot): string[] {
  return [
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT}" fill="none" stroke="#999"/>`,
    `<text x="${MARGIN.left + PLOT_WIDTH / 2}" y="${HEIGHT - 12}" text-anchor="middle">cost of the routed tiers, against always multi-agent</text>`,
    `<text transform="translate(16 ${MARGIN.top + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">under-escalation</text>`,
    `<text x="${MARGIN.left}" y="20" font-size="13">${escapeText(`tierup calibrate: ${total} requests, target under-escalation ≤ ${(maxUnder * 100).toFixed(1)}%`)}</text>`,
    `<line x1="${MARGIN.left}" y1="${y(maxUnder).toFixed(1)}" x2="${MARGIN.left + PLOT_WIDTH}" y2="${y(maxUnder).toFixed(1)}" stroke="#d62728" stroke-dasharray="5 4"/>`,
  ];
}

/** The best trade-off: a step down at each point where more cost buys less under-escalation. */
function frontierLine(points: readonly Figures[], { point }: Plot): string[] {
  const frontier = [...points].sort((a, b) => a.relativeCost - b.relativeCost);
  if (frontier.length === 0) return [];
  const steps: string[] = [];
  frontier.forEach((p, i) => {
    const previous = frontier[i - 1];
    if (previous !== undefined)
      steps.push(point({ ...p, underEscalation: previous.underEscalation }));
    steps.push(point(p));
  });
  return [
    `<polyline class="frontier" points="${steps.join(' ')}" fill="none" stroke="#888" stroke-width="2"/>`,
  ];
}

/** One signal's thresholds, the others held at the chosen ones: a line, and a dot for each. */
function sweepLine(
  signal: SignalName,
  sweep: readonly SettingFigures[],
  { x, y, point }: Plot,
): string[] {
  return [
    `<polyline class="sweep" data-signal="${signal}" points="${sweep.map(point).join(' ')}" fill="none" stroke="${COLORS[signal]}" stroke-width="1.2" opacity="0.8"/>`,
    ...sweep.map(
      (p) =>
        `<circle cx="${x(p.relativeCost).toFixed(1)}" cy="${y(p.underEscalation).toFixed(1)}" r="2" fill="${COLORS[signal]}"><title>${escapeText(describe(signal, p))}</title></circle>`,
    ),
  ];
}

/** A square at the start setting and a ring at the chosen (or closest) one. */
function markers(calibration: Calibration, { x, y }: Plot): string[] {
  const { start, chosen } = calibration;
  const startLabel = `start: ${summary(start)}`;
  const chosenLabel = `${calibration.met ? 'chosen' : 'closest'}: ${summary(chosen)}`;
  return [
    `<rect class="start" x="${(x(start.relativeCost) - 4).toFixed(1)}" y="${(y(start.underEscalation) - 4).toFixed(1)}" width="8" height="8" fill="none" stroke="#000"><title>${escapeText(startLabel)}</title></rect>`,
    `<circle class="chosen" cx="${x(chosen.relativeCost).toFixed(1)}" cy="${y(chosen.underEscalation).toFixed(1)}" r="5" fill="none" stroke="#000" stroke-width="2"><title>${escapeText(chosenLabel)}</title></circle>`,
  ];
}

/** The key to the right of the plot, one row per kind of line or marker. */
function legend(met: boolean): string[] {
  const rows: [string, string, 'line' | 'dash' | 'circle' | 'square'][] = [
    ['#888', 'best of all settings', 'line'],
    ...SIGNALS.map((s): [string, string, 'line'] => [COLORS[s], `${s} threshold`, 'line']),
    ['#d62728', 'target', 'dash'],
    ['#000', met ? 'chosen' : 'closest', 'circle'],
    ['#000', 'start', 'square'],
  ];
  const legendX = MARGIN.left + PLOT_WIDTH + 16;
  return rows.flatMap(([color, text, kind], i) => {
    const ly = MARGIN.top + 8 + i * 18;
    const symbol =
      kind === 'circle'
        ? `<circle cx="${legendX + 9}" cy="${ly}" r="5" fill="none" stroke="${color}" stroke-width="2"/>`
        : kind === 'square'
          ? `<rect x="${legendX + 5}" y="${ly - 4}" width="8" height="8" fill="none" stroke="${color}"/>`
          : `<line x1="${legendX}" y1="${ly}" x2="${legendX + 18}" y2="${ly}" stroke="${color}" stroke-width="2"${kind === 'dash' ? ' stroke-dasharray="5 4"' : ''}/>`;
    return [symbol, `<text x="${legendX + 24}" y="${ly + 4}">${escapeText(text)}</text>`];
  });
}

function describe(signal: SignalName, p: SettingFigures): string {
  return `${signal} ${p.thresholds[signal].toFixed(2)}: accuracy ${pct(p.accuracy)}, under ${pct(p.underEscalation)}, cost ${pct(p.relativeCost)}`;
}

function summary(p: SettingFigures): string {
  const thresholds = SIGNALS.map((s) => `${s} ${p.thresholds[s]}`).join(', ');
  return `${thresholds}; accuracy ${pct(p.accuracy)}, under ${pct(p.underEscalation)}, cost ${pct(p.relativeCost)}`;
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** A value axis: its ends, its ticks and the decimals its labels take (as percentages). */
interface AxisRange {
  low: number;
  high: number;
  ticks: number[];
  digits: number;
}

/** An axis over `values` with round ticks 1, 2 or 5 times a power of ten apart. */
function axisRange(values: readonly number[]): AxisRange {
  const least = Math.min(...values);
  const most = Math.max(...values);
  const span = Math.max(most - least, 0.01);
  const step = niceCeiling(span / 5);
  const low = Math.max(0, Math.floor((least - span * 0.05) / step) * step);
  const high = Math.ceil((most + span * 0.05) / step) * step;
  const ticks: number[] = [];
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(tick);
  const digits = Math.max(0, -Math.floor(Math.log10(step * 100) + 1e-9));
  return { low, high, ticks, digits };
}

/** A round upper bound: 1, 2 or 5 times a power of ten, at least 0.001 (0.1%). */
function niceCeiling(value: number): number {
  const top = Math.max(value, 0.001);
  const power = 10 ** Math.floor(Math.log10(top));
  for (const step of [1, 2, 5, 10]) if (step * power >= top) return step * power;
  return 10 * power;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
