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
    ['curly quotation marks that never close', '“words '.repeat(140_000)],
  ])(
    '%s',
    (_, input) => {
      const decision = createRouter().route({ input, tools });
      expect(['direct', 'agent', 'multi-agent']).toContain(decision.tier);
    },
    10_000,
  );
});

// The router reads at most 20,000 characters of an instruction, so a pattern that goes quadratic
// there costs a second, not minutes: 40 decisions make that a failure (a linear pattern takes a few
// milliseconds each, far inside the timeout on a busy machine).
describe('long runs between the asks of two domains route in linear time', () => {
  const catalog: ToolSpecInput[] = [
    { name: 'get_invoice', description: 'Get an invoice by id.', domain: 'finance' },
    { name: 'get_shipment', description: 'Track a shipment by id.', domain: 'logistics' },
  ];
  it.each([
    ['a run of spaces', `Get invoice 42 and track shipment 7 ${' '.repeat(19_000)}x.`],
    ['a run of exclamation marks', `Get invoice 42 and track shipment 7 ${'!'.repeat(19_000)}x`],
  ])(
    '%s',
    (_, input) => {
      const router = createRouter();
      for (let i = 0; i < 40; i++) {
        expect(router.route({ input, tools: catalog }).tier).not.toBe('direct');
      }
    },
    10_000,
  );
});

// asksOnlyToRead (security-features.ts) splits the instruction into sentences and reads the word
// after every joining word ('and', a comma, a dash, 'can you'): long runs of those, and one
// sentence of 20,000 characters, must stay linear. 40 decisions, as above.
describe('long runs read by the request-only-asks-to-be-told check route in linear time', () => {
  it.each([
    ['a run of "and"', `Who sent the newest email ${'and '.repeat(4_900)}x?`],
    ['"and" and a run of spaces', `Who sent the newest email and${' '.repeat(19_900)}?`],
    ['a run of commas', `Which invoices are open${', '.repeat(9_900)}x?`],
    ['a run of commas with no space', `Which invoices are open${','.repeat(19_900)}x?`],
    ['a run of question marks', `Which invoices are open${'?'.repeat(19_900)}x`],
    ['a run of spaced question marks', `Which invoices are open${' ?'.repeat(9_900)}x`],
    ['a run of dashes', `Who sent the newest email${' -'.repeat(9_900)}x?`],
    ['a run of "can you"', `Who sent the newest email ${'can you '.repeat(2_450)}x?`],
    ['a reading request joined on and on', `Summarize the report${' and the'.repeat(2_400)}.`],
    [
      'one sentence of 20,000 characters',
      `What is ${'the newest email from the sender of the invoice '.repeat(420)}?`,
    ],
  ])(
    '%s',
    (_, input) => {
      const router = createRouter();
      for (let i = 0; i < 40; i++) {
        expect(['direct', 'agent', 'multi-agent']).toContain(router.route({ input, tools }).tier);
      }
    },
    10_000,
  );
});

// The patterns of pasted material (a rule, an IP address, a date and time, a log level), of "US"
// as the country, of environment variables and TeX maths, of paths, of a length of text on a
// subject, and of the cues of holding back and of current state: long runs of what they read must
// stay linear. 40 decisions, as above, with a shell on offer so the path and variable checks run.
describe('long runs read by the material, country, path and variable patterns route in linear time', () => {
  const withShell: ToolSpecInput[] = [
    ...tools,
    { name: 'bash', description: 'Run a command in a Linux shell.' },
  ];
  it.each([
    ['a run of rule lines after a blank line', `Which client is it?\n\n${'---\n'.repeat(4_900)}`],
    ['a run of rule lines with no blank line', `Which client is it?\n${'---\n'.repeat(4_900)}`],
    ['a run of long rules', `Which client is it?\n\n${'-'.repeat(19_900)}`],
    ['IP-like numbers on one line', `Which client is it ${'1.2.3.4.'.repeat(2_450)}?`],
    ['IP-like lines after a blank line', `Which client is it?\n\n${'10.0.0.1 x\n'.repeat(1_950)}`],
    ['date-time lines', `What failed?\n\n${'2025-03-14 10:02 '.repeat(1_150)}`],
    ['"US US US"', `Tell ${'US '.repeat(6_600)}x`],
    ['"US" and a run of spaces', `US${' '.repeat(19_900)}x`],
    ['a run of capitals and spaces before "US"', `${'AB '.repeat(6_600)}US`],
    ['"US" and a run of dots', `a US${'.'.repeat(19_900)}`],
    ['"$a$b"', '$a$b'.repeat(4_950)],
    ['a dollar sign and a long name', `$${'a'.repeat(19_900)}.`],
    ['dollar signs and spaces', '$ '.repeat(9_900)],
    ['a run of slashes', '/'.repeat(19_900)],
    ['spaced slashes', ' /'.repeat(9_900)],
    ['a slash and a long run of digits', ` /${'1'.repeat(19_900)}`],
    ['a long number of words', `Need ${'1'.repeat(19_900)} word`],
    ['a run of "no replies"', 'no replies '.repeat(1_800)],
    ['a run of ". read-only"', '. read-only'.repeat(1_800)],
    ['a run of "just a"', 'just a '.repeat(2_800)],
    ['a run of "diese"', 'diese '.repeat(3_300)],
    [
      'one sentence of 20,000 characters',
      `Write ${'the document using the language of the US here and now for today '.repeat(300)}.`,
    ],
  ])(
    '%s',
    (_, input) => {
      const router = createRouter();
      for (let i = 0; i < 40; i++) {
        expect(['direct', 'agent', 'multi-agent']).toContain(
          router.route({ input, tools: withShell }).tier,
        );
      }
    },
    10_000,
  );
});
