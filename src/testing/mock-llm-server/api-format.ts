import type { Answer } from './answer.ts';
import type { MockApi, MockRequest, RequestFields } from './mock-request.ts';

/** One server-sent event: an optional `event:` name and its `data:` line. */
export interface SseEvent {
  readonly event?: string;
  readonly data: string;
}

/**
 * One wire API as the mock server speaks it. Each implementation follows its official SDK's
 * types: request fields, response JSON, stream events in the API's order, error bodies.
 */
export interface ApiFormat {
  readonly api: MockApi;
  /** The path it answers `POST` requests on. */
  readonly path: string;
  /** The response header carrying the request id (`x-request-id`, `request-id`). */
  readonly requestIdHeader: string;
  newRequestId(): string;
  /** A tool call id in the API's form, derived from `seed` (the same seed, the same id). */
  toolCallId(seed: string): string;
  /** Reads the fields rules match on from a request body. */
  read(body: Readonly<Record<string, unknown>>): RequestFields;
  /** The JSON body of a non-streaming answer. */
  respond(answer: Answer, request: MockRequest): unknown;
  /** The events of a streaming answer, in order, the closing sentinel included. */
  stream(answer: Answer, request: MockRequest, chunkSize: number): SseEvent[];
  /** The API's error body for an HTTP status. */
  error(status: number, message: string, requestId: string): unknown;
}

/** The error message a real API typically sends with a status, for faults that give none. */
export function defaultErrorMessage(status: number): string {
  if (status === 429) return 'Rate limit reached for requests. Please try again later.';
  if (status === 529) return 'Overloaded';
  if (status === 503) return 'The service is temporarily unavailable. Please try again later.';
  if (status >= 500) return 'The server had an error while processing your request.';
  return `The request failed with status ${status}.`;
}
