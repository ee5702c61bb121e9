import { describe, expect, it, vi } from 'vitest';
import {
  InvalidConfigError,
  ProviderError,
  RetryError,
  TimeoutError,
} from '../../src/core/errors.ts';
import { openWithRetry, type RetryEvent, withRetry } from '../../src/providers/retry.ts';
import { retryAfterOf, toProviderError } from '../../src/providers/to-provider-error.ts';
import { AT_ONCE_MS } from '../load-bounds.ts';

/** An error shaped like the ones the official SDKs throw for an HTTP status. */
function apiError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`status ${status}`), {
    status,
    headers: new Headers(headers),
    requestID: 'req_123',
  });
}

/** A call that fails with the given errors, in order, then returns 'ok'. */
function failing(...errors: unknown[]) {
  const call = vi.fn(async (_signal: AbortSignal) => {
    const next = errors.shift();
    if (next !== undefined) throw next;
    return 'ok';
  });
  return call;
}

const fast = { baseDelayMs: 1, maxDelayMs: 1_000 };

describe('withRetry', () => {
  it.each([408, 409, 429, 500, 502, 503])('retries %i and succeeds', async (status) => {
    const call = failing(apiError(status));
    const events: RetryEvent[] = [];
    await expect(withRetry(call, { ...fast, onRetry: (e) => events.push(e) })).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(2);
    expect(events).toHaveLength(1);
    expect((events[0]?.error as ProviderError | undefined)?.statusCode).toBe(status);
  });

  it.each([400, 401, 403, 404, 422])('never retries %i', async (status) => {
    const call = failing(apiError(status));
    const error = await withRetry(call, fast).catch((e: unknown) => e);
    expect(call).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ statusCode: status, isRetryable: false, requestId: 'req_123' });
    expect((error as ProviderError).cause).toBeInstanceOf(Error);
  });

  it('retries network errors', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const call = failing(reset);
    await expect(withRetry(call, fast)).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('gives up after the attempts with a RetryError holding every error', async () => {
    const call = failing(apiError(500), apiError(502), apiError(503), apiError(500));
    const error = (await withRetry(call, { ...fast, attempts: 3 }).catch(
      (e: unknown) => e,
    )) as RetryError;
    expect(call).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(RetryError);
    expect(error.errors.map((e) => (e as ProviderError).statusCode)).toEqual([500, 502, 503]);
  });

  it('honours retry-after-ms', async () => {
    const call = failing(apiError(429, { 'retry-after-ms': '120' }));
    const events: RetryEvent[] = [];
    const started = performance.now();
    await withRetry(call, { ...fast, onRetry: (e) => events.push(e) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(events[0]?.delayMs).toBe(120);
  });

  it('caps retry-after at maxDelayMs', async () => {
    const call = failing(apiError(503, { 'retry-after': '3600' }));
    const events: RetryEvent[] = [];
    await withRetry(call, { baseDelayMs: 1, maxDelayMs: 20, onRetry: (e) => events.push(e) });
    expect(events[0]?.delayMs).toBe(20);
  });

  it('times out a slow attempt, aborting its signal, and retries it', async () => {
    const seen: AbortSignal[] = [];
    const call = vi.fn(async (signal: AbortSignal) => {
      seen.push(signal);
      if (seen.length === 1) {
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      }
      return 'ok';
    });
    await expect(withRetry(call, { ...fast, attemptTimeoutMs: 30 })).resolves.toBe('ok');
    expect(seen[0]?.aborted).toBe(true);
    const error = await withRetry(
      (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      { ...fast, attempts: 2, attemptTimeoutMs: 20 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryError);
    expect((error as RetryError).errors[0]).toBeInstanceOf(TimeoutError);
  });

  it('rejects with the abort reason during a request, aborting the call', async () => {
    const controller = new AbortController();
    let callSignal: AbortSignal | undefined;
    const pending = withRetry(
      (signal) => {
        callSignal = signal;
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
      { ...fast, signal: controller.signal },
    );
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
    expect(callSignal?.aborted).toBe(true);
  });

  it('rejects with the abort reason during a backoff wait, at once', async () => {
    const controller = new AbortController();
    const call = failing(apiError(429, { 'retry-after': '30' }), apiError(429));
    const reason = new Error('stop');
    const started = performance.now();
    const pending = withRetry(call, {
      baseDelayMs: 1,
      maxDelayMs: 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // not the 30 s retry-after
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('does not call at all with an aborted signal', async () => {
    const call = failing();
    await expect(withRetry(call, { signal: AbortSignal.abort(new Error('no')) })).rejects.toThrow(
      'no',
    );
    expect(call).not.toHaveBeenCalled();
  });

  it('validates its options, naming them', async () => {
    const error = await withRetry(failing(), { attempts: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).field).toBe('retry.attempts');
  });
});

describe('toProviderError and retryAfterOf', () => {
  it('reads retry-after as seconds, milliseconds or an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterOf(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterOf(new Headers({ 'retry-after-ms': '250', 'retry-after': '2' }), now)).toBe(
      250,
    );
    expect(retryAfterOf({ 'Retry-After': 'Tue, 24 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterOf(new Headers({}), now)).toBeUndefined();
  });

  it('marks unknown failures as not retryable and keeps the cause', () => {
    const original = new Error('weird');
    const error = toProviderError(original) as ProviderError;
    expect(error.isRetryable).toBe(false);
    expect(error.cause).toBe(original);
  });
});

describe('withRetry edge cases', () => {
  it('ends with the exception onRetry throws', async () => {
    const call = failing(apiError(503));
    const hook = new Error('stop retrying');
    const error = await withRetry(call, {
      ...fast,
      onRetry: () => {
        throw hook;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(hook);
  });

  it('does not cut what the call returned once the attempt resolved', async () => {
    let kept: AbortSignal | undefined;
    await withRetry(
      async (signal) => {
        kept = signal;
        return 'stream opened';
      },
      { attemptTimeoutMs: 20 },
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(kept?.aborted).toBe(false);
  });

  it("keeps an opened stream on the caller's abort until it is released", async () => {
    const caller = new AbortController();
    const opened = await openWithRetry(async (signal) => signal, { signal: caller.signal });
    caller.abort(new Error('stop reading'));
    expect(opened.value.aborted).toBe(true);
    expect((opened.value.reason as Error).message).toBe('stop reading');

    const later = new AbortController();
    const released = await openWithRetry(async (signal) => signal, { signal: later.signal });
    released.release();
    later.abort();
    expect(released.value.aborted).toBe(false);
  });

  it("lets go of the caller's signal once a plain call has settled", async () => {
    const caller = new AbortController();
    const kept = await withRetry(async (signal) => signal, { signal: caller.signal });
    caller.abort();
    expect(kept.aborted).toBe(false);
  });
});
