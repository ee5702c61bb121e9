import type OpenAI from 'openai';
import type {
  Response,
  ResponseStreamEvent,
  ResponseUsage,
} from 'openai/resources/responses/responses';
import { applySettings } from '../../core/call-settings.ts';
import { ProviderError } from '../../core/errors.ts';
import type {
  FinishReason,
  LanguageModel,
  ModelRequest,
  ModelResponse,
  ModelStreamEvent,
  ModelWarning,
  ToolCall,
  Usage,
} from '../../core/language-model.ts';
import { type ModelDefaultsOptions, modelDefaults } from '../model-defaults.ts';
import { parseArguments, parseOutput } from '../parse-arguments.ts';
import {
  callWithRetry,
  openStreamWithRetry,
  streamEndedEarly,
  streamFailure,
} from '../provider-call.ts';
import type { RetryOptions } from '../retry.ts';
import { toResponsesBody } from './responses-request.ts';

/** The part of the OpenAI client the Responses model uses. */
export type ResponsesClient = Pick<OpenAI, 'responses'>;

/** Options of {@link openaiResponsesModel}. */
export interface OpenAIResponsesModelOptions extends ModelDefaultsOptions {
  readonly model: string;
  readonly retry?: RetryOptions;
}

/** A {@link LanguageModel} over OpenAI's Responses API (stateless: `store: false`). */
export function openaiResponsesModel(
  client: ResponsesClient,
  options: OpenAIResponsesModelOptions,
): LanguageModel {
  const { model, retry } = options;
  const settings = modelDefaults('openai', options);
  return {
    provider: 'openai',
    modelId: model,
    ...(settings ? { settings } : {}),
    async generate(given) {
      const request = applySettings(given, settings);
      const { body, warnings } = toResponsesBody(request, model);
      const response = await callWithRetry(request, retry, (signal) =>
        client.responses.create({ ...body, stream: false }, { signal, maxRetries: 0 }),
      );
      return fromResponse(response, request, warnings);
    },
    stream(request) {
      return streamResponses(client, model, applySettings(request, settings), retry);
    },
  };
}

function toUsage(raw: ResponseUsage | null | undefined): Usage {
  return {
    inputTokens: raw?.input_tokens ?? 0,
    outputTokens: raw?.output_tokens ?? 0,
    cachedInputTokens: raw?.input_tokens_details?.cached_tokens ?? 0,
    raw: raw ?? undefined,
  };
}

function toFinishReason(
  response: Pick<Response, 'status' | 'incomplete_details'>,
  calls: number,
): FinishReason {
  const reason = response.incomplete_details?.reason;
  if (response.status === 'incomplete') {
    return {
      unified:
        reason === 'max_output_tokens'
          ? 'length'
          : reason === 'content_filter'
            ? 'content-filter'
            : 'other',
      raw: reason ?? 'incomplete',
    };
  }
  if (response.status === 'failed') return { unified: 'error', raw: 'failed' };
  return { unified: calls > 0 ? 'tool-calls' : 'stop', raw: response.status ?? undefined };
}

/** A failed response is an error, not an empty answer. */
function failure(response: Pick<Response, 'status' | 'error'>): ProviderError | undefined {
  if (response.status !== 'failed') return undefined;
  const code = response.error?.code ?? 'failed';
  return new ProviderError(`The response failed: ${response.error?.message ?? code}`, {
    isRetryable: code === 'server_error' || code === 'rate_limit_exceeded',
  });
}

function fromResponse(
  response: Response,
  request: ModelRequest,
  warnings: ModelWarning[],
): ModelResponse {
  const failed = failure(response);
  if (failed !== undefined) throw failed;
  let text = '';
  const toolCalls: ToolCall[] = [];
  for (const item of response.output ?? []) {
    if (item.type === 'message') {
      for (const part of item.content) if (part.type === 'output_text') text += part.text;
    } else if (item.type === 'function_call') {
      toolCalls.push({
        id: item.call_id,
        name: item.name,
        arguments: parseArguments(item.arguments),
      });
    }
  }
  return {
    text,
    toolCalls,
    ...(request.output === undefined ? {} : { output: parseOutput(text) }),
    finishReason: toFinishReason(response, toolCalls.length),
    usage: toUsage(response.usage),
    warnings,
    response: { id: response.id, modelId: response.model },
  };
}

async function* streamResponses(
  client: ResponsesClient,
  model: string,
  request: ModelRequest,
  retry: RetryOptions | undefined,
): AsyncIterable<ModelStreamEvent> {
  const { body, warnings } = toResponsesBody(request, model);
  const { value: stream, release } = await openStreamWithRetry(request, retry, (signal) =>
    client.responses.create({ ...body, stream: true }, { signal, maxRetries: 0 }),
  );
  /** Function calls by item id (deltas name the item, not the call). */
  const calls = new Map<string, { id: string; name: string; json: string }>();
  let final: Response | undefined;
  let ended = 0;
  try {
    for await (const event of stream as AsyncIterable<ResponseStreamEvent>) {
      if (event.type === 'response.output_text.delta')
        yield { type: 'text-delta', delta: event.delta };
      else if (event.type === 'response.output_item.added' && event.item.type === 'function_call') {
        const call = { id: event.item.call_id, name: event.item.name, json: '' };
        calls.set(event.item.id ?? event.item.call_id, call);
        yield { type: 'tool-call-start', id: call.id, name: call.name };
      } else if (event.type === 'response.function_call_arguments.delta') {
        const call = calls.get(event.item_id);
        if (call !== undefined) {
          call.json += event.delta;
          yield { type: 'tool-call-delta', id: call.id, delta: event.delta };
        }
      } else if (
        event.type === 'response.output_item.done' &&
        event.item.type === 'function_call'
      ) {
        const call = calls.get(event.item.id ?? event.item.call_id);
        const json = event.item.arguments ?? call?.json ?? '';
        ended += 1;
        yield {
          type: 'tool-call-end',
          toolCall: {
            id: event.item.call_id,
            name: event.item.name,
            arguments: parseArguments(json),
          },
        };
      } else if (
        event.type === 'response.completed' ||
        event.type === 'response.incomplete' ||
        event.type === 'response.failed'
      ) {
        final = event.response;
      } else if (event.type === 'error') {
        throw new ProviderError(`The stream reported an error: ${event.message}`, {
          isRetryable: false,
        });
      }
    }
  } catch (error) {
    throw streamFailure(error, request);
  } finally {
    release();
  }
  // The SDKs end an aborted stream quietly; an abort must still reject with its reason.
  request.signal?.throwIfAborted();
  const failed = final === undefined ? undefined : failure(final);
  if (failed !== undefined) throw failed;
  if (final === undefined) {
    throw streamEndedEarly();
  }
  yield { type: 'usage', usage: toUsage(final.usage) };
  yield {
    type: 'finish',
    finishReason: toFinishReason(final, ended),
    warnings,
    response: { id: final.id, modelId: final.model },
  };
}
