// The scripted model of each scenario, as mock server rules. Replies depend only on what the
// request carries (how many tool results, which system prompt, which tools), never on who sent it,
// so every contender gets the same replies in the same order. Each reply first checks what the
// contender sent back: a tool result that is not the expected one, or a synthesis that lacks a
// specialist's result, gets a MISMATCH answer, which fails the run's output check.
import type { MockReply, MockRequest, MockRule } from '../../src/testing/index.ts';
import {
  agentAnswer,
  FAN_OUT_PLAN,
  ORDER_TOOL,
  orderId,
  orderStatus,
  REGIONS,
  REPORT,
  SUMMARY,
  specialistAnswer,
  subtaskText,
  USAGE,
} from './fixtures.ts';

/** Which scripted model a mock server process plays. */
export type MockConfig =
  | { readonly kind: 'direct'; readonly delayMs: number }
  | { readonly kind: 'agent'; readonly steps: number; readonly delayMs: number }
  | { readonly kind: 'fan-out'; readonly specialistDelayMs: number };

/** The rules of one scripted model. */
export function mockRules(config: MockConfig): MockRule[] {
  if (config.kind === 'direct') {
    return [{ reply: { text: SUMMARY, usage: USAGE, delayMs: config.delayMs } }];
  }
  if (config.kind === 'agent') return [{ reply: (request) => agentReply(request, config) }];
  return fanOutRules(config.specialistDelayMs);
}

/** Tool call `k` (from 0) after `k` tool results, or the answer after `steps - 1` of them. */
function agentReply(request: MockRequest, config: { steps: number; delayMs: number }): MockReply {
  const outputs = toolOutputs(request);
  const k = outputs.length;
  const base = { usage: USAGE, delayMs: config.delayMs };
  if (k > 0 && outputs[k - 1] !== orderStatus(orderId(k - 1))) {
    return { ...base, text: mismatch(`tool result ${k}`, outputs[k - 1]) };
  }
  if (k < config.steps - 1) {
    return {
      ...base,
      toolCalls: [{ name: ORDER_TOOL.name, arguments: { orderId: orderId(k) } }],
    };
  }
  return { ...base, text: agentAnswer(config.steps) };
}

function fanOutRules(specialistDelayMs: number): MockRule[] {
  const checkedReport = (results: readonly string[]): MockReply => {
    const missing = REGIONS.findIndex(
      (_, i) => !results.some((r) => r.includes(specialistAnswer(i))),
    );
    return {
      usage: USAGE,
      text: missing < 0 ? REPORT : mismatch(`result of ${REGIONS[missing]}`, ''),
    };
  };
  return [
    // tierup's manager: the plan (structured output), then the synthesis.
    {
      match: { system: 'Plan the request' },
      reply: { text: JSON.stringify(FAN_OUT_PLAN), usage: USAGE },
    },
    {
      match: { system: 'Write the final answer' },
      reply: (request) => checkedReport([request.lastMessage]),
    },
    // Every contender's specialists: one answer each, after the specialist delay.
    {
      match: { system: /You are the region\d specialist/ },
      reply: (request) => {
        const i = Number(/You are the region(\d)/.exec(request.system)?.[1]) - 1;
        const asked = request.lastMessage.includes(subtaskText(i));
        return {
          usage: USAGE,
          delayMs: specialistDelayMs,
          text: asked
            ? specialistAnswer(i)
            : mismatch(`subtask of region${i + 1}`, request.lastMessage),
        };
      },
    },
    // The peers' and the hand-written manager: 8 agents-as-tools in one turn, then the report.
    {
      match: { tools: REGIONS },
      reply: (request) => {
        const outputs = toolOutputs(request);
        if (outputs.length === 0) {
          return {
            usage: USAGE,
            toolCalls: REGIONS.map((name, i) => ({ name, arguments: { input: subtaskText(i) } })),
          };
        }
        return checkedReport(outputs);
      },
    },
  ];
}

/** The tool results a request carries, in order: Chat `tool` messages, Responses outputs. */
export function toolOutputs(request: MockRequest): string[] {
  const items = (request.body.messages ?? request.body.input) as unknown;
  if (!Array.isArray(items)) return [];
  const out: string[] = [];
  for (const item of items as Record<string, unknown>[]) {
    if (item.role === 'tool') out.push(textOf(item.content));
    else if (item.type === 'function_call_output') out.push(textOf(item.output));
  }
  return out;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return JSON.stringify(content);
  return content.map((part) => (part as { text?: string }).text ?? '').join('');
}

function mismatch(what: string, got: string | undefined): string {
  return `MISMATCH: unexpected ${what}: ${JSON.stringify(got ?? null).slice(0, 200)}`;
}
