import type { ServerResponse } from 'node:http';
import type { SseEvent } from './api-format.ts';

/** Response headers, names in lower case. */
export type ResponseHeaders = Readonly<Record<string, string>>;

/** Sends a complete JSON response; `json` is sent as is, so it may be malformed on purpose. */
export function sendJson(
  res: ServerResponse,
  status: number,
  headers: ResponseHeaders,
  json: string,
): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(json)),
  });
  res.end(json);
}

/** Sends half of a JSON body announced with its full length, then drops the connection. */
export function sendCutJson(res: ServerResponse, headers: ResponseHeaders, json: string): void {
  if (res.destroyed) return;
  res.writeHead(200, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(json)),
  });
  res.write(json.slice(0, Math.floor(json.length / 2)));
  res.socket?.destroySoon();
}

/** One event in the text/event-stream format. */
export function formatSseEvent({ event, data }: SseEvent): string {
  return `${event === undefined ? '' : `event: ${event}\n`}data: ${data}\n\n`;
}

/**
 * Streams server-sent events. With `cutAfter`, only that many events are sent, then the
 * connection drops once they are flushed, without ending the chunked body.
 */
export function sendSse(
  res: ServerResponse,
  headers: ResponseHeaders,
  events: readonly SseEvent[],
  cutAfter?: number,
): void {
  if (res.destroyed) return;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const sent = cutAfter === undefined ? events : events.slice(0, cutAfter);
  res.write(sent.map(formatSseEvent).join(''));
  if (cutAfter === undefined) res.end();
  else res.socket?.destroySoon();
}
