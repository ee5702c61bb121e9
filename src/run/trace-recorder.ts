import type { TraceSpan } from '../core/run-result.ts';
import type { RunTelemetry, SpanDetails, TelemetryStart } from './run-telemetry.ts';

/** What opening a span needs; `startMs`, `id` and `status` are filled in. */
export type SpanStart = Omit<TraceSpan, 'id' | 'startMs' | 'endMs' | 'status' | 'error'>;

/** Records the spans of one run, in the order they opened. */
export interface TraceRecorder {
  /** Opens a span and returns its id; `details` go to telemetry only. */
  open(span: SpanStart, details?: SpanDetails): string;
  /**
   * Closes a span, with the error that ended it if any, and extra fields (usage); `details` go to
   * telemetry only.
   */
  close(
    id: string,
    outcome?: { error?: unknown; usage?: TraceSpan['usage']; details?: SpanDetails },
  ): void;
  /** Runs `fn` inside the span for telemetry (code it calls nests its own spans under it). */
  within<T>(id: string, fn: () => T): T;
  /** The run's telemetry, when one records this run. */
  readonly telemetry: RunTelemetry | undefined;
  /** Marks a failed tier span, and its failed agents, as `escalated`: the run went on above it. */
  markEscalated(id: string): void;
  /**
   * Adds the spans of another run (a user's own executor) under `parentId`, with ids of this
   * trace and times shifted so that the other run ends now; returns each old id's new one.
   */
  adopt(spans: readonly TraceSpan[], parentId: string): ReadonlyMap<string, string>;
  /** Every span so far; open ones have no `endMs`. */
  snapshot(): readonly TraceSpan[];
  /** One span, as it is now. */
  get(id: string): TraceSpan | undefined;
}

/**
 * Creates a {@link TraceRecorder}. Times are milliseconds since creation, from `now` (injectable
 * for tests); ids are `s1`, `s2`, ... in opening order. With `startTelemetry`, each span is also
 * reported to the run's telemetry as it opens and closes.
 */
export function createTraceRecorder(
  now: () => number = performance.now.bind(performance),
  startTelemetry?: TelemetryStart,
) {
  const origin = now();
  let telemetry = startTelemetry?.(performance.timeOrigin + origin);
  const spans: TraceSpan[] = [];
  const index = new Map<string, number>();
  const elapsed = () => Math.round((now() - origin) * 1000) / 1000;
  const recorder: TraceRecorder = {
    get telemetry() {
      return telemetry;
    },
    open(span, details) {
      const id = `s${spans.length + 1}`;
      index.set(id, spans.length);
      const opened: TraceSpan = { ...span, id, startMs: elapsed(), status: 'open' };
      spans.push(opened);
      // A run whose first span is not recorded stops telling its telemetry anything.
      if (telemetry && !telemetry.opened(opened, details)) telemetry = undefined;
      return id;
    },
    within: (id, fn) => (telemetry ? telemetry.within(id, fn) : fn()),
    close(id, outcome = {}) {
      const at = index.get(id);
      const span = at === undefined ? undefined : spans[at];
      if (at === undefined || span === undefined || span.status !== 'open') return;
      const failed = outcome.error !== undefined;
      const closed: TraceSpan = {
        ...span,
        endMs: elapsed(),
        status: failed ? 'error' : 'ok',
        ...(failed ? { error: describeError(outcome.error) } : {}),
        ...(outcome.usage ? { usage: outcome.usage } : {}),
      };
      spans[at] = closed;
      telemetry?.closed(closed, outcome.details);
    },
    markEscalated(id) {
      spans.forEach((span, i) => {
        if (
          (span.id === id || (span.parentId === id && span.type === 'agent')) &&
          span.status === 'error'
        ) {
          spans[i] = { ...span, status: 'escalated' };
        }
      });
    },
    adopt(others, parentId) {
      const ids = new Map<string, string>();
      const end = Math.max(0, ...others.map((span) => span.endMs ?? span.startMs));
      const shift = elapsed() - end;
      for (const span of others) {
        const id = `s${spans.length + 1}`;
        ids.set(span.id, id);
        index.set(id, spans.length);
        const moved = (ms: number) => Math.round((ms + shift) * 1000) / 1000;
        const adopted: TraceSpan = {
          ...span,
          id,
          parentId: (span.parentId && ids.get(span.parentId)) ?? parentId,
          startMs: moved(span.startMs),
          ...(span.endMs === undefined ? {} : { endMs: moved(span.endMs) }),
        };
        spans.push(adopted);
        // Telemetry sees the other run's spans as they were: already ended.
        if (telemetry?.opened(adopted) && adopted.endMs !== undefined) telemetry.closed(adopted);
      }
      return ids;
    },
    snapshot: () => [...spans],
    get(id) {
      const at = index.get(id);
      return at === undefined ? undefined : spans[at];
    },
  };
  return recorder;
}

/** A one-line account of an error for a trace or a model's prompt. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
