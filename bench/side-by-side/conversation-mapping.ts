// Scenario 5's microscope: the one piece of tierup's per-step work that grows with the
// conversation. Every model call maps the whole provider-neutral conversation to the API's shape
// (toChatBody / toResponsesBody) before the SDK serializes it; the serialization is what the API
// itself needs, the mapping is what tierup adds. Timed in this process at three lengths.
import type { ModelMessage, ModelRequest } from '../../src/index.ts';
import { toChatBody } from '../../src/providers/openai/chat-request.ts';
import { toResponsesBody } from '../../src/providers/openai/responses-request.ts';
import { MODEL, ORDER_TOOL, orderId, orderStatus } from './fixtures.ts';
import { round3 } from './measure.ts';

export interface MappingRow {
  readonly messages: number;
  /** µs per call, the fastest of 30 rounds. */
  readonly toChatBodyUs: number;
  readonly toResponsesBodyUs: number;
  /** JSON.stringify of the Chat Completions body: what the SDK does with it anyway. */
  readonly serializeUs: number;
}

function conversation(toolCalls: number): ModelMessage[] {
  const messages: ModelMessage[] = [{ role: 'user', content: 'Look up my orders one at a time.' }];
  for (let i = 0; i < toolCalls; i++) {
    const id = `call_${String(i).padStart(24, '0')}`;
    messages.push({
      role: 'assistant',
      content: '',
      toolCalls: [{ id, name: ORDER_TOOL.name, arguments: { orderId: orderId(i) } }],
    });
    messages.push({
      role: 'tool',
      toolCallId: id,
      toolName: ORDER_TOOL.name,
      content: orderStatus(orderId(i)),
    });
  }
  return messages;
}

/** The fastest of 30 timed rounds (after 5 untimed), µs per call: the least disturbed by GC. */
const timeUs = (work: () => unknown, reps: number): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 35; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) work();
    if (round >= 5) best = Math.min(best, ((performance.now() - start) / reps) * 1000);
  }
  return round3(best);
};

/** Times the mapping and the serialization at 10, 100 and 1,000 tool calls. */
export function measureMapping(): MappingRow[] {
  return [10, 100, 1_000].map((toolCalls) => {
    const request: ModelRequest = {
      system: 'You are the assistant of an online shop.',
      messages: conversation(toolCalls),
      tools: [
        {
          ...ORDER_TOOL,
          inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } },
        },
      ],
      toolChoice: 'auto',
    };
    const reps = Math.max(20, Math.round(20_000 / toolCalls));
    const body = toChatBody(request, MODEL);
    return {
      messages: request.messages.length,
      toChatBodyUs: timeUs(() => toChatBody(request, MODEL), reps),
      toResponsesBodyUs: timeUs(() => toResponsesBody(request, MODEL), reps),
      serializeUs: timeUs(() => JSON.stringify(body), reps),
    };
  });
}
