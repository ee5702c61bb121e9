import type { Writable } from 'node:stream';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/**
 * Reports a usage mistake on `stderr` with a pointer to the command's help.
 * @returns 2, the exit code for bad usage.
 */
export function usageFailure(command: string, message: string, stderr: Writable): number {
  stderr.write(`tierup ${command}: ${message}\nRun 'tierup ${command} --help' for usage.\n`);
  return 2;
}

/**
 * Parses a command's arguments strictly: an unknown option or a missing option value is
 * reported with {@link usageFailure}.
 * @returns the parsed options and positionals, or `undefined` after reporting a mistake.
 */
export function parseCommandArgs<const Options extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: Options,
  stderr: Writable,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    if (!(error instanceof TypeError) || !('code' in error)) throw error;
    // Node's messages go on to explain `--`; the first sentence says what is wrong.
    const first = error.message.split(/\.\s/)[0] ?? error.message;
    usageFailure(command, first.charAt(0).toLowerCase() + first.slice(1), stderr);
    return undefined;
  }
}
