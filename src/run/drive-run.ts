import type { RunEvent } from '../core/run-event.ts';
import type { RunResult } from '../core/run-result.ts';
import { type RunScope, type RunSetup, startRun } from './run-scope.ts';
import { untilAborted } from './until-aborted.ts';

/**
 * Runs `body` as one run: sets up its state, returns the result (and reports `run-finish`), or
 * throws the run's error with `partial` set. An abort or the time limit ends the wait at once,
 * even for work that ignores its signal.
 */
export async function driveRun<Output>(
  setup: RunSetup,
  body: (scope: RunScope) => Promise<unknown>,
): Promise<RunResult<Output>> {
  const run = startRun(setup);
  const { scope } = run;
  let failure: unknown;
  try {
    scope.signal.throwIfAborted();
    const output = await untilAborted(body(scope), scope.signal);
    const result = run.result(output as Output);
    scope.emit({ type: 'run-finish', result: result as RunResult<unknown> });
    return result;
  } catch (error) {
    failure = run.error(error);
    throw failure;
  } finally {
    // After the error is made: its kind depends on whether the run's signal had fired.
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
