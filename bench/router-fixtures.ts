// The request the router and command-line speed benchmarks route: a ~1 KB support ticket with an
// 8-tool list (bench/router-speed.ts, bench/cli-speed.ts).
import type { ToolSpecInput } from '../src/index.ts';

export const tools: ToolSpecInput[] = [
  [
    'get_order',
    'Look up a shop order by id, including items, totals, status and shipping address.',
    'commerce',
    { sensitiveData: true },
  ],
  [
    'track_shipment',
    "Return the carrier's tracking events and delivery estimate for a shipment.",
    'commerce',
    {},
  ],
  [
    'issue_refund',
    'Refund all or part of an order to the original payment method.',
    'commerce',
    { sideEffects: true },
  ],
  [
    'get_customer_profile',
    "Fetch a shop customer's profile, order history and saved addresses.",
    'commerce',
    { sensitiveData: true },
  ],
  [
    'send_customer_email',
    'Send a transactional email to a shop customer.',
    'commerce',
    { sideEffects: true },
  ],
  [
    'get_ticket',
    "Fetch a support ticket with the customer's messages and attachments.",
    'support',
    { untrustedInput: true },
  ],
  [
    'get_payment_history',
    "Return a customer's card charges, refunds and disputes from the payment processor.",
    'finance',
    { sensitiveData: true },
  ],
  ['search_help_center', 'Search the published help-center articles.', 'support', {}],
].map(
  ([name, description, domain, flags]) =>
    ({ name, description, domain, ...(flags as object) }) as ToolSpecInput,
);

export const input = `Ticket 88412 from a customer, pasted below. Check their order and payment history, refund the duplicate charge if it is real, and email them a short apology that references the order.

"Hello, I ordered the Trail Runner 2 in size 42 on the 3rd and my card statement shows two charges of 129.00 EUR on the same day, one at 14:02 and another at 14:03. I only placed one order (number A-58812) and I only received one confirmation email. The parcel arrived yesterday, which is great, but I would like the second charge refunded as soon as possible because it pushed my account into overdraft. Could you also confirm that the refund goes back to the same card? I have attached a screenshot of the statement. I tried the chat twice yesterday evening but both times it disconnected after ten minutes in the queue, and the help-center article on duplicate charges says pending authorizations drop off within five days, which is not what happened here. Thank you, Hanna Weber, Lindenstrasse 14, 10969 Berlin."`;
