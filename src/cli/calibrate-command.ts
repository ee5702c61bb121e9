import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { createRouter } from '../router/create-router.ts';
import { Expected } from '../router/evaluate.ts';
import type { RouterConfig } from '../router/options.ts';
import { calibrateThresholds, NoPositiveLabelError } from './calibrate-thresholds.ts';
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
  const { stdin, stdout, stderr } = streams;
  const parsed = parseCommandArgs('calibrate', args, OPTIONS, stderr);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    await write(stdout, CALIBRATE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    return usageFailure('calibrate', `expected one FILE, got ${positionals.length}`, stderr);
  }
  const maxUnder = Number(values['max-under']);
  if (values['max-under'].trim() === '' || !(maxUnder >= 0 && maxUnder <= 1)) {
    return usageFailure(
      'calibrate',
      `--max-under must be a share between 0 and 1, got "${values['max-under']}"`,
      stderr,
    );
  }
  const keep = values.keep ?? [];
  const unknown = keep.find((name) => !(SIGNALS as readonly string[]).includes(name));
  if (unknown !== undefined) {
    return usageFailure(
      'calibrate',
      `--keep takes a signal (${SIGNALS.join(', ')}), got "${unknown}"`,
      stderr,
    );
  }
  const config = await readConfig(values.config, stderr);
  if (config === undefined) return 2;

  // The router used to read the records also gives the thresholds in force before calibration.
  const router = createRouter(config);
  const score = calibrationScorer(config);
  const scored: ScoredRecord[] = [];
  const exitCode = await routeRecords({
    router,
    file: positionals[0],
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
  if (scored.length === 0) {
    // Unreadable files and bad lines have been reported already.
    if (exitCode === 0) stderr.write('tierup calibrate: no labeled record to calibrate on\n');
    return 2;
  }

  const kept = keep as SignalName[];
  let calibration: ReturnType<typeof calibrateThresholds>;
  try {
    calibration = calibrateThresholds(scored, {
      maxUnder,
      start: router.config.thresholds,
      keep: kept,
    });
  } catch (error) {
    if (!(error instanceof NoPositiveLabelError)) throw error;
    stderr.write(formatIssues(`tierup calibrate: ${positionals[0]}`, error.issues));
    return 2;
  }
  await write(stdout, formatCalibration(calibration, kept, maxUnder));
  if (values.svg !== undefined) {
    await writeFile(values.svg, calibrationSvg(calibration, maxUnder));
    await write(stdout, `wrote ${values.svg}\n`);
  }
  if (!calibration.met) {
    stderr.write(
      `tierup calibrate: no thresholds keep under-escalation at or below ${(maxUnder * 100).toFixed(1)}%; the closest setting reaches ${(calibration.chosen.underEscalation * 100).toFixed(1)}%${values.out === undefined ? '' : `; ${values.out} not written`}\n`,
    );
    return exitCode === 0 ? 1 : exitCode;
  }
  if (values.out !== undefined) {
    const written: RouterConfig = { ...config, thresholds: { ...calibration.chosen.thresholds } };
    await writeFile(values.out, `${JSON.stringify(written, null, 2)}\n`);
    await write(stdout, `wrote ${values.out}\n`);
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
