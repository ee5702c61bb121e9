// The model's part, offline: rules for tierup's mock LLM server (an OpenAI-compatible server on
// 127.0.0.1), one per model turn. With a real provider the service drops this file.
import type { MockRule } from 'tierup/testing';

const plan = {
  subtasks: [
    {
      id: 'order',
      specialist: 'commerce',
      task: 'Look up order 88123: amount paid, charge id, customer email.',
      dependsOn: [],
    },
    {
      id: 'refund',
      specialist: 'payments',
      task: 'Refund order 88123 in full, reason "damaged".',
      dependsOn: ['order'],
    },
    {
      id: 'email',
      specialist: 'support',
      task: 'Email the customer of order 88123 that the refund is on its way.',
      dependsOn: ['order', 'refund'],
    },
  ],
};

export const rules: readonly MockRule[] = [
  // Direct: the service's own call (wrapped with fromFunction) summarizes.
  {
    match: { lastMessage: 'Summarize this customer message' },
    reply: { text: 'The customer asks when the headphones they ordered last week will arrive.' },
  },
  // Agent: look the order up, then answer from what the tool returned.
  {
    match: { tools: ['get_order'], lastMessage: 'Where is my order 30418' },
    reply: { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] },
  },
  {
    match: { lastMessage: '"orderId":"30418"' },
    reply: { text: 'Order 30418 is in transit with DHL and should arrive on Thursday.' },
  },
  // Multi-agent: the manager plans; each specialist does its part with its own tools.
  {
    match: { system: 'Plan the request', lastMessage: 'Order 88123' },
    reply: { text: JSON.stringify(plan) },
  },
  {
    match: { system: 'You are the commerce specialist', lastMessage: 'Look up order 88123' },
    reply: { toolCalls: [{ name: 'get_order', arguments: { orderId: '88123' } }] },
  },
  {
    match: { system: 'You are the commerce specialist', lastMessage: '"orderId":"88123"' },
    reply: { text: 'Order 88123: paid 349 EUR, charge ch_88123, customer mara@example.com.' },
  },
  {
    match: { system: 'You are the payments specialist', lastMessage: 'Refund order 88123' },
    reply: {
      toolCalls: [
        {
          name: 'refund_payment',
          arguments: { chargeId: 'ch_88123', amount: 349, reason: 'damaged' },
        },
      ],
    },
  },
  {
    match: { system: 'You are the payments specialist', lastMessage: '"refundId"' },
    reply: { text: 'Refunded 349 EUR (refund re_88123).' },
  },
  {
    match: { system: 'You are the support specialist', lastMessage: 'Email the customer' },
    reply: {
      toolCalls: [
        {
          name: 'send_email',
          arguments: {
            to: 'mara@example.com',
            subject: 'Your refund',
            body: 'Your 349 EUR refund is on its way.',
          },
        },
      ],
    },
  },
  {
    match: { system: 'You are the support specialist', lastMessage: '"messageId"' },
    reply: { text: 'Emailed mara@example.com.' },
  },
  {
    match: { system: 'Write the final answer', lastMessage: 'Order 88123' },
    reply: { text: 'Refunded 349 EUR for order 88123 and emailed the customer a confirmation.' },
  },
];
