import { fork } from 'node:child_process';
import type { AloneJob, AloneResult } from './contender-process.ts';
import { CHILD_EXEC_ARGV } from './start-mock.ts';

/** Runs one job of contender-process.ts in a fresh process and resolves with its result. */
export function runAlone(job: AloneJob): Promise<AloneResult> {
  const child = fork(new URL('./contender-process.ts', import.meta.url), [JSON.stringify(job)], {
    execArgv: [...CHILD_EXEC_ARGV, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: AloneResult | undefined;
    child.once('message', (message: AloneResult) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`${job.contender} (${job.mode}) exited with ${code} and no result`));
    });
  });
}
