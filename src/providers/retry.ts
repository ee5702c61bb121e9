import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { z } from 'zod';
import { InvalidConfigError, ProviderError, RetryError, TimeoutError } from '../core/errors.ts';
import { linkSignal } from '../core/linked-signal.ts';
import { toIssues } from '../core/parse.ts';
import { toProviderError } from './to-provider-error.ts';

/** The retry policy of calls tierup makes to model providers. */
export const RetryOptions = z.strictObject({
  /** Attempts in all, the first included. @default 3 */
  attempts: z.number().int().min(1).max(20).optional(),
  /** Delay before the first retry; later ones double, with jitter. @default 500 */
  baseDelayMs: z.number().min(0).max(60_000).optional(),
  /** The longest delay between two attempts, `retry-after` included. @default 20000 */
  maxDelayMs: z.number().min(0).max(600_000).optional(),
  /** Time limit of one attempt. @default 60000 */
  attemptTimeoutMs: z.number().int().min(1).max(3_600_000).optional(),
});
export type RetryOptions = z.infer<typeof RetryOptions>;

/** What the retry layer tells `onRetry` before it waits and tries again. */
export interface RetryEvent {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly error: ProviderError | TimeoutError;
  /** How long it waits before the next attempt. */
  readonly delayMs: number;
}

/** Options of one {@link withRetry} call. */
export interface WithRetryOptions extends RetryOptions {
  /** Aborts the attempt in flight and any wait between attempts at once. */
  signal?: AbortSignal;
  /** Called before each retry. An exception from it ends the call. */
  onRetry?: (event: RetryEvent) => void;
}

const DEFAULTS: Readonly<Required<RetryOptions>> = Object.freeze({
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  attemptTimeoutMs: 60_000,
});

/**
 * Runs `call` with tierup's one retry policy: 408, 409, 429, 5xx, network errors and attempt
 * timeouts are retried with exponential backoff and jitter, a provider's `retry-after` or
 * `retry-after-ms` is honoured (up to `maxDelayMs`), anything else fails at once. `call` gets a
 * signal that fires on the caller's abort or the attempt's timeout: pass it to the SDK, with the
 * SDK's own retries off (`maxRetries: 0`), so a call is never retried twice over.
 *
 * @example
 * const completion = await withRetry(
 *   (signal) => client.chat.completions.create(body, { signal, maxRetries: 0 }),
 *   { attempts: 4, signal },
 * );
 * @throws {ProviderError} for a failure not worth retrying, on the first attempt.
 * @throws {RetryError} holding every attempt's error once it gives up.
 * @throws the signal's `reason` when the caller aborts.
 */
export async function withRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: WithRetryOptions = {},
): Promise<T> {
  const { value, release } = await openWithRetry(call, options);
  release();
  return value;
}

/** What {@link openWithRetry} resolves with. */
export interface Opened<T> {
  readonly value: T;
  /** Unhooks the successful attempt's signal from the caller's: call it when `value` is done with. */
  release(): void;
}

/**
 * {@link withRetry} for a call that opens something (a stream) that goes on using its signal after
 * the call resolves: the successful attempt's signal still fires on the caller's abort until
 * `release()`.
 */
export async function openWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: WithRetryOptions = {},
): Promise<Opened<T>> {
  const { signal, onRetry, ...policy } = options;
  return openWithPolicy(call, resolveRetry(policy), signal, onRetry);
}

/** A retry policy checked, with its defaults applied. */
export type ResolvedRetry = Readonly<Required<RetryOptions>>;

const resolved = new WeakMap<RetryOptions, ResolvedRetry>();

/**
 * Checks a retry policy and applies its defaults; a policy object is checked once, as every model
 * call of a provider model passes the same one.
 * @throws {InvalidConfigError} naming the `retry` option at fault.
 */
export function resolveRetry(policy: RetryOptions | undefined): ResolvedRetry {
  if (policy === undefined) return DEFAULTS;
  let done = resolved.get(policy);
  if (done === undefined) {
    const parsed = RetryOptions.safeParse(policy);
    if (!parsed.success) throw new InvalidConfigError(toIssues(parsed.error, 'retry'));
    done = Object.freeze({ ...DEFAULTS, ...parsed.data });
    resolved.set(policy, done);
  }
  return done;
}

/** {@link openWithRetry} with a policy already resolved. */
export async function openWithPolicy<T>(
  call: (signal: AbortSignal) => Promise<T>,
  policy: ResolvedRetry,
  signal?: AbortSignal,
  onRetry?: (event: RetryEvent) => void,
): Promise<Opened<T>> {
  const { attempts, baseDelayMs, maxDelayMs, attemptTimeoutMs } = policy;
  signal?.throwIfAborted();

  const errors: (ProviderError | TimeoutError)[] = [];
  try {
    return await pRetry(
      async () => {
        // The attempt's time limit covers the call until it resolves: a stream the call opened
        // keeps its signal afterwards, and the timer must not cut it later.
        const attempt = linkSignal([signal], {
          ms: attemptTimeoutMs,
          reason: () => new TimeoutError(attemptTimeoutMs),
        });
        try {
          const value = await call(attempt.signal);
          return { value, release: () => attempt.dispose() };
        } catch (thrown) {
          attempt.dispose();
          if (signal?.aborted) throw signal.reason;
          const error = attempt.timedOut
            ? new TimeoutError(attemptTimeoutMs, { cause: thrown })
            : toProviderError(thrown);
          if (!(error instanceof ProviderError || error instanceof TimeoutError)) {
            throw new AbortError(error);
          }
          errors.push(error);
          if (!error.isRetryable) throw new AbortError(error);
          throw error;
        } finally {
          attempt.clearTimer();
        }
      },
      {
        retries: attempts - 1,
        factor: 2,
        minTimeout: baseDelayMs,
        maxTimeout: maxDelayMs,
        randomize: true,
        signal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
          if (retriesLeft === 0) return;
          const asked = error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0;
          const delayMs = Math.min(maxDelayMs, Math.max(retryDelay, asked));
          onRetry?.({
            attempt: attemptNumber,
            error: error as ProviderError | TimeoutError,
            delayMs,
          });
          // p-retry waits `retryDelay` next; a longer `retry-after` waits the difference here.
          if (delayMs > retryDelay) await sleep(delayMs - retryDelay, undefined, { signal });
        },
      },
    );
  } catch (thrown) {
    if (signal?.aborted) throw signal.reason;
    // Not an attempt's error: an exception from `onRetry`, or a tierup error passed through.
    if (!errors.includes(thrown as ProviderError | TimeoutError)) throw thrown;
    if (errors.length > 1) throw new RetryError(errors);
    throw thrown;
  }
}
