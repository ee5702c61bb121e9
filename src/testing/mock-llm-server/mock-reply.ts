import { z } from 'zod';

/**
 * A failure to produce instead of an answer:
 * - `{ status }` (`type: 'status'` may be left out): that HTTP status with the API's own error
 *   JSON, its request id header and, when given, `retry-after` (seconds, or an HTTP date) and
 *   `retry-after-ms`;
 * - `reset`: the connection is reset before any byte of the response;
 * - `malformed`: status 200 with a body that is not valid JSON (a stream gets an event whose
 *   data is not valid JSON);
 * - `cut`: a stream sends `afterEvents` events, then the connection drops; a non-streaming
 *   response sends half of its JSON body, then drops.
 */
export const MockFault = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('status').optional(),
    status: z.int().min(400).max(599),
    /** Sent as the `retry-after` header: seconds, or an HTTP date. */
    retryAfter: z.string().optional(),
    /** Sent as the `retry-after-ms` header. */
    retryAfterMs: z.number().min(0).optional(),
    /** The error message. @default a message typical of the status */
    message: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('malformed') }),
  z.strictObject({ type: z.literal('cut'), afterEvents: z.int().min(0) }),
]);
export type MockFault = z.infer<typeof MockFault>;

/**
 * A scripted tool call. Without an `id`, one in the API's own form is derived from the call, so
 * the same reply gives the same ids, streamed or not.
 */
export const MockToolCall = z.strictObject({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()),
  id: z.string().min(1).optional(),
});
export type MockToolCall = z.infer<typeof MockToolCall>;

/** What the server answers with. Every field is optional: `{}` is an empty text answer. */
export const MockReply = z.strictObject({
  /** @default '' */
  text: z.string().optional(),
  /** Tool calls, in order; several make parallel tool calls. */
  toolCalls: z.array(MockToolCall).optional(),
  /**
   * Sent as the API's own value: `stop` is Anthropic's `end_turn`, `tool_calls` its `tool_use`,
   * `length` its `max_tokens` and an `incomplete` response of the Responses API.
   * @default 'tool_calls' when there are tool calls, else 'stop'
   */
  finishReason: z.enum(['stop', 'length', 'tool_calls']).optional(),
  /**
   * Token counts; `cachedInputTokens` is part of `inputTokens` (Anthropic's `input_tokens` is
   * sent without them, as that API counts).
   * @default input estimated from the request's size, output from the answer's, none cached
   */
  usage: z
    .strictObject({
      inputTokens: z.int().min(0).optional(),
      outputTokens: z.int().min(0).optional(),
      cachedInputTokens: z.int().min(0).optional(),
    })
    .refine(
      (usage) => (usage.cachedInputTokens ?? 0) <= (usage.inputTokens ?? Number.POSITIVE_INFINITY),
      { message: 'must be <= inputTokens', path: ['cachedInputTokens'] },
    )
    .optional(),
  /** Wait this long before answering or failing; a client giving up ends the wait. @default 0 */
  delayMs: z.number().min(0).optional(),
  fault: MockFault.optional(),
});
export type MockReply = z.infer<typeof MockReply>;

/**
 * Validates a reply, or a non-empty list of replies, reporting each problem at its own path
 * (`reply[1].fault.status`) rather than as one failed union.
 */
export function checkReplies(value: unknown, ctx: z.RefinementCtx): void {
  const schema = Array.isArray(value) ? z.array(MockReply).min(1) : MockReply;
  const result = schema.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue });
}
