import { SIGNALS, type SignalName } from '../core/decision.ts';
import type { Calibration, SettingFigures } from './calibrate-thresholds.ts';
import { type Align, formatTable } from './format-table.ts';

/**
 * Renders a calibration for `tierup calibrate`: the start and chosen settings side by side,
 * then, for each signal, the trade-off of each of its thresholds with the others held at the
 * chosen ones (accuracy, under- and over-escalation, cost against always multi-agent).
 */
export function formatCalibration(
  calibration: Calibration,
  keep: readonly SignalName[],
  maxUnder: number,
): string {
  const { total, chosen, start } = calibration;
  const out = [
    `${total} labeled request${total === 1 ? '' : 's'}; target: under-escalation at most ${percent(maxUnder)} (${calibration.allowedUnder} of ${total})`,
    `searched every combination of thresholds 0.05 to 0.95 by 0.05 (${calibration.settings.toLocaleString('en')} settings)${keep.length === 0 ? '' : `, keeping ${keep.map((s) => `${s} at ${start.thresholds[s]}`).join(', ')}`}`,
    '',
    ...formatTable(
      [
        ['', ...SIGNALS, 'accuracy', 'under', 'over', 'cost'],
        settingRow('start', start),
        settingRow(calibration.met ? 'chosen' : 'closest', chosen),
      ],
      ['left', ...SIGNALS.map((): Align => 'right'), 'right', 'right', 'right', 'right'],
    ),
    '',
    'cost: of the routed tiers, against running every request on multi-agent (see docs/cli.md)',
  ];
  for (const signal of SIGNALS) {
    const held = SIGNALS.filter((s) => s !== signal)
      .map((s) => `${s} ${chosen.thresholds[s]}`)
      .join(', ');
    out.push('', `${signal} (${held})`);
    const rows = calibration.sweeps[signal].map((figures) => [
      figures.thresholds[signal].toFixed(2),
      ...figureCells(figures),
      figures.thresholds[signal] === chosen.thresholds[signal] ? '<' : '',
    ]);
    out.push(
      ...formatTable(
        [['threshold', 'accuracy', 'under', 'over', 'cost', ''], ...rows],
        ['right', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

function settingRow(label: string, figures: SettingFigures): string[] {
  return [label, ...SIGNALS.map((s) => figures.thresholds[s].toFixed(2)), ...figureCells(figures)];
}

function figureCells(figures: SettingFigures): string[] {
  return [
    percent(figures.accuracy),
    percent(figures.underEscalation),
    percent(figures.overEscalation),
    percent(figures.relativeCost),
  ];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
