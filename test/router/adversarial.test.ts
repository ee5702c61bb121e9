import { describe, expect, it } from 'vitest';
import { createRouter, type ToolSpecInput } from '../../src/index.ts';

const tools: ToolSpecInput[] = [
  { name: 'read_inbox', description: 'Read inbound email.', untrustedInput: true },
  { name: 'get_salaries', description: 'Return salaries.', sensitiveData: true },
  { name: 'send_email', description: 'Send an email.', sideEffects: true },
];

// Inputs up to the documented 1,000,000 characters that once made patterns backtrack for minutes.
// Each case runs in well under a second; the timeout only turns a hang into a failure.
describe('outsized inputs route without hanging', () => {
  it.each([
    ['apostrophes that open no quotation', " 'x".repeat(330_000)],
    ['a run of newlines', `a${'\n'.repeat(999_000)}`],
    [
      'a comparison with no other party',
      'compare our customer data and send email '.repeat(24_000),
    ],
    ['restricted data with no audience', 'confidential plan for the board '.repeat(30_000)],
    ['short double-quoted passages', '"ab" '.repeat(190_000)],
  ])(
    '%s',
    (_, input) => {
      const decision = createRouter().route({ input, tools });
      expect(['direct', 'agent', 'multi-agent']).toContain(decision.tier);
    },
    10_000,
  );
});
