import { toIssues } from '../core/parse.ts';
import { Expected, evaluate } from '../router/evaluate.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { formatEvaluation } from './format-evaluation.ts';
import { loadRouter } from './load-router.ts';
import { parseCommandArgs, usageFailure } from './parse-command-args.ts';
import { routeRecords } from './route-records.ts';
import { EVAL_USAGE } from './usage.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierup eval FILE [--json] [--config FILE]`: routes labeled JSONL records and reports
 * routing quality against their `expected` labels.
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
  const router = await loadRouter(values.config, stderr);
  if (router === undefined) return 2;

  const results: Parameters<typeof evaluate>[0][number][] = [];
  const exitCode = await routeRecords({
    router,
    file: positionals[0],
    stdin,
    stderr,
    command: 'eval',
    onRouted: ({ id, record, decision }) => {
      const expected = Expected.safeParse(record.expected);
      if (!expected.success) return toIssues(expected.error, 'expected');
      results.push({ id, expected: expected.data, decision });
      return undefined;
    },
  });
  if (exitCode === 2 && results.length === 0) return 2;
  const report = evaluate(results);
  await write(
    stdout,
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvaluation(report),
  );
  return exitCode;
}
