// A multi-agent run for the durable-run tests, the same in the test process and in the child
// processes it kills: a manager that plans three subtasks (an order lookup and a refund at once,
// then an email that depends on both), specialists that each call their one tool and report its
// result, and a synthesis that quotes them. Every answer follows from the request alone, so an
// interrupted run and an uninterrupted one must end with the same output.
// Imports are relative (not `tierup`): the child processes run this file with Node itself.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { type AnyTool, defineTool } from '../../src/index.ts';

/** The request: routed to the multi-agent tier by its hint. */
export const TEAM_TASK = {
  input: 'Refund order 30418 (12.50) and email the customer at ana@example.com that it is done.',
  hints: { tier: 'multi-agent' as const },
};

/** What a side-effect tool is told to do once: a line of the effects log. */
export interface Effect {
  readonly tool: string;
  readonly arguments: unknown;
  readonly idempotencyKey: string | undefined;
}

export interface TeamToolsOptions {
  /** Called when a side-effect tool does its work. */
  readonly onEffect: (effect: Effect) => void;
  /** How long the refund takes, so a test can kill the process inside it. @default 0 */
  readonly refundMs?: number;
  /** The refund dedupes on its idempotency key. @default false */
  readonly idempotentRefund?: boolean;
}

/** The team's tools: one read, two side effects. */
export function teamTools(options: TeamToolsOptions): AnyTool[] {
  const { onEffect, refundMs = 0, idempotentRefund = false } = options;
  return [
    defineTool({
      name: 'get_order',
      description: 'Look up a shop order by id.',
      domain: 'commerce',
      input: z.object({ orderId: z.string() }),
      run: ({ orderId }) => `RESULT order ${orderId}: delivered, 12.50 paid`,
    }),
    defineTool({
      name: 'refund_payment',
      description: 'Refund the payment of an order.',
      domain: 'payments',
      sideEffects: true,
      idempotent: idempotentRefund,
      input: z.object({ orderId: z.string(), amount: z.number() }),
      run: async (input, { signal, idempotencyKey }) => {
        if (refundMs > 0) await sleep(refundMs, undefined, { signal });
        onEffect({ tool: 'refund_payment', arguments: input, idempotencyKey });
        return `RESULT refund of ${input.amount} for order ${input.orderId} done`;
      },
    }),
    defineTool({
      name: 'send_email',
      description: 'Send an email to a customer.',
      domain: 'support',
      sideEffects: true,
      input: z.object({ to: z.string(), body: z.string() }),
      run: (input, { idempotencyKey }) => {
        onEffect({ tool: 'send_email', arguments: input, idempotencyKey });
        return `RESULT email to ${input.to} sent`;
      },
    }),
  ];
}

/** A model's answer in the team's script: a text, or tool calls. */
export type TeamAnswer =
  | { readonly text: string }
  | { readonly toolCalls: { name: string; arguments: Record<string, unknown> }[] };

const ARGUMENTS: Record<string, Record<string, unknown>> = {
  get_order: { orderId: '30418' },
  refund_payment: { orderId: '30418', amount: 12.5 },
  send_email: { to: 'ana@example.com', body: 'Your refund of 12.50 for order 30418 is done.' },
};

/**
 * The team's script, from what any API shows of a request: its system prompt, the text of its
 * last message (a tool's result included) and the names of the tools offered.
 */
export function teamAnswer(
  system: string,
  lastMessage: string,
  tools: readonly string[],
): TeamAnswer {
  if (system.includes('Plan the request')) {
    if (lastMessage.includes('Results')) return { text: JSON.stringify({ subtasks: [] }) };
    const names = [...system.matchAll(/^- ([\w-]+):/gm)].map((m) => m[1] ?? '');
    const named = (domain: string) => names.find((name) => name.includes(domain)) ?? domain;
    return {
      text: JSON.stringify({
        subtasks: [
          { id: 's1', specialist: named('commerce'), task: 'Look up order 30418.', dependsOn: [] },
          { id: 's2', specialist: named('payments'), task: 'Refund order 30418.', dependsOn: [] },
          {
            id: 's3',
            specialist: named('support'),
            task: 'Email ana@example.com that the refund is done.',
            dependsOn: ['s1', 's2'],
          },
        ],
      }),
    };
  }
  if (system.includes('final answer')) return { text: `Done. ${lastMessage}` };
  const tool = tools.find((name) => name in ARGUMENTS);
  if (tool !== undefined && !lastMessage.startsWith('RESULT')) {
    return { toolCalls: [{ name: tool, arguments: ARGUMENTS[tool] ?? {} }] };
  }
  return { text: `${tool ?? 'nothing'} reported: ${lastMessage}` };
}
