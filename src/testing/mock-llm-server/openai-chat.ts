import type { Answer } from './answer.ts';
import { chunk } from './answer.ts';
import type { ApiFormat, SseEvent } from './api-format.ts';
import { randomAlphanumeric, randomHex, stableAlphanumeric } from './ids.ts';
import { asArray, asRecord, textOf } from './mock-request.ts';
import { openaiError, openaiRequestId } from './openai-errors.ts';

/**
 * OpenAI Chat Completions, `POST /v1/chat/completions`: a `chat.completion` object, or
 * `chat.completion.chunk` events (`data:` lines only) ending with `data: [DONE]`, the usage
 * chunk (empty `choices`) before it when `stream_options.include_usage` is set.
 */
export const openaiChat: ApiFormat = {
  api: 'chat',
  path: '/v1/chat/completions',
  requestIdHeader: 'x-request-id',
  newRequestId: openaiRequestId,
  toolCallId: (seed) => `call_${stableAlphanumeric(seed, 24)}`,

  read(body) {
    const messages = asArray(body.messages).map(asRecord);
    return {
      model: typeof body.model === 'string' ? body.model : '',
      system: messages
        .filter((m) => m.role === 'system' || m.role === 'developer')
        .map((m) => textOf(m.content))
        .join('\n'),
      lastMessage: textOf(messages.at(-1)?.content),
      tools: asArray(body.tools).map((tool) => {
        const { type, function: fn, custom } = asRecord(tool);
        return String(asRecord(fn).name ?? asRecord(custom).name ?? type ?? '');
      }),
      stream: body.stream === true,
    };
  },

  respond(answer) {
    const toolCalls = answer.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
    return {
      ...envelope(answer, 'chat.completion', `chatcmpl-${randomAlphanumeric(29)}`),
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: answer.text === '' && toolCalls.length > 0 ? null : answer.text,
            refusal: null,
            annotations: [],
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          },
          logprobs: null,
          finish_reason: answer.finishReason,
        },
      ],
      usage: usageOf(answer),
    };
  },

  stream(answer, request, chunkSize) {
    const includeUsage = asRecord(request.body.stream_options).include_usage === true;
    const base = {
      ...envelope(answer, 'chat.completion.chunk', `chatcmpl-${randomAlphanumeric(29)}`),
      ...(includeUsage ? { usage: null } : {}),
    };
    const event = (fields: Record<string, unknown>): SseEvent => ({
      data: JSON.stringify({ ...base, ...fields }),
    });
    const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    });
    return [
      ...deltas(answer, chunkSize).map((delta) => event(choice(delta))),
      event(choice({}, answer.finishReason)),
      ...(includeUsage ? [event({ choices: [], usage: usageOf(answer) })] : []),
      { data: '[DONE]' },
    ];
  },

  error: (status, message) => openaiError(status, message),
};

/** The deltas of the one choice: the role first, then text pieces, then each tool call's pieces. */
function deltas(answer: Answer, chunkSize: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) {
    out.push({ role: 'assistant', content: '', refusal: null });
    for (const piece of chunk(answer.text, chunkSize)) out.push({ content: piece });
  }
  answer.toolCalls.forEach((call, index) => {
    const start = {
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ],
    };
    // As the API does, a tool call that opens the answer shares the chunk carrying the role.
    out.push(
      out.length === 0 ? { role: 'assistant', content: null, ...start, refusal: null } : start,
    );
    for (const piece of chunk(call.arguments, chunkSize)) {
      out.push({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  });
  return out;
}

function envelope(answer: Answer, object: string, id: string) {
  return {
    id,
    object,
    created: answer.created,
    model: answer.model,
    service_tier: 'default',
    system_fingerprint: `fp_${randomHex(10)}`,
  };
}

function usageOf({ usage }: Answer) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
