// The scale benchmark's mock LLM server in a process of its own, as a real model is never in the
// process that calls it: started with `fork` (argv[2]: the delay per call, ms); sends `{ baseURL }`
// once listening, and stops when its parent goes.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RecordedRequest, startMockLlmServer } from '../../src/testing/index.ts';
import { teamRules } from './team.ts';

/**
 * The team's mock LLM server: in a process of its own, or (`MOCK=here`) in this one, as the scale
 * benchmark had it before (its in-process runs then called a model in their own event loop, a
 * shortcut no worker had). Resolves with its OpenAI base URL and a way to stop it.
 */
export function startTeamMock(delayMs: number) {
  if (process.env.MOCK !== 'here') return startMockProcess(delayMs);
  return startMockLlmServer({ rules: teamRules(delayMs) }).then((m) => ({
    baseURL: m.baseURL.openai,
    close: () => m.close(),
  }));
}

/** Where the team's mock runs (`startTeamMock`), in words. */
export const mockWhere = () =>
  process.env.MOCK === 'here' ? 'in the benchmark process' : 'in a process of its own';

/** Starts the mock in a child process; resolves with its OpenAI base URL and a way to stop it. */
async function startMockProcess(delayMs: number) {
  const child = fork(fileURLToPath(import.meta.url), [String(delayMs)], {
    execArgv: ['--experimental-strip-types', '--no-warnings'],
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { baseURL: string }).baseURL));
    child.once('exit', (code) => reject(new Error(`the mock process exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseURL,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const server = await startMockLlmServer({ rules: teamRules(Number(process.argv[2])) });
  // The server records every request; nothing here reads that record.
  const record = server.requests as RecordedRequest[];
  setInterval(() => {
    record.length = 0;
  }, 50).unref();
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send({ baseURL: server.baseURL.openai });
}
