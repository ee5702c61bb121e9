import { z } from 'zod';
import type { RunEvent } from '../core/run-event.ts';
import { pumpRunEvents } from './pump-run-events.ts';
import { resolveSseOptions, type SseOptions, SseOptionsShape, sseHeaders } from './sse-options.ts';

/** Options of {@link sseResponse}. */
export interface SseResponseOptions extends SseOptions {
  /**
   * The request's signal (`request.signal`), where the server reports a client that went away
   * through it rather than by cancelling the body: it stops the run the same way.
   */
  readonly signal?: AbortSignal;
}

const Shape = SseOptionsShape.extend({
  signal: z
    .custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal')
    .optional(),
});

/**
 * A run as a Fetch API `Response` of server-sent events, for servers that take one (Hono, Next.js
 * route handlers, Bun, Deno): the same events as {@link sendSse}. The run starts when the
 * response is made; a client that goes away (the body cancelled, or `signal` aborted) stops it.
 *
 * @example
 * app.post('/ask', async (c) => sseResponse(tierup.stream(await c.req.text()), { signal: c.req.raw.signal }));
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function sseResponse<Output>(
  events: AsyncIterable<RunEvent<Output>>,
  options: SseResponseOptions = {},
): Response {
  const { signal, ...rest } = options;
  const resolved = resolveSseOptions(options, Shape);
  let leave: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    leave = resolve;
  });
  if (signal?.aborted) leave();
  signal?.addEventListener('abort', () => leave(), { once: true });
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const sink = {
        closed,
        write(chunk: string) {
          if (open) controller.enqueue(encoder.encode(chunk));
        },
      };
      void pumpRunEvents(events as AsyncIterable<RunEvent<unknown>>, sink, resolved).then(() => {
        if (!open) return;
        open = false;
        controller.close();
      });
    },
    cancel() {
      open = false;
      leave();
    },
  });
  return new Response(body, { status: 200, headers: sseHeaders(rest.headers) });
}
