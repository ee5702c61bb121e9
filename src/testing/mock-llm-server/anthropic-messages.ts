import type { Answer } from './answer.ts';
import { chunk } from './answer.ts';
import type { ApiFormat, SseEvent } from './api-format.ts';
import { randomAlphanumeric, stableAlphanumeric } from './ids.ts';
import { asArray, asRecord, textOf } from './mock-request.ts';

const STOP_REASONS = { stop: 'end_turn', tool_calls: 'tool_use', length: 'max_tokens' } as const;

/**
 * Anthropic Messages, `POST /v1/messages`: a `message` object, or named events `message_start`,
 * then per content block `content_block_start`, `content_block_delta` (`text_delta`,
 * `input_json_delta`) and `content_block_stop`, then `message_delta` (stop reason, usage) and
 * `message_stop`. Text comes first, then one `tool_use` block per tool call.
 */
export const anthropicMessages: ApiFormat = {
  api: 'messages',
  path: '/v1/messages',
  requestIdHeader: 'request-id',
  newRequestId: () => `req_011C${randomAlphanumeric(22)}`,
  toolCallId: (seed) => `toolu_01${stableAlphanumeric(seed, 22)}`,

  read(body) {
    const messages = asArray(body.messages).map(asRecord);
    const system = [
      textOf(body.system),
      ...messages.filter((m) => m.role === 'system').map((m) => textOf(m.content)),
    ];
    return {
      model: typeof body.model === 'string' ? body.model : '',
      system: system.filter((text) => text !== '').join('\n'),
      lastMessage: textOf(messages.at(-1)?.content),
      tools: asArray(body.tools).map((tool) => {
        const { name, type } = asRecord(tool);
        return String(name ?? type ?? '');
      }),
      stream: body.stream === true,
    };
  },

  respond(answer) {
    return {
      ...messageStart(answer),
      content: blocksOf(answer).map(({ block, input }) =>
        block.type === 'tool_use' ? { ...block, input } : block,
      ),
      stop_reason: STOP_REASONS[answer.finishReason],
      usage: { ...usageOf(answer), output_tokens: answer.usage.outputTokens },
    };
  },

  stream(answer, _request, chunkSize) {
    const events: Record<string, unknown>[] = [
      { type: 'message_start', message: messageStart(answer) },
    ];
    blocksOf(answer).forEach(({ block, json }, index) => {
      const contentBlock = block.type === 'text' ? { ...block, text: '' } : block;
      events.push({ type: 'content_block_start', index, content_block: contentBlock });
      const deltas =
        block.type === 'text'
          ? chunk(String(block.text), chunkSize).map((text) => ({ type: 'text_delta', text }))
          : // The API opens every tool input with an empty partial_json.
            ['', ...chunk(json, chunkSize)].map((partial_json) => ({
              type: 'input_json_delta',
              partial_json,
            }));
      for (const delta of deltas) events.push({ type: 'content_block_delta', index, delta });
      events.push({ type: 'content_block_stop', index });
    });
    const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens } = usageOf(answer);
    events.push({
      type: 'message_delta',
      delta: {
        stop_reason: STOP_REASONS[answer.finishReason],
        stop_sequence: null,
        stop_details: null,
        container: null,
      },
      usage: {
        input_tokens,
        cache_creation_input_tokens,
        cache_read_input_tokens,
        output_tokens: answer.usage.outputTokens,
        server_tool_use: null,
      },
    });
    events.push({ type: 'message_stop' });
    return events.map(
      (event): SseEvent => ({
        event: String(event.type),
        data: JSON.stringify(event),
      }),
    );
  },

  error(status, message, requestId) {
    return { type: 'error', error: { type: errorType(status), message }, request_id: requestId };
  },
};

/** The message as `message_start` shows it: no content, no stop reason, output tokens so far. */
function messageStart(answer: Answer) {
  return {
    id: `msg_01${randomAlphanumeric(22)}`,
    type: 'message',
    role: 'assistant',
    model: answer.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: { ...usageOf(answer), output_tokens: Math.min(1, answer.usage.outputTokens) },
  };
}

/** The content blocks: the text (when any, or when nothing else), then the tool uses. */
function blocksOf(answer: Answer) {
  const blocks: { block: Record<string, unknown>; input?: unknown; json: string }[] = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) {
    blocks.push({ block: { type: 'text', text: answer.text, citations: null }, json: '' });
  }
  for (const call of answer.toolCalls) {
    blocks.push({
      block: {
        type: 'tool_use',
        id: call.id,
        name: call.name,
        input: {},
        caller: { type: 'direct' },
      },
      input: call.input,
      json: call.arguments,
    });
  }
  return blocks;
}

/** Anthropic counts cache reads apart: `input_tokens` excludes them. */
function usageOf({ usage }: Answer) {
  return {
    input_tokens: usage.inputTokens - usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: usage.cachedInputTokens,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    server_tool_use: null,
    service_tier: 'standard',
  };
}

function errorType(status: number): string {
  const known: Readonly<Record<number, string>> = {
    400: 'invalid_request_error',
    401: 'authentication_error',
    402: 'billing_error',
    403: 'permission_error',
    404: 'not_found_error',
    413: 'request_too_large',
    429: 'rate_limit_error',
    504: 'timeout_error',
    529: 'overloaded_error',
  };
  return known[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}
