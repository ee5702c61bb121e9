import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleRequest } from './handle-request.ts';
import type { RecordedRequest } from './mock-request.ts';
import { type MockLlmServerOptions, resolveServerOptions } from './options.ts';
import { createRuleBook } from './rules.ts';

/** A running mock LLM server. */
export interface MockLlmServer {
  /** The server's origin, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  /** The `baseURL` of `new OpenAI(...)` (`${url}/v1`) and of `new Anthropic(...)` (`url`). */
  readonly baseURL: { readonly openai: string; readonly anthropic: string };
  /** Every request received, in arrival order, whatever its path; updated as requests arrive. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Stops the server: pending delays end, open connections (streams and requests in flight
   * included) are destroyed. Resolves once the server is closed; calling it again is harmless.
   */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on the loopback interface that speaks OpenAI Chat Completions
 * (`POST /v1/chat/completions`), OpenAI Responses (`POST /v1/responses`) and Anthropic Messages
 * (`POST /v1/messages`), streaming or not, answering from scripted rules, so that tests can drive
 * the official SDK clients over real HTTP. Faults (error statuses with `retry-after`, connection
 * resets, malformed bodies, cut streams) and delays are scripted per reply.
 *
 * @throws {InvalidConfigError} when an option is malformed, naming it (`rules[0].reply.delayMs`).
 *
 * @example
 * const server = await startMockLlmServer({
 *   rules: [
 *     {
 *       match: { lastMessage: 'weather' },
 *       reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
 *     },
 *     { reply: [{ fault: { status: 429, retryAfter: '1' } }, { text: 'Sunny.' }] },
 *   ],
 * });
 * const client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL.openai, maxRetries: 0 });
 * await client.chat.completions.create({
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'Weather in Paris?' }],
 * });
 * server.requests[0]?.body; // what the SDK sent
 * await server.close();
 */
export async function startMockLlmServer(options: MockLlmServerOptions): Promise<MockLlmServer> {
  const { rules, port, host, chunkSize } = resolveServerOptions(options);
  const requests: RecordedRequest[] = [];
  const shutdown = new AbortController();
  const context = { rules: createRuleBook(rules), chunkSize, requests, shutdown: shutdown.signal };
  const server = createServer((req, res) => void handleRequest(req, res, context));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await listen(server, port, host);
  const { port: actualPort } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    baseURL: { openai: `${url}/v1`, anthropic: url },
    requests,
    close() {
      closed ??= new Promise((resolve) => {
        shutdown.abort();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
