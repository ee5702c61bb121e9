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
  const system = systemErrorOf(error);
  if (system !== undefined) {
    const what = `${SYSTEM_CODES[system.code] ?? 'network error'} (${system.code})`;
    return new ProviderError(
      system.host ? `Could not reach ${system.host}: ${what}` : `The call failed: ${what}`,
      { isRetryable: isNetworkError(value, error), systemCode: system.code, host: system.host },
      { cause: error },
    );
  }
  return new ProviderError(
    `The call failed: ${message}`,
    { isRetryable: isNetworkError(value, error) },
    { cause: error },
  );
}

/** What the usual system codes of a failed connection mean, in words. */
const SYSTEM_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while writing',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed for now',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'certificate expired',
  UND_ERR_SOCKET: 'socket error',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/**
 * The system error under an SDK's "Connection error.": its code (`ECONNREFUSED`, `ENOTFOUND`) and
 * the host it was reaching, read down the `cause` chain (and an `AggregateError`'s `errors`, as
 * when both addresses of `localhost` refused).
 */
function systemErrorOf(error: unknown): { code: string; host: string | undefined } | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: error, depth: 0 }];
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null || depth > 5) continue;
    const { code, address, port, hostname, cause, errors } = value as Record<string, unknown>;
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+)$/.test(code)) {
      const host =
        typeof address === 'string'
          ? typeof port === 'number'
            ? `${address}:${port}`
            : address
          : typeof hostname === 'string'
            ? hostname
            : undefined;
      // An AggregateError carries the code; its first error the address.
      if (host === undefined && Array.isArray(errors) && errors.length > 0) {
        const inner = systemErrorOf(errors[0]);
        return { code, host: inner?.host };
      }
      return { code, host };
    }
    pending.push({ value: cause, depth: depth + 1 });
    if (Array.isArray(errors))
      for (const item of errors) pending.push({ value: item, depth: depth + 1 });
  }
  return undefined;
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
