import type Anthropic from '@anthropic-ai/sdk';
import type {
  Usage as AnthropicUsage,
  Message,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { applySettings } from '../../core/call-settings.ts';
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
import { parseArguments } from '../parse-arguments.ts';
import {
  callWithRetry,
  openStreamWithRetry,
  streamEndedEarly,
  streamFailure,
} from '../provider-call.ts';
import type { RetryOptions } from '../retry.ts';
import { toMessagesBody } from './messages-request.ts';

/** The part of the Anthropic client the Messages model uses. */
export type MessagesClient = Pick<Anthropic, 'messages'>;

/** Options of `anthropicModel`. */
export interface AnthropicModelOptions extends ModelDefaultsOptions {
  /** The model id, e.g. `claude-sonnet-4-6`. */
  readonly model: string;
  /** tierup's retry policy for this model's calls; the client's own retries are switched off. */
  readonly retry?: RetryOptions;
}

/** A {@link LanguageModel} over Anthropic's Messages API, parallel `tool_use` blocks included. */
export function anthropicMessagesModel(
  client: MessagesClient,
  options: AnthropicModelOptions,
): LanguageModel {
  const { model, retry } = options;
  const settings = modelDefaults('anthropic', options);
  return {
    provider: 'anthropic',
    modelId: model,
    ...(settings ? { settings } : {}),
    async generate(given) {
      const request = applySettings(given, settings);
      const { body, warnings } = toMessagesBody(request, model);
      const message = await callWithRetry(request, retry, (signal) =>
        client.messages.create({ ...body, stream: false }, { signal, maxRetries: 0 }),
      );
      return fromMessage(message, request, warnings);
    },
    stream(request) {
      return streamMessages(client, model, applySettings(request, settings), retry);
    },
  };
}

function toFinishReason(raw: string | null | undefined): FinishReason {
  const unified =
    raw === 'end_turn' || raw === 'stop_sequence'
      ? 'stop'
      : raw === 'max_tokens'
        ? 'length'
        : raw === 'tool_use'
          ? 'tool-calls'
          : raw === 'refusal'
            ? 'content-filter'
            : 'other';
  return { unified, raw: raw ?? undefined };
}

function toUsage(raw: Partial<AnthropicUsage> | null | undefined): Usage {
  const cached = raw?.cache_read_input_tokens ?? 0;
  return {
    // Anthropic counts cache reads apart from input_tokens; tierup's input includes them.
    inputTokens: (raw?.input_tokens ?? 0) + cached + (raw?.cache_creation_input_tokens ?? 0),
    outputTokens: raw?.output_tokens ?? 0,
    cachedInputTokens: cached,
    raw: raw ?? undefined,
  };
}

function fromMessage(
  message: Message,
  request: ModelRequest,
  warnings: ModelWarning[],
): ModelResponse {
  let text = '';
  const toolCalls: ToolCall[] = [];
  let output: unknown;
  for (const block of message.content ?? []) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'tool_use') {
      if (request.output !== undefined && block.name === request.output.name) output = block.input;
      else toolCalls.push({ id: block.id, name: block.name, arguments: block.input });
    }
  }
  return {
    text,
    toolCalls,
    ...(request.output === undefined ? {} : { output }),
    finishReason: toFinishReason(message.stop_reason),
    usage: toUsage(message.usage),
    warnings,
    response: { id: message.id, modelId: message.model },
  };
}

async function* streamMessages(
  client: MessagesClient,
  model: string,
  request: ModelRequest,
  retry: RetryOptions | undefined,
): AsyncIterable<ModelStreamEvent> {
  const { body, warnings } = toMessagesBody(request, model);
  const { value: stream, release } = await openStreamWithRetry(request, retry, (signal) =>
    client.messages.create({ ...body, stream: true }, { signal, maxRetries: 0 }),
  );
  const blocks = new Map<number, { id: string; name: string; json: string }>();
  let usage: Partial<AnthropicUsage> = {};
  let stopReason: string | null | undefined;
  let stopped = false;
  let response: { id?: string; modelId?: string } = {};
  try {
    for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
      if (event.type === 'message_start') {
        usage = { ...event.message.usage };
        response = { id: event.message.id, modelId: event.message.model };
      } else if (
        event.type === 'content_block_start' &&
        event.content_block.type === 'tool_use' &&
        event.content_block.name !== request.output?.name
      ) {
        const { id, name } = event.content_block;
        blocks.set(event.index, { id, name, json: '' });
        yield { type: 'tool-call-start', id, name };
      } else if (event.type === 'content_block_delta') {
        if (event.delta.type === 'text_delta')
          yield { type: 'text-delta', delta: event.delta.text };
        else if (event.delta.type === 'input_json_delta') {
          const block = blocks.get(event.index);
          if (block !== undefined) {
            block.json += event.delta.partial_json;
            yield { type: 'tool-call-delta', id: block.id, delta: event.delta.partial_json };
          }
        }
      } else if (event.type === 'content_block_stop') {
        const block = blocks.get(event.index);
        if (block !== undefined) {
          yield {
            type: 'tool-call-end',
            toolCall: { id: block.id, name: block.name, arguments: parseArguments(block.json) },
          };
        }
      } else if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason;
        usage = { ...usage, ...withoutNulls(event.usage) };
      } else if (event.type === 'message_stop') stopped = true;
    }
  } catch (error) {
    throw streamFailure(error, request);
  } finally {
    release();
  }
  // The SDKs end an aborted stream quietly; an abort must still reject with its reason.
  request.signal?.throwIfAborted();
  if (!stopped) {
    throw streamEndedEarly();
  }
  yield { type: 'usage', usage: toUsage(usage) };
  yield { type: 'finish', finishReason: toFinishReason(stopReason), warnings, response };
}

/** The fields of a partial usage update that carry a value. */
function withoutNulls(update: object): Partial<AnthropicUsage> {
  return Object.fromEntries(
    Object.entries(update).filter(([, v]) => v !== null && v !== undefined),
  );
}
