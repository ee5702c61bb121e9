import { readFile, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InvalidInputError } from '../core/errors.ts';
import { runPage } from '../report/run-page.ts';
import { parseSavedRun } from '../report/saved-run.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { formatIssues } from './format-issues.ts';
import { parseCommandArgs, usageFailure } from './parse-command-args.ts';
import { REPORT_USAGE } from './usage.ts';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `tierup report FILE [-o OUT] [--title TEXT]`: draws a saved run (the JSON of a run's result,
 * or of a `RunError` with its partial run) as one self-contained HTML page.
 * @returns the exit code: 0, or 2 for bad usage or a file that is not a saved run.
 *
 * @example
 * const code = await reportCommand(['run.json', '-o', 'run.html'], { stdin, stdout, stderr });
 */
export async function reportCommand(args: readonly string[], streams: CliStreams): Promise<number> {
  const { stdin, stdout, stderr } = streams;
  const parsed = parseCommandArgs('report', args, OPTIONS, stderr);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    await write(stdout, REPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    return usageFailure('report', `expected one FILE, got ${positionals.length}`, stderr);
  }
  const file = positionals[0] as string;
  let text: string;
  try {
    text = file === '-' ? await readAll(stdin) : await readFile(file, 'utf8');
  } catch (error) {
    stderr.write(`tierup report: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  let page: string;
  try {
    page = runPage(parseSavedRun(JSON.parse(text)), values.title ?? `tierup run: ${file}`);
  } catch (error) {
    if (error instanceof SyntaxError) {
      stderr.write(`tierup report: ${file} is not JSON: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InvalidInputError) {
      stderr.write(formatIssues(`tierup report: ${file}: not a saved run`, error.issues));
      return 2;
    }
    throw error;
  }
  if (values.out === undefined) {
    await write(stdout, page);
  } else {
    await writeFile(values.out, page);
    stderr.write(`tierup report: wrote ${values.out}\n`);
  }
  return 0;
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
