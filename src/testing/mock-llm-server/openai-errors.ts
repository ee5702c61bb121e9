import { randomHex } from './ids.ts';

/** An OpenAI request id, as sent in `x-request-id`: `req_` and 32 hex digits. */
export function openaiRequestId(): string {
  return `req_${randomHex(32)}`;
}

/**
 * OpenAI's error body, shared by Chat Completions and Responses:
 * `{ "error": { "message", "type", "param", "code" } }`.
 */
export function openaiError(status: number, message: string) {
  const [type, code] = kindOf(status);
  return { error: { message, type, param: null, code } };
}

function kindOf(status: number): [type: string, code: string | null] {
  if (status === 401) return ['invalid_request_error', 'invalid_api_key'];
  if (status === 429) return ['requests', 'rate_limit_exceeded'];
  if (status >= 500) return ['server_error', null];
  return ['invalid_request_error', null];
}
