import { agentExecutor, type Executor, type ExecutorOptions, type RunOptions } from 'tierup';

/** A user's own executor, with what it saw of each run. */
export interface UserExecutor extends Executor {
  /** The instructions and options of each run, in order. */
  readonly seen: { instructions: string | undefined; options: RunOptions }[];
}

/**
 * An executor written outside tierup, against the public `Executor` interface alone, as a service
 * would write one to add its own logging around a tier: it records what each run was given and
 * runs it on an `agentExecutor` of its own. It is not made by tierup's factories, so
 * `createTierup({ executors: { agent } })` runs it through its public `run`, not as a built-in.
 */
export function userExecutor(options: ExecutorOptions): UserExecutor {
  const inner = agentExecutor(options);
  const seen: UserExecutor['seen'] = [];
  return {
    tier: 'agent',
    seen,
    run(task, runOptions = {}) {
      seen.push({
        instructions: typeof task === 'string' ? undefined : task.instructions,
        options: runOptions,
      });
      return inner.run(task, runOptions);
    },
    stream(task, runOptions = {}) {
      seen.push({
        instructions: typeof task === 'string' ? undefined : task.instructions,
        options: runOptions,
      });
      return inner.stream(task, runOptions);
    },
  };
}
