import type { ServerResponse } from 'node:http';
import type { SseEvent } from './api-format.ts';
import type { MockFault } from './mock-reply.ts';
import type { ResponseHeaders } from './send.ts';

/** A fault that answers with an HTTP error status. */
export type StatusFault = Extract<MockFault, { status: number }>;

/** The `retry-after` and `retry-after-ms` headers a status fault asks for. */
export function retryHeaders(fault: StatusFault): ResponseHeaders {
  return {
    ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
    ...(fault.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(fault.retryAfterMs) }),
  };
}

/** Resets the connection (a TCP RST) before any byte of the response is sent. */
export function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null || socket.destroyed) return;
  socket.resetAndDestroy();
}

/** A JSON body cut in half, so that it does not parse. */
export function malformedJson(json: string): string {
  return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
}

/** The first event of a stream with its data cut in half, so that it does not parse. */
export function malformedEvents(events: readonly SseEvent[]): SseEvent[] {
  const first = events[0] ?? { data: '{}' };
  return [{ ...first, data: malformedJson(first.data) }];
}
