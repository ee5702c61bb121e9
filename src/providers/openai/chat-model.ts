import type OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { applySettings } from '../../core/call-settings.ts';
import type {
  LanguageModel,
  ModelRequest,
  ModelStreamEvent,
  ToolCall,
} from '../../core/language-model.ts';
import { type ModelDefaultsOptions, modelDefaults } from '../model-defaults.ts';
import { parseArguments } from '../parse-arguments.ts';
import {
  callWithRetry,
  openStreamWithRetry,
  streamEndedEarly,
  streamFailure,
} from '../provider-call.ts';
import type { RetryOptions } from '../retry.ts';
import { toChatBody } from './chat-request.ts';
import { fromChatCompletion, toFinishReason, toUsage } from './chat-response.ts';

/** The part of the OpenAI client the Chat Completions model uses. */
export type ChatClient = Pick<OpenAI, 'chat'>;

/** Options of {@link openaiChatModel}. */
export interface OpenAIChatModelOptions extends ModelDefaultsOptions {
  /** The model id, e.g. `gpt-4.1-mini`, or a local server's model name. */
  readonly model: string;
  /** tierup's retry policy for this model's calls; the client's own retries are switched off. */
  readonly retry?: RetryOptions;
}

/**
 * A {@link LanguageModel} over OpenAI's Chat Completions API, which OpenAI-compatible servers
 * (vLLM, Ollama, LM Studio) also speak: point the client's `baseURL` there.
 */
export function openaiChatModel(
  client: ChatClient,
  options: OpenAIChatModelOptions,
): LanguageModel {
  const { model, retry } = options;
  const settings = modelDefaults('openai', options);
  return {
    provider: 'openai',
    modelId: model,
    ...(settings ? { settings } : {}),
    async generate(given) {
      const request = applySettings(given, settings);
      const body = toChatBody(request, model);
      const completion = await callWithRetry(request, retry, (signal) =>
        client.chat.completions.create({ ...body, stream: false }, { signal, maxRetries: 0 }),
      );
      return fromChatCompletion(completion, request.output !== undefined);
    },
    stream(request) {
      return streamChat(client, model, applySettings(request, settings), retry);
    },
  };
}

async function* streamChat(
  client: ChatClient,
  model: string,
  request: ModelRequest,
  retry: RetryOptions | undefined,
): AsyncIterable<ModelStreamEvent> {
  const body = toChatBody(request, model);
  // Retries cover opening the stream; a stream that breaks midway is an error, not a retry.
  const { value: stream, release } = await openStreamWithRetry(request, retry, (signal) =>
    client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal, maxRetries: 0 },
    ),
  );
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  let finishReason: string | null | undefined;
  let response: { id?: string; modelId?: string } = {};
  try {
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
      if (response.id === undefined && chunk.id) response = { id: chunk.id, modelId: chunk.model };
      const choice = chunk.choices?.[0];
      const delta = choice?.delta;
      if (delta?.content) yield { type: 'text-delta', delta: delta.content };
      for (const part of delta?.tool_calls ?? []) {
        let call = calls.get(part.index);
        if (call === undefined) {
          call = {
            id: part.id ?? `call_${part.index}`,
            name: part.function?.name ?? '',
            arguments: '',
          };
          calls.set(part.index, call);
          yield { type: 'tool-call-start', id: call.id, name: call.name };
        }
        const piece = part.function?.arguments ?? '';
        if (piece !== '') {
          call.arguments += piece;
          yield { type: 'tool-call-delta', id: call.id, delta: piece };
        }
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (chunk.usage) yield { type: 'usage', usage: toUsage(chunk.usage) };
    }
  } catch (error) {
    throw streamFailure(error, request);
  } finally {
    release();
  }
  // The SDKs end an aborted stream quietly; an abort must still reject with its reason.
  request.signal?.throwIfAborted();
  if (finishReason === undefined) {
    throw streamEndedEarly();
  }
  for (const call of calls.values()) {
    const toolCall: ToolCall = {
      id: call.id,
      name: call.name,
      arguments: parseArguments(call.arguments),
    };
    yield { type: 'tool-call-end', toolCall };
  }
  yield { type: 'finish', finishReason: toFinishReason(finishReason), warnings: [], response };
}
