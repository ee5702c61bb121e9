import type { Answer } from './answer.ts';
import { chunk } from './answer.ts';
import type { ApiFormat, SseEvent } from './api-format.ts';
import { randomHex, stableAlphanumeric } from './ids.ts';
import { asArray, asRecord, type MockRequest, textOf } from './mock-request.ts';
import { openaiError, openaiRequestId } from './openai-errors.ts';

type Item = Record<string, unknown> & { readonly type: string; readonly id: string };

/**
 * OpenAI Responses, `POST /v1/responses`: a `response` object, or named events
 * (`event: response.created` ...) with increasing `sequence_number`s. A `length` finish gives a
 * response with status `incomplete` and `incomplete_details.reason` `max_output_tokens`.
 */
export const openaiResponses: ApiFormat = {
  api: 'responses',
  path: '/v1/responses',
  requestIdHeader: 'x-request-id',
  newRequestId: openaiRequestId,
  toolCallId: (seed) => `call_${stableAlphanumeric(seed, 24)}`,

  read(body) {
    const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : [];
    const items = [...input, ...asArray(body.input).map(asRecord)];
    const system = items
      .filter((item) => item.role === 'system' || item.role === 'developer')
      .map((item) => textOf(item.content));
    const last = asRecord(items.at(-1));
    return {
      model: typeof body.model === 'string' ? body.model : '',
      system: [typeof body.instructions === 'string' ? body.instructions : '', ...system]
        .filter((text) => text !== '')
        .join('\n'),
      lastMessage: textOf(last.content ?? last.output),
      tools: asArray(body.tools).map((tool) => {
        const { name, type } = asRecord(tool);
        return String(name ?? type ?? '');
      }),
      stream: body.stream === true,
    };
  },

  respond(answer, request) {
    const status = statusOf(answer);
    const output = outputItems(answer).map((item) => finished(item, status));
    return responseObject(answer, request, `resp_${randomHex(50)}`, status, output, true);
  },

  stream(answer, request, chunkSize) {
    const id = `resp_${randomHex(50)}`;
    const status = statusOf(answer);
    const events: Record<string, unknown>[] = [];
    const opened = responseObject(answer, request, id, 'in_progress', [], false);
    events.push({ type: 'response.created', response: opened });
    events.push({ type: 'response.in_progress', response: opened });
    const items = outputItems(answer);
    items.forEach((item, outputIndex) => {
      events.push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: started(item),
      });
      const at = { item_id: item.id, output_index: outputIndex };
      if (item.type === 'message') {
        const text = (asArray(item.content)[0] as { text: string } | undefined)?.text ?? '';
        const part = { type: 'output_text', annotations: [], logprobs: [], text: '' };
        const inPart = { ...at, content_index: 0 };
        events.push({ type: 'response.content_part.added', ...inPart, part });
        for (const delta of chunk(text, chunkSize)) {
          events.push({ type: 'response.output_text.delta', ...inPart, delta, logprobs: [] });
        }
        events.push({ type: 'response.output_text.done', ...inPart, text, logprobs: [] });
        events.push({ type: 'response.content_part.done', ...inPart, part: { ...part, text } });
      } else {
        const args = String(item.arguments);
        for (const delta of chunk(args, chunkSize)) {
          events.push({ type: 'response.function_call_arguments.delta', ...at, delta });
        }
        events.push({ type: 'response.function_call_arguments.done', ...at, arguments: args });
      }
      const done = finished(item, status);
      events.push({ type: 'response.output_item.done', output_index: outputIndex, item: done });
    });
    const output = items.map((item) => finished(item, status));
    const final = responseObject(answer, request, id, status, output, true);
    events.push({
      type: status === 'incomplete' ? 'response.incomplete' : 'response.completed',
      response: final,
    });
    return events.map(
      (event, sequence): SseEvent => ({
        event: String(event.type),
        data: JSON.stringify({ ...event, sequence_number: sequence }),
      }),
    );
  },

  error: (status, message) => openaiError(status, message),
};

function statusOf(answer: Answer): 'completed' | 'incomplete' {
  return answer.finishReason === 'length' ? 'incomplete' : 'completed';
}

/** The output items, their content complete; `finished` and `started` set their status. */
function outputItems(answer: Answer): Item[] {
  const items: Item[] = [];
  if (answer.text !== '' || answer.toolCalls.length === 0) {
    items.push({
      id: `msg_${randomHex(50)}`,
      type: 'message',
      status: 'in_progress',
      role: 'assistant',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: answer.text }],
    });
  }
  for (const call of answer.toolCalls) {
    items.push({
      id: `fc_${randomHex(50)}`,
      type: 'function_call',
      status: 'in_progress',
      arguments: call.arguments,
      call_id: call.id,
      name: call.name,
    });
  }
  return items;
}

/** An item as `response.output_item.added` shows it: in progress, with no content yet. */
function started(item: Item): Item {
  const empty = item.type === 'message' ? { content: [] } : { arguments: '' };
  return { ...item, status: 'in_progress', ...empty };
}

/** An item as `response.output_item.done` and the final response show it. */
function finished(item: Item, status: 'completed' | 'incomplete'): Item {
  return { ...item, status };
}

function responseObject(
  answer: Answer,
  request: MockRequest,
  id: string,
  status: 'in_progress' | 'completed' | 'incomplete',
  output: readonly Item[],
  withUsage: boolean,
) {
  const body = request.body;
  const { inputTokens, outputTokens, cachedInputTokens } = answer.usage;
  return {
    id,
    object: 'response',
    created_at: answer.created,
    status,
    background: false,
    completed_at: status === 'in_progress' ? null : answer.created,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    model: answer.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? 'disabled',
    usage: withUsage
      ? {
          input_tokens: inputTokens,
          input_tokens_details: { cached_tokens: cachedInputTokens, cache_write_tokens: 0 },
          output_tokens: outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: inputTokens + outputTokens,
        }
      : null,
    user: null,
    metadata: body.metadata ?? {},
  };
}
