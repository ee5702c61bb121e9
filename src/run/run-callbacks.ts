import {
  type CallbackError,
  LIFECYCLE_CALLBACKS,
  type Lifecycle,
  type LifecycleEvent,
} from '../core/lifecycle.ts';
import type { RunEvent } from '../core/run-event.ts';
import { describeError, type TraceRecorder } from './trace-recorder.ts';

/** How long the end of a run waits for the promises its callbacks returned. */
export const CALLBACK_WAIT_MS = 10_000;

type Name = keyof Lifecycle;

/** The lifecycle callbacks of one run: told of its events, their failures kept. */
export interface RunCallbacks {
  /** Tells the callbacks of one of the run's events (`run-finish` goes through `finish`). */
  observe(event: RunEvent<unknown>): void;
  /**
   * Waits for the promises the callbacks returned, up to {@link CALLBACK_WAIT_MS} after the first
   * wait began; one still pending then is reported as failed and no longer waited for.
   */
  settle(): Promise<void>;
  /** Tells `onFinish` and waits for it, as `settle` does. */
  finish(event: DistributiveOmit<LifecycleEvent<'onFinish'>, 'runId'>): Promise<void>;
  /** The callbacks that failed so far, in order. */
  readonly errors: readonly CallbackError[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  readonly name: Name;
  readonly parentId: string | undefined;
  readonly done: Promise<void>;
  abandoned: boolean;
}

/**
 * The callbacks of `lifecycles` for the run `runId`: each event of the run is handed to them with
 * the run's id (and, for a call, its tier, duration and arguments from its span in `trace`). A
 * callback that throws or rejects is recorded, never rethrown: in `errors` and in the trace, as a
 * `callback` span under the span of the event it was told of.
 */
export function createRunCallbacks(
  lifecycles: readonly Lifecycle[],
  runId: string,
  trace: TraceRecorder,
  now: () => number = Date.now,
): RunCallbacks {
  const errors: CallbackError[] = [];
  const pending = new Set<Pending>();
  const wanted = new Set(LIFECYCLE_CALLBACKS.filter((name) => lifecycles.some((l) => l[name])));
  let deadline: number | undefined;

  const fail = (name: Name, error: unknown, parentId: string | undefined) => {
    const spanId = trace.open({ type: 'callback', name, ...(parentId ? { parentId } : {}) });
    trace.close(spanId, { error });
    errors.push({ callback: name, message: describeError(error), error, spanId });
  };

  const call = <N extends Name>(name: N, event: LifecycleEvent<N>, parentId?: string) => {
    for (const lifecycle of lifecycles) {
      const callback = lifecycle[name] as ((event: LifecycleEvent<N>) => unknown) | undefined;
      if (callback === undefined) continue;
      try {
        const returned = callback(event);
        // A promise (or any thenable) is waited for when the run ends.
        if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
          track(name, returned as PromiseLike<unknown>, parentId);
        }
      } catch (error) {
        fail(name, error, parentId);
      }
    }
  };

  const track = (name: Name, promise: PromiseLike<unknown>, parentId: string | undefined) => {
    const entry: Pending = {
      name,
      parentId,
      abandoned: false,
      done: Promise.resolve(promise).then(
        () => {},
        (error: unknown) => {
          if (!entry.abandoned) fail(name, error, parentId);
        },
      ),
    };
    pending.add(entry);
    void entry.done.then(() => pending.delete(entry));
  };

  /** The span a call's event belongs to, and what the span says of the call. */
  const timed = (spanId: string) => {
    const span = trace.get(spanId);
    const durationMs =
      span?.endMs === undefined ? 0 : Math.round((span.endMs - span.startMs) * 1000) / 1000;
    return { span, durationMs };
  };

  const rootId = () => trace.get('s1')?.id;

  const settle = async () => {
    deadline ??= now() + CALLBACK_WAIT_MS;
    while (pending.size > 0) {
      const left = deadline - now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<'expired'>((resolve) => {
        timer = setTimeout(() => resolve('expired'), Math.max(0, left));
      });
      const outcome = await Promise.race([
        Promise.all([...pending].map((entry) => entry.done)),
        expired,
      ]);
      clearTimeout(timer);
      if (outcome === 'expired') {
        for (const entry of pending) {
          entry.abandoned = true;
          const message = `did not settle within ${CALLBACK_WAIT_MS} ms of the run's end`;
          fail(entry.name, new Error(message), entry.parentId);
        }
        pending.clear();
      }
    }
  };

  return {
    errors,
    settle,
    observe(event) {
      if (wanted.size === 0) return;
      switch (event.type) {
        case 'model-call-end': {
          if (!wanted.has('onModelCall')) return;
          const { span, durationMs } = timed(event.spanId);
          const tier = span?.tier ?? 'direct';
          call('onModelCall', { ...event, runId, tier, durationMs }, event.spanId);
          return;
        }
        case 'tool-call-end': {
          if (!wanted.has('onToolCall')) return;
          const { span, durationMs } = timed(event.spanId);
          const tier = span?.tier ?? 'agent';
          const args = span?.arguments;
          call('onToolCall', { ...event, runId, tier, durationMs, arguments: args }, event.spanId);
          return;
        }
        case 'tier-escalated':
          if (wanted.has('onEscalation')) call('onEscalation', { ...event, runId }, rootId());
          return;
        default:
          return;
      }
    },
    async finish(event) {
      await settle();
      if (wanted.has('onFinish')) {
        call('onFinish', { ...event, runId } as LifecycleEvent<'onFinish'>, rootId());
        await settle();
      }
    },
  };
}
