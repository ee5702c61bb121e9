/**
 * tierup/http: serve a run to a client as server-sent events, over Node's `http` (`sendSse`) or
 * as a Fetch API `Response` (`sseResponse`).
 * @module
 */

export type { SseOutcome } from './pump-run-events.ts';
export { sendSse } from './send-sse.ts';
export type { SseOptions } from './sse-options.ts';
export { type SseResponseOptions, sseResponse } from './sse-response.ts';
