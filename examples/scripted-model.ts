// The model's part in the offline demo: rules for tierup's mock LLM server, one per model turn.
// The first rule that matches a request answers it. A rule matches on the tools offered, the
// system prompt and the last message (the user's request, a subtask, or a tool's result).
import { ESCALATE_TOOL, type MockReply, type MockRule } from '../src/testing/index.ts';

/** Token counts as the provider would report them. These prompts are too short for its cache. */
function usage(input: number, output: number): MockReply['usage'] {
  return { inputTokens: input, outputTokens: output, cachedInputTokens: 0 };
}

function call(name: string, args: Record<string, unknown>): MockReply['toolCalls'] {
  return [{ name, arguments: args }];
}

/** The manager's plan for the damaged-order request: two look-ups at once, then refund, then email. */
const refundPlan = {
  subtasks: [
    {
      id: 'order',
      specialist: 'commerce',
      task: 'Look up order 88123: what the customer paid, the card charge id and their email.',
      dependsOn: [],
    },
    {
      id: 'timing',
      specialist: 'knowledge',
      task: 'How long does a refund take to reach the card? Check the help center.',
      dependsOn: [],
    },
    {
      id: 'refund',
      specialist: 'payments',
      task: 'Refund order 88123 in full, reason "damaged", using the charge id and amount from the order.',
      dependsOn: ['order'],
    },
    {
      id: 'email',
      specialist: 'support',
      task: 'Email the customer of order 88123 that their refund is on its way: the amount, and when it reaches their card.',
      dependsOn: ['order', 'timing', 'refund'],
    },
  ],
};

export const scriptedRules: readonly MockRule[] = [
  // 1. Direct: the rewrite needs nothing but the text it carries.
  {
    match: { lastMessage: 'sounds friendlier' },
    reply: {
      text: "We're sorry, but we couldn't approve this refund. If you'd like to know why, just reply to this email and we'll gladly walk you through it.",
      usage: usage(262, 34),
    },
  },

  // 2. Agent: look the order up, then answer from what the tool returned.
  {
    match: { tools: ['get_order'], lastMessage: 'order 30418' },
    reply: { toolCalls: call('get_order', { orderId: '30418' }), usage: usage(618, 19) },
  },
  {
    match: { lastMessage: '"orderId":"30418"' },
    reply: {
      text: 'Your order 30418 (Aurora 200 wireless headphones) is on its way with DHL. It was last scanned at the Leipzig hub on Sunday evening and should reach you on Thursday. Sorry for the delay!',
      usage: usage(874, 47),
    },
  },

  // 3. Direct first: the model cannot know the shop's policy, so it asks to escalate ...
  {
    match: { tools: [ESCALATE_TOOL], lastMessage: 'return window' },
    reply: {
      toolCalls: call(ESCALATE_TOOL, {
        reason: "The shop's return policy is private; it has to be looked up in the help center.",
        tool: 'search_help_center',
      }),
      usage: usage(301, 38),
    },
  },
  // ... and the agent it escalates to searches the help center.
  {
    match: { tools: ['search_help_center'], lastMessage: 'return window' },
    reply: {
      toolCalls: call('search_help_center', { query: 'return policy opened electronics' }),
      usage: usage(671, 21),
    },
  },

  // 4. Multi-agent: the manager plans; each specialist (named after its tools' domain) does its
  // subtask with its own tools; the manager writes the answer from their results.
  {
    match: { system: 'Plan the request', lastMessage: 'Order 88123' },
    reply: { text: JSON.stringify(refundPlan), usage: usage(583, 196) },
  },
  {
    match: { system: 'You are the commerce specialist', lastMessage: 'Look up order 88123' },
    reply: { toolCalls: call('get_order', { orderId: '88123' }), usage: usage(214, 18) },
  },
  {
    match: { system: 'You are the commerce specialist', lastMessage: '"orderId":"88123"' },
    reply: {
      text: 'Order 88123: Tidal One bookshelf speakers, paid 349 EUR by card (charge ch_3Pq88123), delivered Monday. Customer: Mara Lindqvist <mara.lindqvist@example.com>.',
      usage: usage(437, 52),
    },
  },
  {
    match: { system: 'You are the knowledge specialist', lastMessage: 'refund take' },
    reply: {
      toolCalls: call('search_help_center', { query: 'refund card' }),
      usage: usage(205, 17),
    },
  },
  {
    match: { system: 'You are the knowledge specialist', lastMessage: 'Returns and refunds' },
    reply: {
      text: 'Refunds reach the original card in 5-10 business days (help center, "Returns and refunds").',
      usage: usage(331, 24),
    },
  },
  {
    match: { system: 'You are the payments specialist', lastMessage: 'Refund order 88123' },
    reply: {
      toolCalls: call('refund_payment', {
        chargeId: 'ch_3Pq88123',
        amount: 349,
        reason: 'damaged',
      }),
      usage: usage(352, 31),
    },
  },
  {
    match: { system: 'You are the payments specialist', lastMessage: '"refundId"' },
    reply: {
      text: 'Refunded 349 EUR on charge ch_3Pq88123 (refund re_3Pq88123, succeeded).',
      usage: usage(421, 26),
    },
  },
  {
    match: { system: 'You are the support specialist', lastMessage: 'Email the customer' },
    reply: {
      toolCalls: call('send_email', {
        to: 'mara.lindqvist@example.com',
        subject: 'Your refund for order 88123',
        body: "Hi Mara,\n\nWe're sorry your Tidal One speakers arrived damaged. We have refunded the full 349 EUR to your card; it will reach you in 5-10 business days.\n\nNorthwind Audio support",
      }),
      usage: usage(463, 92),
    },
  },
  {
    match: { system: 'You are the support specialist', lastMessage: '"messageId"' },
    reply: {
      text: 'Sent the refund confirmation to mara.lindqvist@example.com.',
      usage: usage(590, 15),
    },
  },
  {
    match: { system: 'Write the final answer', lastMessage: 'Order 88123' },
    reply: {
      text: 'Done. Order 88123 (Tidal One speakers) was paid 349 EUR by card; I refunded the full 349 EUR (refund re_3Pq88123) and emailed Mara Lindqvist a confirmation. The money reaches her card in 5-10 business days.',
      usage: usage(702, 58),
    },
  },

  // Back to request 3: the agent answers from the help-center article it found.
  {
    match: { lastMessage: 'Returns and refunds' },
    reply: {
      text: 'You can return opened electronics within 14 days of delivery, as long as all accessories are included. Unopened items have 30 days, and refunds reach your card in 5-10 business days.',
      usage: usage(702, 44),
    },
  },

  // 5. Structured output: the triage comes back as JSON matching the zod schema.
  {
    match: { lastMessage: 'Triage this customer message' },
    reply: {
      text: JSON.stringify({
        category: 'delivery',
        urgency: 'high',
        summary:
          'Parcel marked delivered but not received; third contact, asks for a refund today.',
        needsHuman: true,
      }),
      usage: usage(318, 41),
    },
  },
];
