import { ProviderError, TierupError } from '../core/errors.ts';
import type { ModelRequest } from '../core/language-model.ts';
import { type Opened, openWithPolicy, type RetryOptions, resolveRetry } from './retry.ts';
import { toProviderError } from './to-provider-error.ts';

/** Runs an SDK call for a model request under the retry policy, with the request's signal. */
export async function callWithRetry<T>(
  request: ModelRequest,
  retry: RetryOptions | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { value, release } = await openWithPolicy(call, resolveRetry(retry), request.signal);
  release();
  return value;
}

/**
 * Opens a stream for a model request under the retry policy; the stream's signal follows the
 * request's until `release()`, which the reader calls when the stream is done with.
 */
export function openStreamWithRetry<T>(
  request: ModelRequest,
  retry: RetryOptions | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<Opened<T>> {
  return openWithPolicy(call, resolveRetry(retry), request.signal);
}

/** What a stream's failure becomes: the abort reason, a tierup error as it is, else a ProviderError. */
export function streamFailure(error: unknown, request: ModelRequest): unknown {
  request.signal?.throwIfAborted();
  return TierupError.isInstance(error) ? error : toProviderError(error);
}

/** A stream that closed before the model's answer was complete. */
export function streamEndedEarly(): ProviderError {
  return new ProviderError('The stream ended before the model finished its answer', {
    isRetryable: true,
  });
}
