import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { createRouter, type Router } from '../router/create-router.ts';
import { Expected } from '../router/evaluate.ts';
import type { RouterConfig } from '../router/options.ts';
import {
  type Calibration,
  type CalibrationOptions,
  calibrateThresholds,
  NoPositiveLabelError,
} from './calibrate-thresholds.ts';
import { calibrationScorer, type ScoredRecord } from './calibration-scores.ts';
import { calibrationSvg } from './calibration-svg.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { formatCalibration } from './format-calibration.ts';
import { formatIssues } from './format-issues.ts';
import { loadConfig } from './load-config.ts';
import { parseCommandArgs, usageFailure } from './parse-command-args.ts';
import { routeRecords } from './route-records.ts';
import { CALIBRATE_USAGE } from './usage.ts';

const OPTIONS = {
  'max-under': { type: 'string', default: '0.02' },
  out: { type: 'string' },
  svg: { type: 'string' },
  config: { type: 'string' },
  keep: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierup calibrate FILE [--max-under 0.02] [--out FILE] [--svg FILE] [--config FILE]
 * [--keep SIGNAL]...`: chooses the four thresholds that route labeled JSONL records with the
 * best tier accuracy while under-escalation stays within `--max-under`, prints the trade-off of
 * each threshold and writes the config.
 * @returns the exit code: 0; 1 when no setting meets the target (the closest is printed and no
 * config written); 2 for bad usage, a bad config, bad input lines or a signal no record is
 * labeled with.
 *
 * @example
 * const code = await calibrateCommand(['dev.jsonl', '--out', 'tierup.json'], { stdin, stdout, stderr });
 */
export async function calibrateCommand(
  args: readonly string[],
  streams: CliStreams,
): Promise<number> {
  const { stdout, stderr } = streams;
  const parsed = parseCommandArgs('calibrate', args, OPTIONS, stderr);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    await write(stdout, CALIBRATE_USAGE);
    return 0;
  }
  const target = checkTarget(positionals, values['max-under'], values.keep ?? [], stderr);
  if (target === undefined) return 2;
  const config = await readConfig(values.config, stderr);
  if (config === undefined) return 2;

  // The router used to read the records also gives the thresholds in force before calibration.
  const router = createRouter(config);
  const { scored, exitCode } = await scoreRecords(router, config, target.file, streams);
  if (scored.length === 0) {
    // Unreadable files and bad lines have been reported already.
    if (exitCode === 0) stderr.write('tierup calibrate: no labeled record to calibrate on\n');
    return 2;
  }
  const calibration = calibrateOrReport(scored, target, router.config.thresholds, stderr);
  if (calibration === undefined) return 2;
  const outputs = { svg: values.svg, out: values.out, config };
  return writeCalibration(calibration, target, outputs, exitCode, streams);
}

/** What to calibrate on and for, from the checked arguments. */
interface CalibrationTarget {
  /** The labeled JSONL file; `-` reads stdin. */
  readonly file: string | undefined;
  readonly maxUnder: number;
  /** Signals whose threshold stays as it is. */
  readonly keep: SignalName[];
}

/** Where the results go besides stdout, and the config the thresholds are written into. */
interface CalibrationOutputs {
  readonly svg: string | undefined;
  readonly out: string | undefined;
  readonly config: RouterConfig;
}

/** The FILE, `--max-under` and `--keep` arguments; `undefined` after reporting a bad one. */
function checkTarget(
  positionals: readonly string[],
  maxUnderText: string,
  keep: readonly string[],
  stderr: Writable,
): CalibrationTarget | undefined {
  const fail = (message: string) => {
    usageFailure('calibrate', message, stderr);
    return undefined;
  };
  if (positionals.length !== 1) return fail(`expected one FILE, got ${positionals.length}`);
  const maxUnder = Number(maxUnderText);
  if (maxUnderText.trim() === '' || !(maxUnder >= 0 && maxUnder <= 1)) {
    return fail(`--max-under must be a share between 0 and 1, got "${maxUnderText}"`);
  }
  const unknown = keep.find((name) => !(SIGNALS as readonly string[]).includes(name));
  if (unknown !== undefined) {
    return fail(`--keep takes a signal (${SIGNALS.join(', ')}), got "${unknown}"`);
  }
  return { file: positionals[0], maxUnder, keep: keep as SignalName[] };
}

/** Routes and scores the labeled records of `file`, reporting bad lines on stderr. */
async function scoreRecords(
  router: Router,
  config: RouterConfig,
  file: string | undefined,
  { stdin, stderr }: CliStreams,
): Promise<{ scored: ScoredRecord[]; exitCode: number }> {
  const score = calibrationScorer(config);
  const scored: ScoredRecord[] = [];
  const exitCode = await routeRecords({
    router,
    file,
    stdin,
    stderr,
    command: 'calibrate',
    onRouted: ({ id, record, task }) => {
      const expected = Expected.safeParse(record.expected);
      if (!expected.success) return toIssues(expected.error, 'expected');
      scored.push(score(id, task, expected.data));
      return undefined;
    },
  });
  return { scored, exitCode };
}

/** The calibration; `undefined` after reporting a signal no record is labeled with. */
function calibrateOrReport(
  scored: readonly ScoredRecord[],
  target: CalibrationTarget,
  start: CalibrationOptions['start'],
  stderr: Writable,
): Calibration | undefined {
  try {
    return calibrateThresholds(scored, { maxUnder: target.maxUnder, start, keep: target.keep });
  } catch (error) {
    if (!(error instanceof NoPositiveLabelError)) throw error;
    stderr.write(formatIssues(`tierup calibrate: ${target.file}`, error.issues));
    return undefined;
  }
}

/**
 * Prints the calibration, writes the SVG and, when the target is met, the config.
 * @returns the exit code: `exitCode`, or 1 in its place when the target is not met.
 */
async function writeCalibration(
  calibration: Calibration,
  { maxUnder, keep }: CalibrationTarget,
  { svg, out, config }: CalibrationOutputs,
  exitCode: number,
  { stdout, stderr }: CliStreams,
): Promise<number> {
  await write(stdout, formatCalibration(calibration, keep, maxUnder));
  if (svg !== undefined) {
    await writeFile(svg, calibrationSvg(calibration, maxUnder));
    await write(stdout, `wrote ${svg}\n`);
  }
  if (!calibration.met) {
    stderr.write(
      `tierup calibrate: no thresholds keep under-escalation at or below ${(maxUnder * 100).toFixed(1)}%; the closest setting reaches ${(calibration.chosen.underEscalation * 100).toFixed(1)}%${out === undefined ? '' : `; ${out} not written`}\n`,
    );
    return exitCode === 0 ? 1 : exitCode;
  }
  if (out !== undefined) {
    const written: RouterConfig = { ...config, thresholds: { ...calibration.chosen.thresholds } };
    await writeFile(out, `${JSON.stringify(written, null, 2)}\n`);
    await write(stdout, `wrote ${out}\n`);
  }
  return exitCode;
}

/** The config file's settings, the defaults without one; `undefined` after reporting a bad one. */
async function readConfig(
  file: string | undefined,
  stderr: Writable,
): Promise<RouterConfig | undefined> {
  if (file === undefined) return {};
  try {
    const config = await loadConfig(file);
    createRouter(config);
    return config;
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    stderr.write(formatIssues(`config ${file}`, error.issues));
    return undefined;
  }
}
