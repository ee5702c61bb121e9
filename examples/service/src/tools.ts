// The service's three tools, defined once with zod: the router reads their metadata, the
// executors validate a model's arguments against the schemas and run them.
import { defineTool } from 'tierup';
import { z } from 'zod';

const orders = new Map([
  ['30418', { orderId: '30418', status: 'in transit', carrier: 'DHL', eta: 'Thursday' }],
  ['88123', { orderId: '88123', paid: 349, chargeId: 'ch_88123', email: 'mara@example.com' }],
]);

export const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id: items, status, payment, charge id and customer email.',
  domain: 'commerce',
  sensitiveData: true,
  input: z.object({ orderId: z.string().describe('The order number') }),
  run: async ({ orderId }) => orders.get(orderId) ?? { error: `no order ${orderId}` },
});

export const refundPayment = defineTool({
  name: 'refund_payment',
  description: 'Refund a card charge, in full or in part.',
  domain: 'payments',
  sideEffects: true,
  input: z.object({ chargeId: z.string(), amount: z.number().positive(), reason: z.string() }),
  run: async ({ chargeId, amount }) => ({ refundId: `re_${chargeId.slice(3)}`, amount }),
});

export const sendEmail = defineTool({
  name: 'send_email',
  description: 'Send an email to a customer.',
  domain: 'support',
  sideEffects: true,
  input: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
  run: async ({ to }) => ({ messageId: `msg_${to.length}`, to }),
});

export const tools = [getOrder, refundPayment, sendEmail];
