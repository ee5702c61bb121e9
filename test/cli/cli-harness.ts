import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliStreams } from '../../src/cli/cli-streams.ts';

/** What a command run left behind. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fixture of test/fixtures/cli, as an absolute path. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/cli/${name}`, import.meta.url));
}

/** Runs a command function in-process on PassThrough streams, `stdin` given as text. */
export async function runInProcess(
  command: (args: readonly string[], streams: CliStreams) => Promise<number>,
  args: readonly string[],
  stdin = '',
): Promise<RunResult> {
  const streams = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
  };
  const stdout = collect(streams.stdout);
  const stderr = collect(streams.stderr);
  streams.stdin.end(stdin);
  const code = await command(args, streams);
  streams.stdout.end();
  streams.stderr.end();
  return { code, stdout: await stdout, stderr: await stderr };
}

/** Runs the real CLI, src/cli/main.ts, as a child process with `stdin` piped in. */
export function runProcess(args: readonly string[], stdin = ''): Promise<RunResult> {
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const child = spawn(process.execPath, [main, ...args], { stdio: 'pipe' });
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', async (code) => {
      resolve({ code, stdout: await stdout, stderr: await stderr });
    });
  });
}

/** Parses JSONL output into objects. */
export function parseLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}
