import { fork } from 'node:child_process';
import type { AloneJob, AloneResult } from './contender-process.ts';
import { CHILD_EXEC_ARGV } from './start-mock.ts';

/** Runs one job of contender-process.ts in a fresh process and resolves with its result. */
export function runAlone(job: AloneJob): Promise<AloneResult> {
  return runInProcess(
    new URL('./contender-process.ts', import.meta.url),
    job,
    `${job.contender} (${job.mode})`,
  );
}

/**
 * Forks `file` (with `--expose-gc` and `execArgv`) with `job` as JSON in argv[2] and resolves with
 * the one message it sends before it exits; `name` says which job failed.
 */
export function runInProcess<Job, Result>(
  file: URL,
  job: Job,
  name: string,
  execArgv: readonly string[] = [],
): Promise<Result> {
  const child = fork(file, [JSON.stringify(job)], {
    execArgv: [...CHILD_EXEC_ARGV, '--expose-gc', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: Result | undefined;
    child.once('message', (message: Result) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`${name} exited with ${code} and no result`));
    });
  });
}
