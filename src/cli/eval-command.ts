import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SIGNALS, type SignalName } from '../core/decision.ts';
import { toIssues } from '../core/parse.ts';
import { evaluationPage, type MisrouteDetail } from '../report/eval-page.ts';
import { Expected, evaluate } from '../router/evaluate.ts';
import {
  type Calibration,
  calibrateThresholds,
  NoPositiveLabelError,
} from './calibrate-thresholds.ts';
import { calibrationScorer, type ScoredRecord } from './calibration-scores.ts';
import { calibrationSvg } from './calibration-svg.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { formatEvaluation } from './format-evaluation.ts';
import { loadRouter } from './load-router.ts';
import { parseCommandArgs, usageFailure } from './parse-command-args.ts';
import { routeRecords } from './route-records.ts';
import { EVAL_USAGE } from './usage.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  html: { type: 'string' },
  curve: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierup eval FILE [--json] [--html FILE [--curve]] [--config FILE]`: routes labeled JSONL
 * records and reports routing quality against their `expected` labels, optionally as an HTML page.
 * @returns the exit code: 0, or 2 for bad usage, a bad config or any bad input line.
 *
 * @example
 * const code = await evalCommand(['dev.jsonl', '--json'], { stdin, stdout, stderr });
 */
export async function evalCommand(args: readonly string[], streams: CliStreams): Promise<number> {
  const { stdin, stdout, stderr } = streams;
  const parsed = parseCommandArgs('eval', args, OPTIONS, stderr);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    await write(stdout, EVAL_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    return usageFailure('eval', `expected one FILE, got ${positionals.length}`, stderr);
  }
  if (values.curve && values.html === undefined) {
    return usageFailure('eval', '--curve draws into the --html page: give --html FILE', stderr);
  }
  const router = await loadRouter(values.config, stderr);
  if (router === undefined) return 2;

  const results: Parameters<typeof evaluate>[0][number][] = [];
  const details = new Map<string, MisrouteDetail>();
  const score = values.curve ? calibrationScorer(router.config) : undefined;
  const scored: ScoredRecord[] = [];
  const exitCode = await routeRecords({
    router,
    file: positionals[0],
    stdin,
    stderr,
    command: 'eval',
    onRouted: ({ id, record, task, decision }) => {
      const expected = Expected.safeParse(record.expected);
      if (!expected.success) return toIssues(expected.error, 'expected');
      results.push({ id, expected: expected.data, decision });
      if (values.html !== undefined) {
        if (decision.tier !== expected.data.tier) {
          details.set(id, { input: task.input, reasons: decision.reasons });
        }
        if (score) scored.push(score(id, task, expected.data));
      }
      return undefined;
    },
  });
  if (exitCode === 2 && results.length === 0) return 2;
  const report = evaluate(results);
  await write(
    stdout,
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvaluation(report),
  );
  if (values.html !== undefined) {
    const curve = score ? tradeOffCurve(scored, router.config.thresholds) : undefined;
    const title = basename(positionals[0] as string);
    await writeFile(values.html, evaluationPage(report, { title, details, curve }));
    stderr.write(`tierup eval: wrote ${values.html}\n`);
  }
  return exitCode;
}

/** The target `--curve` calibrates for, as `tierup calibrate` does by default. */
const CURVE_MAX_UNDER = 0.02;

/**
 * The threshold trade-off of the evaluated records, drawn as `tierup calibrate --svg` draws it.
 * A signal no record is labeled with keeps its threshold (nothing says where it should be).
 */
function tradeOffCurve(
  scored: readonly ScoredRecord[],
  start: Readonly<Record<SignalName, number>>,
): { svg: string; caption: string } {
  let keep: readonly SignalName[] = [];
  let calibration: Calibration;
  try {
    calibration = calibrateThresholds(scored, { maxUnder: CURVE_MAX_UNDER, start, keep });
  } catch (error) {
    if (!(error instanceof NoPositiveLabelError)) throw error;
    keep = error.signals;
    calibration = calibrateThresholds(scored, { maxUnder: CURVE_MAX_UNDER, start, keep });
  }
  const chosen = SIGNALS.map((s) => `${s} ${calibration.chosen.thresholds[s]}`).join(', ');
  const kept =
    keep.length > 0
      ? ` ${keep.join(', ')} kept at its threshold: no record is labeled with it.`
      : '';
  const verdict = calibration.met
    ? `For under-escalation at most ${CURVE_MAX_UNDER * 100}%, the most accurate thresholds are ${chosen}`
    : `No thresholds keep under-escalation at or below ${CURVE_MAX_UNDER * 100}%; the closest are ${chosen}`;
  return {
    svg: calibrationSvg(calibration, CURVE_MAX_UNDER),
    caption: `${verdict} (accuracy ${(calibration.chosen.accuracy * 100).toFixed(1)}%, under ${(calibration.chosen.underEscalation * 100).toFixed(1)}%, over ${(calibration.chosen.overEscalation * 100).toFixed(1)}%).${kept}`,
  };
}
