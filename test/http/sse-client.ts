import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One server-sent event as a client reads it. */
export interface ReadEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Parses an event stream's text into its events; comment lines (`: keep-alive`) are counted apart. */
export function parseSse(text: string): { events: ReadEvent[]; comments: number } {
  const events: ReadEvent[] = [];
  let comments = 0;
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments++;
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (data !== '') events.push({ event, data: JSON.parse(data) });
  }
  return { events, comments };
}

/** A server on 127.0.0.1 (a free port) with `handle` for every request; `close` stops it. */
export async function serve(
  handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Reads an event stream over HTTP until `stopWhen` says so (then disconnects) or it ends.
 * @returns the events read, and whether the client disconnected.
 */
export async function readSse(
  url: string,
  stopWhen: (events: readonly ReadEvent[], comments: number) => boolean = () => false,
): Promise<{ events: ReadEvent[]; comments: number; status: number; type: string | null }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const parsed = parseSse(text);
    if (stopWhen(parsed.events, parsed.comments)) {
      controller.abort();
      break;
    }
  }
  return {
    ...parseSse(text),
    status: response.status,
    type: response.headers.get('content-type'),
  };
}
