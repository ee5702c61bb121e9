import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { LanguageModel, TraceSpan } from 'tierup';
import { anthropicModel } from 'tierup/anthropic';
import { openaiModel } from 'tierup/openai';
import { type MockLlmServer, type MockRule, startMockLlmServer } from 'tierup/testing';
import { afterEach } from 'vitest';

// Shared by the fault tests: a mock server per test, watched from the server's side, and models
// over the real SDK clients pointed at it.

/** Short delays, so a fault test runs in milliseconds. */
export const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };

/** The HTTP exchanges of one mock server, as its side of the connection sees them. */
export interface ServerWatch {
  /** Exchanges whose response has not closed yet: unanswered, or answered and still flushing. */
  readonly open: number;
  /** Exchanges between a request arriving and its response being sent or dropped. */
  readonly inFlight: number;
  /** The most exchanges in flight at once. */
  readonly maxInFlight: number;
  /** Exchanges the client closed before the server had answered. */
  readonly droppedByClient: number;
}

export interface Served {
  readonly server: MockLlmServer;
  /** Read live: its fields change as requests come and go. */
  readonly watch: ServerWatch;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const REQUEST_START = 'http.server.request.start';

/**
 * Starts a mock server for one test (closed after it) and watches its exchanges through Node's
 * `http.server.request.start` diagnostics channel, which hands over each request's own
 * `ServerResponse`: its `finish` is the answer sent, its `close` without `finish` the client
 * giving up.
 */
export async function serve(...rules: MockRule[]): Promise<Served> {
  const server = await startMockLlmServer({ rules });
  const port = Number(new URL(server.url).port);
  const state = { open: 0, inFlight: 0, maxInFlight: 0, droppedByClient: 0 };
  const onRequest = (message: unknown) => {
    const { socket, response } = message as { socket: Socket; response: ServerResponse };
    if (socket.localPort !== port) return;
    state.open++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let answered = false;
    response.once('finish', () => {
      answered = true;
      state.inFlight--;
    });
    response.once('close', () => {
      state.open--;
      if (!answered) {
        state.inFlight--;
        state.droppedByClient++;
      }
    });
  };
  subscribe(REQUEST_START, onRequest);
  cleanups.push(async () => {
    unsubscribe(REQUEST_START, onRequest);
    await server.close();
  });
  return { server, watch: state };
}

/** An OpenAI model over the real client; the client keeps its own default retries on purpose. */
export function openai(server: MockLlmServer, api: 'chat' | 'responses' = 'chat'): LanguageModel {
  const client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL.openai, timeout: 10_000 });
  return openaiModel(client, { model: 'gpt-test', api, retry });
}

/** An Anthropic model over the real client. */
export function anthropic(server: MockLlmServer): LanguageModel {
  const client = new Anthropic({
    apiKey: 'test',
    baseURL: server.baseURL.anthropic,
    timeout: 10_000,
  });
  return anthropicModel(client, { model: 'claude-test', retry });
}

/** The request bodies the server received, in order. */
export function bodies(server: MockLlmServer): Record<string, unknown>[] {
  return server.requests.map((request) => request.body as Record<string, unknown>);
}

/** The spans of one type. */
export function spans(trace: readonly TraceSpan[], type: TraceSpan['type']): TraceSpan[] {
  return trace.filter((span) => span.type === type);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
