import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidConfigError } from '../core/errors.ts';
import type {
  FinishReason,
  LanguageModel,
  ModelRequest,
  ModelResponse,
  ModelStreamEvent,
  ToolCall,
  Usage,
} from '../core/language-model.ts';

/** One scripted answer: a text, or the parts of a response (the rest gets defaults). */
export type ScriptedAnswer =
  | string
  | {
      readonly text?: string;
      readonly toolCalls?: readonly (Omit<ToolCall, 'id'> & { readonly id?: string })[];
      readonly output?: unknown;
      readonly finishReason?: FinishReason;
      readonly usage?: Partial<Usage>;
    }
  | Error;

/** A script: one answer for every call, a list consumed in order, or a function of the request. */
export type Script =
  | ScriptedAnswer
  | readonly ScriptedAnswer[]
  | ((request: ModelRequest, call: number) => ScriptedAnswer | Promise<ScriptedAnswer>);

/** Options of {@link scriptedModel}. */
export interface ScriptedModelOptions {
  /** @default 'scripted' */
  readonly modelId?: string;
  /** Wait before answering, like a real model's latency; the request's signal aborts the wait. @default 0 */
  readonly latencyMs?: number;
  /** Characters per `text-delta` event when streaming. @default 8 */
  readonly chunkSize?: number;
}

/** A {@link LanguageModel} that answers from a script and records every call. */
export interface ScriptedModel extends LanguageModel {
  /** Every request received, in order. */
  readonly calls: readonly ModelRequest[];
}

/**
 * A model for tests: answers from a script, records every request, honours `signal`, and streams
 * the same answer as events. An `Error` in the script is thrown by that call; a list that runs out
 * throws an error saying how many calls it had answers for.
 *
 * @example
 * const model = scriptedModel([
 *   { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] },
 *   'Your order ships tomorrow.',
 * ]);
 * await model.generate({ messages: [{ role: 'user', content: 'Where is order 30418?' }] });
 * model.calls.length; // 1
 */
export function scriptedModel(script: Script, options: ScriptedModelOptions = {}): ScriptedModel {
  const { modelId = 'scripted', latencyMs = 0, chunkSize = 8 } = options;
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) {
    throw new InvalidConfigError([{ path: 'chunkSize', message: 'must be a whole number >= 1' }]);
  }
  if (!(latencyMs >= 0)) {
    throw new InvalidConfigError([{ path: 'latencyMs', message: 'must be >= 0' }]);
  }
  const calls: ModelRequest[] = [];

  const answer = async (request: ModelRequest): Promise<ModelResponse> => {
    request.signal?.throwIfAborted();
    const index = calls.length;
    calls.push(request);
    if (latencyMs > 0) {
      await sleep(latencyMs, undefined, { signal: request.signal }).catch((error: unknown) => {
        request.signal?.throwIfAborted();
        throw error;
      });
    }
    const scripted = await pick(script, request, index);
    request.signal?.throwIfAborted();
    if (scripted instanceof Error) throw scripted;
    return toResponse(scripted, index);
  };

  return {
    provider: 'scripted',
    modelId,
    calls,
    generate: answer,
    async *stream(request) {
      yield* streamOf(await answer(request), chunkSize, request.signal);
    },
  };
}

async function pick(script: Script, request: ModelRequest, index: number): Promise<ScriptedAnswer> {
  if (typeof script === 'function') return script(request, index);
  if (Array.isArray(script)) {
    const next = (script as readonly ScriptedAnswer[])[index];
    if (next === undefined) {
      return new Error(
        `scriptedModel has answers for ${script.length} calls; call ${index + 1} has none`,
      );
    }
    return next;
  }
  return script as ScriptedAnswer;
}

function toResponse(answer: Exclude<ScriptedAnswer, Error>, index: number): ModelResponse {
  const parts = typeof answer === 'string' ? { text: answer } : answer;
  const toolCalls = (parts.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${index + 1}_${i + 1}`,
    name: call.name,
    arguments: call.arguments,
  }));
  // A provider's structured output arrives as JSON text too.
  const text = parts.text ?? (parts.output === undefined ? '' : JSON.stringify(parts.output));
  return {
    text,
    toolCalls,
    ...(parts.output === undefined ? {} : { output: parts.output }),
    finishReason: parts.finishReason ?? {
      unified: toolCalls.length > 0 ? 'tool-calls' : 'stop',
      raw: undefined,
    },
    usage: {
      inputTokens: parts.usage?.inputTokens ?? 10,
      outputTokens: parts.usage?.outputTokens ?? Math.max(1, Math.ceil(text.length / 4)),
      cachedInputTokens: parts.usage?.cachedInputTokens ?? 0,
    },
    warnings: [],
  };
}

async function* streamOf(
  response: ModelResponse,
  chunkSize: number,
  signal: AbortSignal | undefined,
): AsyncIterable<ModelStreamEvent> {
  const { text, toolCalls, usage, finishReason, warnings } = response;
  for (let i = 0; i < text.length; i += chunkSize) {
    signal?.throwIfAborted();
    yield { type: 'text-delta', delta: text.slice(i, i + chunkSize) };
  }
  for (const call of toolCalls) {
    signal?.throwIfAborted();
    yield { type: 'tool-call-start', id: call.id, name: call.name };
    yield { type: 'tool-call-delta', id: call.id, delta: JSON.stringify(call.arguments ?? {}) };
    yield { type: 'tool-call-end', toolCall: call };
  }
  yield { type: 'usage', usage };
  yield { type: 'finish', finishReason, warnings };
}
