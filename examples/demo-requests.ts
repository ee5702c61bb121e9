// The requests the demo runs: one per way a request can go.
import { z } from 'zod';
import type { RunTask } from '../src/index.ts';

/** What a support ticket is about, as the triage request returns it. */
export const Triage = z.object({
  category: z.enum(['delivery', 'refund', 'product', 'account', 'other']),
  urgency: z.enum(['low', 'normal', 'high']),
  summary: z.string().describe('One sentence.'),
  needsHuman: z.boolean(),
});
export type Triage = z.infer<typeof Triage>;

/** A request of the demo, with a title saying what it shows. */
export interface DemoRequest {
  readonly title: string;
  readonly task: RunTask<unknown>;
}

export const requests: readonly DemoRequest[] = [
  {
    title: 'A direct answer: the request carries all it needs',
    task: {
      input:
        'Rewrite this reply so it sounds friendlier: "Your refund was rejected. Do not contact us again."',
    },
  },
  {
    title: 'One agent with a tool',
    task: { input: 'Where is my order 30418? It was supposed to arrive on Monday.' },
  },
  {
    title: 'Starts direct, escalates: the policy is private data',
    task: { input: 'What is your return window for opened electronics?' },
  },
  {
    title: 'Multi-agent: specialists look up the order, refund it and email the customer',
    task: {
      input:
        'Order 88123 arrived damaged. Check what the customer paid, refund the card charge and email them a confirmation.',
    },
  },
  {
    title: 'Structured output: a typed triage of a ticket',
    task: {
      input:
        'Triage this customer message for the support queue: "Third time asking - the tracking says delivered but nothing is here. I want my money back today."',
      output: Triage,
    },
  },
];
