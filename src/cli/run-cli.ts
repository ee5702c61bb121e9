import { readFileSync } from 'node:fs';
import { MOCK_SERVER_USAGE, runMockServerCommand } from '../testing/mock-llm-server/cli.ts';
import { calibrateCommand } from './calibrate-command.ts';
import { type CliStreams, write } from './cli-streams.ts';
import { evalCommand } from './eval-command.ts';
import { reportCommand } from './report-command.ts';
import { routeCommand } from './route-command.ts';
import { CALIBRATE_USAGE, EVAL_USAGE, REPORT_USAGE, ROUTE_USAGE, USAGE } from './usage.ts';

const COMMANDS: Readonly<
  Record<string, (args: readonly string[], streams: CliStreams) => Promise<number>>
> = {
  route: routeCommand,
  eval: evalCommand,
  calibrate: calibrateCommand,
  report: reportCommand,
  'mock-server': runMockServerCommand,
};

const HELP: Readonly<Record<string, string>> = {
  route: ROUTE_USAGE,
  eval: EVAL_USAGE,
  calibrate: CALIBRATE_USAGE,
  report: REPORT_USAGE,
  'mock-server': MOCK_SERVER_USAGE,
};

/**
 * Runs the `tierup` command line: dispatches to a command, or prints help or the version.
 * @param args the arguments after the program name, e.g. `['route', 'requests.jsonl']`.
 * @returns the exit code: 0, 2 for bad usage or input, 1 for an internal error.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), process);
 */
export async function runCli(args: readonly string[], streams: CliStreams): Promise<number> {
  const { stdout, stderr } = streams;
  const [first, ...rest] = args;
  try {
    if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
      return await (COMMANDS[first] as (typeof COMMANDS)[string])(rest, streams);
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) return await done(stdout, USAGE);
      const help = Object.hasOwn(HELP, topic) ? HELP[topic] : undefined;
      return help === undefined ? unknown(`command '${topic}'`, stderr) : await done(stdout, help);
    }
    if (first === '--help' || first === '-h') return await done(stdout, USAGE);
    if (first === '--version') return await done(stdout, `${packageVersion()}\n`);
    if (first === undefined) {
      stderr.write(USAGE);
      return 2;
    }
    return unknown(first.startsWith('-') ? `option '${first}'` : `command '${first}'`, stderr);
  } catch (error) {
    stderr.write(
      `tierup: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return 1;
  }
}

async function done(stdout: CliStreams['stdout'], text: string): Promise<number> {
  await write(stdout, text);
  return 0;
}

function unknown(what: string, stderr: CliStreams['stderr']): number {
  stderr.write(`tierup: unknown ${what}\nRun 'tierup --help' for usage.\n`);
  return 2;
}

/**
 * The version in package.json, two levels above this module both as src/cli/run-cli.ts
 * and bundled into dist/cli/main.js.
 */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
