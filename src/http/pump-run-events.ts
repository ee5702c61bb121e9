import type { RunEvent } from '../core/run-event.ts';
import type { RunResult } from '../core/run-result.ts';
import { runEventFrames } from './run-event-frames.ts';
import type { ResolvedSseOptions } from './sse-options.ts';

/** How sending a run as server-sent events ended. */
export type SseOutcome =
  | { readonly type: 'finished'; readonly result: RunResult<unknown> }
  | {
      readonly type: 'failed';
      /** What the run threw (a `RunError` for a tierup run). */
      readonly error: unknown;
    }
  | {
      /** The client went away first; the run was stopped. */
      readonly type: 'disconnected';
    };

/** Where the frames go: a response body. */
export interface SseSink {
  /** Writes a chunk; a promise when the client is slow and the writer should wait. */
  write(chunk: string): void | Promise<void>;
  /** Settles when the client goes away. */
  readonly closed: Promise<void>;
}

const GONE: unique symbol = Symbol('gone');

/**
 * Reads a run's events and writes them to `sink` as server-sent events, with a keep-alive comment
 * every `keepAliveMs`. When the client goes away first, the iterator's `return()` is called: for
 * `tierup.stream()`, that aborts the run through its signal (a reader that stops early). Never
 * rejects: a failed run becomes an `error` event.
 */
export async function pumpRunEvents(
  events: AsyncIterable<RunEvent<unknown>>,
  sink: SseSink,
  options: ResolvedSseOptions,
): Promise<SseOutcome> {
  const frames = runEventFrames(options);
  const gone = sink.closed.then((): typeof GONE => GONE);
  let timer: ReturnType<typeof setInterval> | undefined;
  if (options.keepAliveMs > 0) {
    timer = setInterval(() => void sink.write(': keep-alive\n\n'), options.keepAliveMs);
  }
  /** Writes the chunks, waiting when the client is slow; false when it went away meanwhile. */
  const send = async (chunks: readonly string[]) => {
    for (const chunk of chunks) {
      const written = sink.write(chunk);
      if (written !== undefined && (await Promise.race([written, gone])) === GONE) return false;
    }
    return true;
  };
  const iterator = events[Symbol.asyncIterator]();
  let result: RunResult<unknown> | undefined;
  try {
    for (;;) {
      const next = iterator.next();
      // Not awaited when the client goes first: its rejection (the aborted run) is expected.
      next.catch(() => {});
      const step = await Promise.race([next, gone]);
      if (step === GONE || !(await send(step.done ? [] : frames.of(step.value)))) {
        await iterator.return?.();
        return { type: 'disconnected' };
      }
      if (step.done) {
        if (result) return { type: 'finished', result };
        const error = new Error('The events ended without run-finish');
        await send([frames.error(error)]);
        return { type: 'failed', error };
      }
      if (step.value.type === 'run-finish') result = step.value.result;
    }
  } catch (error) {
    await send([frames.error(error)]);
    return { type: 'failed', error };
  } finally {
    clearInterval(timer);
  }
}
