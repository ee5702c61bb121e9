// The engine's added time per subtask, two ways: a specialist's agent span on the engine against
// the same span in process (runs one at a time, interleaved), and the time a subtask spent outside
// its worker's own work (queue, transport, signing, joining the result), from the outcome's trace.
import type { Engine } from '../../src/core/engine.ts';
import type { RoutedRunResult } from '../../src/core/run-result.ts';
import type { Tierup } from '../../src/tierup.ts';
import { median, quantile, round3 } from '../stats.ts';

/** An engine that records, per subtask, the milliseconds spent outside the worker's own work. */
export function timedEngine(inner: Engine, outside: number[]): Engine {
  return {
    name: inner.name,
    async runSubtask(request, options) {
      const started = performance.now();
      const outcome = await inner.runSubtask(request, options);
      const wall = performance.now() - started;
      // The worker's trace starts when it starts the subtask; its last span ends when it is done.
      outside.push(wall - Math.max(0, ...outcome.trace.map((s) => s.endMs ?? s.startMs)));
      return outcome;
    },
  };
}

/** The durations of the specialists' agent spans of one run. */
const subtaskMs = (result: RoutedRunResult<string>) =>
  result.trace
    .filter((s) => s.type === 'agent' && s.name !== 'manager')
    .map((s) => (s.endMs ?? s.startMs) - s.startMs);

/**
 * Runs `runs` runs each way, one at a time, in process then on the engine, with `maxConcurrency`
 * subtasks at once; `outside` is the timed engine's record (cleared first).
 */
export async function measureAddedTime(
  local: Tierup,
  remote: Tierup,
  outside: number[],
  task: Parameters<Tierup['run']>[0],
  maxConcurrency: number,
  runs: number,
) {
  const inProcess: number[] = [];
  const onEngine: number[] = [];
  outside.length = 0;
  for (let i = 0; i < runs; i++) {
    inProcess.push(
      ...subtaskMs((await local.run(task, { maxConcurrency })) as RoutedRunResult<string>),
    );
    onEngine.push(
      ...subtaskMs((await remote.run(task, { maxConcurrency })) as RoutedRunResult<string>),
    );
  }
  return {
    subtasksAtOnce: maxConcurrency,
    subtasks: inProcess.length,
    inProcessMedianMs: round3(median(inProcess)),
    engineMedianMs: round3(median(onEngine)),
    addedMedianMs: round3(median(onEngine) - median(inProcess)),
    inProcessP90Ms: round3(quantile(inProcess, 0.9)),
    engineP90Ms: round3(quantile(onEngine, 0.9)),
    outsideWorkerMedianMs: round3(median(outside)),
    outsideWorkerP90Ms: round3(quantile(outside, 0.9)),
  };
}
