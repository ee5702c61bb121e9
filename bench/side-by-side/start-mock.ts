import { fork } from 'node:child_process';
import type { Tally } from './mock-process.ts';
import type { MockConfig } from './mock-rules.ts';

/** A mock LLM server running in a child process. */
export interface MockProcess {
  /** The `baseURL` of an OpenAI client (`http://127.0.0.1:PORT/v1`). */
  readonly baseURL: string;
  /** Requests and bytes received so far, by contender. */
  tally(): Promise<Record<string, Tally>>;
  close(): Promise<void>;
}

export const CHILD_EXEC_ARGV = ['--experimental-strip-types', '--no-warnings'];

/** Starts mock-process.ts playing `config`; resolves once it listens. */
export function startMockProcess(config: MockConfig): Promise<MockProcess> {
  const child = fork(new URL('./mock-process.ts', import.meta.url), [JSON.stringify(config)], {
    execArgv: CHILD_EXEC_ARGV,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mock server exited early (${code})`)));
    child.once('message', (message: { baseURL: string }) => {
      resolve({
        baseURL: message.baseURL,
        tally: () =>
          new Promise((done) => {
            child.once('message', (reply: { tally: Record<string, Tally> }) => done(reply.tally));
            child.send('tally');
          }),
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
