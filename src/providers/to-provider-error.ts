import { ProviderError, TierupError } from '../core/errors.ts';

/** HTTP statuses worth another attempt: timeout, conflict, rate limit and server errors. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Turns whatever an SDK call threw into a {@link ProviderError}: the status, request id and
 * `retry-after` read from the error the official clients throw (`status`, `headers`,
 * `requestID`), network failures marked retryable, and the original kept as `cause`.
 * A tierup error passes through unchanged.
 */
export function toProviderError(error: unknown): ProviderError | TierupError {
  if (TierupError.isInstance(error)) return error;
  const value = (typeof error === 'object' && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  const status = typeof value.status === 'number' ? value.status : undefined;
  const headers = value.headers;
  const message = error instanceof Error ? error.message : String(error);
  if (status !== undefined) {
    return new ProviderError(
      // The SDKs' messages start with the status already ("400 model not found").
      `The provider answered ${status}: ${message.startsWith(`${status} `) ? message.slice(String(status).length + 1) : message}`,
      {
        statusCode: status,
        requestId: requestIdOf(value, headers),
        isRetryable: isRetryableStatus(status),
        retryAfterMs: retryAfterOf(headers),
      },
      { cause: error },
    );
  }
  return new ProviderError(
    `The call failed: ${message}`,
    { isRetryable: isNetworkError(value, error) },
    { cause: error },
  );
}

function isNetworkError(value: Record<string, unknown>, error: unknown): boolean {
  if (value.name === 'APIConnectionError' || value.name === 'APIConnectionTimeoutError')
    return true;
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && /fetch failed|network|socket/i.test(current.message)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function header(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, unknown>;
  const found = Object.keys(record).find((key) => key.toLowerCase() === name);
  const raw = found === undefined ? undefined : record[found];
  return typeof raw === 'string' ? raw : undefined;
}

function requestIdOf(value: Record<string, unknown>, headers: unknown): string | undefined {
  const own = value.requestID ?? value.request_id ?? value.requestId;
  if (typeof own === 'string') return own;
  return header(headers, 'x-request-id') ?? header(headers, 'request-id');
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds, or an HTTP date). */
export function retryAfterOf(headers: unknown, now: number = Date.now()): number | undefined {
  const ms = Number(header(headers, 'retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && header(headers, 'retry-after-ms') !== undefined) return ms;
  const after = header(headers, 'retry-after');
  if (after === undefined) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
