import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { InvalidConfigError } from '../../core/errors.ts';
import { loadMockScript } from './mock-script.ts';
import { startMockLlmServer } from './server.ts';

/** The help of {@link runMockServerCommand}, for the command line to show. */
export const MOCK_SERVER_USAGE = `Usage: tierup mock-server --script FILE [--port N]

Starts a mock LLM server on 127.0.0.1 that speaks OpenAI Chat Completions
(POST /v1/chat/completions), OpenAI Responses (POST /v1/responses) and Anthropic Messages
(POST /v1/messages), streaming or not, answering from the rules of FILE:
  {"rules": [{"match": {"api", "model", "system", "lastMessage", "tools"},
              "reply": {"text", "toolCalls", "finishReason", "usage", "delayMs", "fault"} | [...]}]}
Prints its URL on the first line, then runs until interrupted (Ctrl+C or SIGTERM).

Options:
  --script FILE    The rules, as JSON (string patterns only)
  --port N         The port to listen on; 0 picks a free one (default 0)
  -h, --help       Show this help
`;

const OPTIONS = {
  script: { type: 'string' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The streams {@link runMockServerCommand} writes to; `process` streams in the CLI. */
export interface MockServerCommandStreams {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Options of {@link runMockServerCommand}. */
export interface MockServerCommandOptions {
  /** Stops the server as SIGINT or SIGTERM would. */
  readonly signal?: AbortSignal;
}

/**
 * `tierup mock-server --script FILE [--port N]`: starts {@link startMockLlmServer} with the rules
 * of a JSON script, prints its URL (first line) and base URLs, and runs until SIGINT, SIGTERM or
 * `options.signal`, then closes the server.
 * @returns the exit code: 0 after a stop, 2 for bad usage or a bad script, 1 when the port
 * cannot be listened on.
 *
 * @example
 * process.exitCode = await runMockServerCommand(['--script', 'mock.json'], process);
 */
export async function runMockServerCommand(
  args: readonly string[],
  streams: MockServerCommandStreams,
  options: MockServerCommandOptions = {},
): Promise<number> {
  const { stdout, stderr } = streams;
  let values: { script?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true }));
  } catch (error) {
    if (!(error instanceof TypeError) || !('code' in error)) throw error;
    const first = error.message.split(/\.\s/)[0] ?? error.message;
    return usageFailure(first.charAt(0).toLowerCase() + first.slice(1), stderr);
  }
  if (values.help) {
    stdout.write(MOCK_SERVER_USAGE);
    return 0;
  }
  if (values.script === undefined) return usageFailure('missing --script FILE', stderr);
  const port = values.port === undefined ? 0 : parsePort(values.port);
  if (port === undefined) {
    return usageFailure(
      `--port must be a whole number from 0 to 65535, got '${values.port}'`,
      stderr,
    );
  }

  let script: Awaited<ReturnType<typeof loadMockScript>>;
  try {
    script = await loadMockScript(values.script);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    stderr.write(`tierup mock-server: ${values.script}: ${error.message}\n`);
    return 2;
  }
  let server: Awaited<ReturnType<typeof startMockLlmServer>>;
  try {
    server = await startMockLlmServer({ rules: script.rules, port });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    stderr.write(`tierup mock-server: cannot listen on port ${port}: ${reason}\n`);
    return 1;
  }
  stdout.write(
    `${server.url}\n` +
      `OpenAI base URL:    ${server.baseURL.openai}\n` +
      `Anthropic base URL: ${server.baseURL.anthropic}\n` +
      `Rules loaded: ${script.rules.length}. Ctrl+C to stop.\n`,
  );
  await untilStopped(options.signal);
  await server.close();
  return 0;
}

function parsePort(text: string): number | undefined {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return port <= 65_535 ? port : undefined;
}

function usageFailure(message: string, stderr: Writable): number {
  stderr.write(`tierup mock-server: ${message}\nRun 'tierup mock-server --help' for usage.\n`);
  return 2;
}

/** Resolves on the first of SIGINT, SIGTERM and `signal`, leaving no listener behind. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
  });
}
