import { partialOf, type RunError, setPartial } from '../core/errors.ts';
import type { RunEvent } from '../core/run-event.ts';
import type { RoutedRunResult, RunResult } from '../core/run-result.ts';
import { type RunScope, type RunSetup, startRun } from './run-scope.ts';
import { untilAborted } from './until-aborted.ts';

/**
 * Runs `body` as one run: sets up its state, returns the result (and reports `run-finish`), or
 * throws the run's error with `partial` set. An abort or the time limit ends the wait at once,
 * even for work that ignores its signal. Lifecycle callbacks are told the end (`onFinish`) and
 * waited for before the result is returned or the error thrown; their failures are in both.
 */
export async function driveRun<Output>(
  setup: RunSetup,
  body: (scope: RunScope) => Promise<unknown>,
): Promise<RunResult<Output>> {
  const run = startRun(setup);
  const { scope, callbacks } = run;
  let failure: RunError | undefined;
  let output: unknown;
  try {
    scope.signal.throwIfAborted();
    output = await untilAborted(body(scope), scope.signal);
  } catch (error) {
    // Made before the callbacks are waited for: its kind depends on whether the signal had fired.
    failure = run.error(error);
  }
  try {
    if (failure !== undefined) {
      if (callbacks !== undefined) {
        const seen = callbacks.errors.length;
        await callbacks.finish({ type: 'run-error', error: failure });
        if (callbacks.errors.length > seen && partialOf(failure)?.runId === scope.runId) {
          setPartial(failure, run.partial());
        }
      }
      throw failure;
    }
    await callbacks?.settle();
    let result = run.result(output as Output);
    if (callbacks !== undefined) {
      const seen = callbacks.errors.length;
      await callbacks.finish({ type: 'run-finish', result: result as RoutedRunResult<unknown> });
      if (callbacks.errors.length > seen) result = run.result(output as Output);
    }
    scope.emit({ type: 'run-finish', result: result as RunResult<unknown> });
    return result;
  } finally {
    run.dispose(failure);
  }
}

/**
 * Turns a run into an async iterable of its events. The run starts when iteration starts; a reader
 * that stops early (`break`) aborts it; the run's error is thrown by the iterator after the events
 * that came before it.
 */
export function streamRun<Output>(
  start: (
    emit: (event: RunEvent<unknown>) => void,
    stop: AbortSignal,
  ) => Promise<RunResult<Output>>,
): AsyncIterable<RunEvent<Output>> {
  return {
    [Symbol.asyncIterator]() {
      const queue: RunEvent<unknown>[] = [];
      const stop = new AbortController();
      let wake: (() => void) | undefined;
      let done = false;
      let failure: { error: unknown } | undefined;
      let running: Promise<void> | undefined;
      const notify = () => {
        wake?.();
        wake = undefined;
      };
      const begin = () => {
        running = start((event) => {
          queue.push(event);
          notify();
        }, stop.signal).then(
          () => {
            done = true;
            notify();
          },
          (error: unknown) => {
            failure = { error };
            done = true;
            notify();
          },
        );
      };
      return {
        async next(): Promise<IteratorResult<RunEvent<Output>>> {
          if (running === undefined) begin();
          for (;;) {
            const event = queue.shift();
            if (event !== undefined) return { value: event as RunEvent<Output>, done: false };
            if (failure !== undefined) {
              const { error } = failure;
              failure = undefined;
              throw error;
            }
            if (done) return { value: undefined, done: true };
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
        },
        async return(): Promise<IteratorResult<RunEvent<Output>>> {
          if (!done) {
            stop.abort(new Error('The stream was closed before the run finished'));
            await running;
          }
          queue.length = 0;
          failure = undefined;
          done = true;
          return { value: undefined, done: true };
        },
      };
    },
  };
}
