import type { MockReply } from './mock-reply.ts';
import type { MockRequest } from './mock-request.ts';

/** A tool call of an answer, with its id and its arguments both as an object and as JSON. */
export interface AnswerToolCall {
  readonly id: string;
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly arguments: string;
}

/** A reply with every default applied: what each API format serializes in its own shape. */
export interface Answer {
  /** The requested model, echoed back. */
  readonly model: string;
  /** Unix time in seconds. */
  readonly created: number;
  readonly text: string;
  readonly toolCalls: readonly AnswerToolCall[];
  readonly finishReason: 'stop' | 'length' | 'tool_calls';
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    /** A subset of `inputTokens`. */
    readonly cachedInputTokens: number;
  };
}

/**
 * Applies the defaults to a reply. A tool call id not given is derived from the call's position,
 * name and arguments, so the same reply carries the same ids whether streamed or not. Token
 * counts default to about four characters a token: the request body's JSON for input, the text
 * and tool arguments for output.
 */
export function resolveAnswer(
  reply: MockReply,
  request: MockRequest,
  toolCallId: (seed: string) => string,
): Answer {
  const text = reply.text ?? '';
  const toolCalls = (reply.toolCalls ?? []).map((call, index) => {
    const json = JSON.stringify(call.arguments);
    return {
      id: call.id ?? toolCallId(`${index}\n${call.name}\n${json}`),
      name: call.name,
      input: call.arguments,
      arguments: json,
    };
  });
  const outputChars = text.length + toolCalls.reduce((sum, call) => sum + call.arguments.length, 0);
  const cachedInputTokens = reply.usage?.cachedInputTokens ?? 0;
  const inputTokens =
    reply.usage?.inputTokens ??
    Math.max(tokensOf(JSON.stringify(request.body).length), cachedInputTokens);
  return {
    model: request.model,
    created: Math.floor(request.time / 1000),
    text,
    toolCalls,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: {
      inputTokens,
      outputTokens: reply.usage?.outputTokens ?? tokensOf(outputChars),
      cachedInputTokens,
    },
  };
}

function tokensOf(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

/** Splits a string into deltas of `size` characters; an empty string gives no delta. */
export function chunk(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
