import { z } from 'zod';
import { parseOptions } from '../core/parse.ts';
import type { RunResult } from '../core/run-result.ts';
import { Callback } from '../security/run-security.ts';

/** Options of `sendSse` and `sseResponse`. */
export interface SseOptions {
  /**
   * `final`: only the text of the tier the run finished on (`text` events), then `finish` (or
   * `error`). `all`: every event of the run as `stream()` yields it, each under its own `type`
   * (tool arguments and results, the whole result with its trace and audit included: for your
   * own tools, not for end users). @default 'final'
   */
  readonly events?: 'final' | 'all';
  /**
   * What the `finish` event carries in `final` mode.
   * @default (result) => ({ runId: result.runId, tier: result.tier, output: result.output })
   */
  readonly finish?: (result: RunResult<unknown>) => unknown;
  /**
   * What the `error` event carries when the run fails.
   * @default (error) => ({ code: error.code, message: error.message })
   */
  readonly error?: (error: unknown) => unknown;
  /** A comment line this often keeps proxies from closing a quiet stream; 0 sends none. @default 15000 */
  readonly keepAliveMs?: number;
  /** Headers sent besides the event-stream ones (CORS, a request id). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A resolved {@link SseOptions}. */
export type ResolvedSseOptions = Required<Omit<SseOptions, 'headers'>> &
  Pick<SseOptions, 'headers'>;

/** The looser shape of `SseOptions`, for the options a variant adds. */
export const SseOptionsShape = z.strictObject({
  events: z.enum(['final', 'all']).optional(),
  finish: Callback.optional(),
  error: Callback.optional(),
  keepAliveMs: z.int().min(0).max(3_600_000).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/**
 * Checks the options of an SSE helper and applies the defaults.
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function resolveSseOptions(
  options: SseOptions,
  shape: z.ZodType = SseOptionsShape,
): ResolvedSseOptions {
  parseOptions(shape, options);
  return {
    events: options.events ?? 'final',
    finish:
      options.finish ??
      ((result) => ({ runId: result.runId, tier: result.tier, output: result.output })),
    error: options.error ?? describeRunError,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    headers: options.headers,
  };
}

function describeRunError(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' ? code : 'run-failed',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The headers of an event stream. */
export function sseHeaders(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // nginx buffers responses unless told not to.
    'x-accel-buffering': 'no',
    ...extra,
  };
}
