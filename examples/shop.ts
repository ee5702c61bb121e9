// The demo's service: the support desk of a small online shop, with four tools over in-memory data.
// In your code, import from 'tierup' instead of '../src/index.ts'.
import { z } from 'zod';
import { defineTool } from '../src/index.ts';

/** The service's own system prompt, put before each tier's. */
export const INSTRUCTIONS =
  'You are the support assistant of Northwind Audio, an online shop for headphones and speakers. ' +
  'Be brief and friendly. Shop policies, orders and payments are private: look them up, never guess them.';

const orders = new Map([
  [
    '30418',
    {
      orderId: '30418',
      customer: { name: 'Jonas Berger', email: 'jonas.berger@example.com' },
      items: [{ sku: 'AUR-200', name: 'Aurora 200 wireless headphones', quantity: 1 }],
      total: { amount: 129, currency: 'EUR' },
      chargeId: 'ch_3Pq30418',
      status: 'in transit',
      shipment: { carrier: 'DHL', lastScan: 'Leipzig hub, Sunday 21:40', eta: 'Thursday' },
    },
  ],
  [
    '88123',
    {
      orderId: '88123',
      customer: { name: 'Mara Lindqvist', email: 'mara.lindqvist@example.com' },
      items: [{ sku: 'TDL-1', name: 'Tidal One bookshelf speakers', quantity: 1 }],
      total: { amount: 349, currency: 'EUR' },
      chargeId: 'ch_3Pq88123',
      status: 'delivered',
      shipment: { carrier: 'UPS', deliveredOn: 'Monday' },
    },
  ],
]);

const articles = [
  {
    title: 'Returns and refunds',
    text: 'Unopened items can be returned within 30 days of delivery. Opened electronics can be returned within 14 days of delivery if all accessories are included. Refunds reach the original card in 5-10 business days.',
  },
  {
    title: 'Warranty',
    text: 'Every product has a 2-year warranty against defects. Start a claim from your order page.',
  },
];

export const getOrder = defineTool({
  name: 'get_order',
  description:
    'Look up a shop order by id: items, total paid, card charge id, status, shipping and the customer.',
  domain: 'commerce',
  sensitiveData: true,
  input: z.object({ orderId: z.string().describe('The order number, e.g. "30418".') }),
  run: ({ orderId }) => orders.get(orderId) ?? { error: `No order ${orderId}.` },
});

export const refundPayment = defineTool({
  name: 'refund_payment',
  description: 'Refund a card charge, in full or in part, through the payment processor.',
  domain: 'payments',
  sideEffects: true,
  input: z.object({
    chargeId: z.string(),
    amount: z.number().positive().describe('In the currency of the charge.'),
    reason: z.enum(['damaged', 'not_received', 'duplicate', 'requested_by_customer']),
  }),
  run: ({ chargeId, amount }) => ({
    refundId: `re_${chargeId.slice(3)}`,
    chargeId,
    amount,
    status: 'succeeded',
  }),
});

let sent = 0;

export const sendEmail = defineTool({
  name: 'send_email',
  description: 'Send an email to a customer from support@northwind.example.',
  domain: 'support',
  sideEffects: true,
  input: z.object({ to: z.email(), subject: z.string(), body: z.string() }),
  run: ({ to }) => ({ messageId: `msg_${++sent}`, to, status: 'queued' }),
});

export const searchHelpCenter = defineTool({
  name: 'search_help_center',
  description: "Search the shop's help center: return, refund, shipping and warranty policies.",
  domain: 'knowledge',
  input: z.object({ query: z.string() }),
  run: ({ query }) => {
    const words = query.toLowerCase().split(/\W+/);
    return articles.filter((a) => words.some((w) => w && a.text.toLowerCase().includes(w)));
  },
});

export const tools = [getOrder, refundPayment, sendEmail, searchHelpCenter];
