import type { ServerResponse } from 'node:http';
import type { RunEvent } from '../core/run-event.ts';
import { pumpRunEvents, type SseOutcome } from './pump-run-events.ts';
import { resolveSseOptions, type SseOptions, sseHeaders } from './sse-options.ts';

/**
 * Sends a run to a client as server-sent events over Node's `http` (or Express, Fastify's raw
 * reply): `text` events with the answer of the tier the run finished on, then `finish` with
 * `{ runId, tier, output }`, or `error` with `{ code, message }` (`events: 'all'` sends every
 * event of the run instead). When the client disconnects first, the run is stopped (its stream
 * is closed, which aborts it through its signal) and nothing more is written.
 *
 * @example
 * http.createServer(async (req, res) => {
 *   const outcome = await sendSse(res, tierup.stream(await readBody(req)));
 *   if (outcome.type === 'failed') log.warn(outcome.error);
 * });
 * @returns how it ended: `finished` with the result, `failed` with the run's error, or
 * `disconnected`. Never rejects for the run's failure.
 * @throws {InvalidConfigError} naming the option at fault, before anything is sent.
 */
export async function sendSse<Output>(
  response: ServerResponse,
  events: AsyncIterable<RunEvent<Output>>,
  options: SseOptions = {},
): Promise<SseOutcome> {
  const resolved = resolveSseOptions(options);
  if (!response.headersSent) response.writeHead(200, sseHeaders(resolved.headers));
  response.flushHeaders();
  const closed = new Promise<void>((resolve) => {
    if (response.destroyed) resolve();
    response.once('close', () => resolve());
  });
  const sink = {
    closed,
    write(chunk: string): void | Promise<void> {
      if (response.writableEnded || response.destroyed) return;
      if (response.write(chunk)) return;
      return new Promise<void>((resolve) => response.once('drain', () => resolve()));
    },
  };
  const outcome = await pumpRunEvents(events as AsyncIterable<RunEvent<unknown>>, sink, resolved);
  if (!response.writableEnded) response.end();
  return outcome;
}
