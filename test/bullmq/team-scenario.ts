// A multi-agent refund for the engine's process tests: the manager plans three subtasks
// (look-up, refund, email), each specialist calls one tool and answers. The mock LLM server's
// rules answer from the request alone, so any worker gives the same answer. Side-effect tools
// append a line to a file, so a test counts them across processes.
import { appendFileSync } from 'node:fs';
import OpenAI from 'openai';
import { z } from 'zod';
import { defineTool } from '../../src/core/tool.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import type { MockReply, MockRule } from '../../src/testing/index.ts';

export const TEAM_REQUEST =
  'Order 88123 arrived damaged: refund it and email ana@example.com that the refund is on its way.';

const PLAN = {
  subtasks: [
    { id: 'order', specialist: 'commerce', task: 'Look up order 88123.', dependsOn: [] },
    {
      id: 'refund',
      specialist: 'payments',
      task: 'Refund order 88123 in full.',
      dependsOn: ['order'],
    },
    {
      id: 'email',
      specialist: 'support',
      task: 'Email the customer that the refund is on its way.',
      dependsOn: ['refund'],
    },
  ],
};

/**
 * The shop's tools; the side-effect ones append `name arguments` to `log` once done. With
 * `slowRefundMs`, the refund first appends `started refund_payment`, then takes that long.
 */
export function teamTools(log: string, options: { readonly slowRefundMs?: number } = {}) {
  const act = (name: string, args: unknown) =>
    appendFileSync(log, `${name} ${JSON.stringify(args)}\n`);
  return [
    defineTool({
      name: 'get_order',
      domain: 'commerce',
      description: 'Look up an order.',
      input: z.object({ orderId: z.string() }),
      run: ({ orderId }) => ({ orderId, paid: 49.9, chargeId: 'ch_1' }),
    }),
    defineTool({
      name: 'refund_payment',
      domain: 'payments',
      description: 'Refund a card charge.',
      sideEffects: true,
      input: z.object({ chargeId: z.string(), amount: z.number() }),
      run: async (args) => {
        if (options.slowRefundMs) {
          appendFileSync(log, 'started refund_payment\n');
          await new Promise((resolve) => setTimeout(resolve, options.slowRefundMs));
        }
        act('refund_payment', args);
        return { refundId: 're_1', amount: args.amount };
      },
    }),
    defineTool({
      name: 'send_email',
      domain: 'support',
      description: 'Email a customer.',
      sideEffects: true,
      input: z.object({ to: z.string(), body: z.string() }),
      run: (args) => {
        act('send_email', args);
        return 'sent';
      },
    }),
  ];
}

const call = (name: string, args: Record<string, unknown>): MockReply => ({
  toolCalls: [{ name, arguments: args }],
});

/**
 * The mock server's rules. `slowRefundMs` delays the payments specialist's answer after its
 * refund (the call in flight when a test kills its worker).
 */
export function teamRules(options: { readonly slowRefundMs?: number } = {}): MockRule[] {
  const specialist = (name: string) => `You are the ${name} specialist`;
  return [
    { match: { system: 'Plan the request' }, reply: { text: JSON.stringify(PLAN) } },
    {
      match: { system: specialist('commerce'), lastMessage: 'Look up order' },
      reply: call('get_order', { orderId: '88123' }),
    },
    {
      match: { system: specialist('commerce') },
      reply: { text: 'Order 88123: paid 49.90 EUR with charge ch_1.' },
    },
    {
      match: { system: specialist('payments'), lastMessage: 'Refund order' },
      reply: call('refund_payment', { chargeId: 'ch_1', amount: 49.9 }),
    },
    {
      match: { system: specialist('payments') },
      reply: { text: 'Refunded 49.90 EUR as re_1.', delayMs: options.slowRefundMs ?? 0 },
    },
    {
      match: { system: specialist('support'), lastMessage: 'Email the customer' },
      reply: call('send_email', {
        to: 'ana@example.com',
        body: 'Your refund of 49.90 EUR is on its way.',
      }),
    },
    { match: { system: specialist('support') }, reply: { text: 'Emailed ana@example.com.' } },
    // The answer repeats what the specialists found, so it shows that their results came back.
    {
      reply: (request) => ({
        text: `Done. ${[
          ...request.lastMessage.matchAll(/\[(\w+)\] \w+ \((?:done|FAILED)\): ([^\n]*)/g),
        ]
          .map((m) => `${m[1]}=${m[2]}`)
          .join(' | ')}`,
      }),
    },
  ];
}

/** The model every part of the run uses: the real `openai` client against the mock server. */
export function teamModel(baseURL: string) {
  const client = new OpenAI({ apiKey: 'mock', baseURL, maxRetries: 0 });
  return openaiModel(client, { model: 'gpt-4.1-mini', api: 'chat' });
}

/** What the mock server was asked, by who asked: `manager`, `payments`, ... (for counting). */
export function askedBy(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] })?.messages ?? [];
  const system = messages.find((m) => m.role === 'system' || m.role === 'developer');
  const text =
    typeof system?.content === 'string' ? system.content : JSON.stringify(system?.content);
  const who = /You are the ([\w-]+) specialist/.exec(text ?? '')?.[1];
  return who ?? (text?.includes('Plan the request') ? 'plan' : 'answer');
}
