import { describe, expect, it } from 'vitest';
import { splitRequest } from '../../src/router/material.ts';

describe('splitRequest', () => {
  it('makes a pasted block after a line ending in a colon material', () => {
    const input = [
      'Please summarize the email below:',
      'Hi team,',
      'the shipment for order 30418 is late again.',
      'Regards, Bob',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(instruction).toBe('Please summarize the email below:');
    expect(material).toBe(
      ['Hi team,', 'the shipment for order 30418 is late again.', 'Regards, Bob'].join('\n'),
    );
  });

  it('makes a block after a blank line material when it opens with a rule or a log line', () => {
    const ruled = splitRequest(
      [
        'What did she order?',
        '',
        '---',
        'Order #A-58812 confirmed',
        '1x Trail Runner 2',
        '---',
      ].join('\n'),
    );
    expect(ruled.instruction).toBe('What did she order?\n');
    expect(ruled.material).toContain('Order #A-58812 confirmed');
    for (const line of [
      '203.0.113.7 - - [14/Mar/2025:10:02:11] "GET /api/v2/products?page=1" 200',
      '2025-03-14 10:02:11 upstream timed out',
      'ERROR payment-service: connection refused',
    ]) {
      const { instruction, material } = splitRequest(`Which client is it?\n\n${line}`);
      expect(instruction, line).toBe('Which client is it?\n');
      expect(material, line).toBe(line);
    }
    // A line of prose after a blank line stays in the instruction.
    expect(splitRequest('Which client is it?\n\nAsk ops if unsure.').material).toBe('');
  });

  it("keeps one sentence after a rule or opening with an IP address or a date: it is the user's", () => {
    for (const input of [
      'Summarize the incident report.\n\n---\nThen email it to the team and book a review.',
      'Check the load balancer.\n\n10.0.0.5 is down since this morning, restart it and email ops.',
      'Plan the launch.\n\n2025-03-14 10:00 is go-live, so email every customer the day before.',
    ]) {
      expect(splitRequest(input).material, input).toBe('');
    }
  });

  it('reads HTML line breaks, as text copied from a web form keeps them, as line breaks', () => {
    const input =
      'Summarize this:<br><br>Our Q3 offsite moved to Porto.<BR/>Flights are booked for everyone.<br />Bring a jacket.';
    const { instruction, material } = splitRequest(input);
    expect(instruction).toBe('Summarize this:');
    expect(material).toBe(
      [
        'Our Q3 offsite moved to Porto.',
        'Flights are booked for everyone.',
        'Bring a jacket.',
      ].join('\n'),
    );
  });

  it('makes the text a one-line request announces after a colon material', () => {
    expect(
      splitRequest(
        'Summarize this email: my parcel arrived damaged and I want a refund for order 5512.',
      ),
    ).toEqual({
      instruction: 'Summarize this email',
      material: 'my parcel arrived damaged and I want a refund for order 5512.',
    });
    expect(
      splitRequest('Debug this code: def add(a, b): return a - b  # wrong sign').material,
    ).toBe('def add(a, b): return a - b  # wrong sign');
    const given = splitRequest(
      'Given the following paragraph, extract the company names: Acme was founded in 1990 by John.',
    );
    expect(given.instruction).toBe('Given the following paragraph, extract the company names');
    // The announcing words may open the request, capitalized.
    expect(
      splitRequest("Here's the email: my parcel arrived damaged and I want a full refund.")
        .instruction,
    ).toBe("Here's the email");
    // No text named before the colon, or too little after it: the line stays the instruction.
    for (const whole of [
      'Remind me of this: call mom at 5',
      'Book a table for two at 7pm: somewhere quiet near the office, please.',
    ]) {
      expect(splitRequest(whole)).toEqual({ instruction: whole, material: '' });
    }
  });

  it('keeps a request without a colon or pasted block whole', () => {
    const input = 'Where is order 30418?\nIt has been a week.\nThe tracking page is empty.';
    expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
  });

  it('makes a long double-quoted passage material and keeps the rest as the instruction', () => {
    const quote = 'Your export is ready and waiting for you in the dashboard today.';
    const { instruction, material } = splitRequest(
      `Translate to German: "${quote}" Keep it short.`,
    );
    expect(material).toBe(quote);
    expect(instruction).toContain('Translate to German:');
    expect(instruction).toContain('Keep it short.');
    expect(instruction).not.toContain('export');
  });

  it('takes typographic double quotes out as well', () => {
    const quote = 'Your export is ready and waiting for you in the dashboard today.';
    const { instruction, material } = splitRequest(`Translate to German: “${quote}”`);
    expect(material).toBe(quote);
    expect(instruction).not.toContain('dashboard');
  });

  it('leaves a short quotation in the instruction', () => {
    const input = 'Translate "Your export is ready." to German.';
    expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
  });

  it('pairs quotation marks in turn: the words between two short quotations stay the instruction', () => {
    const input =
      'Please analyze the text "I love reading books." using artificial intelligence technology. Then, translate the result to German. Lastly, retrieve the details of the film "Inception".';
    expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
    // A long quotation after a short one is still material.
    const quoted =
      'Tag the "urgent" one and reply to this: "Hello, my order 5512 arrived broken and nobody answers my emails."';
    expect(splitRequest(quoted).material).toBe(
      'Hello, my order 5512 arrived broken and nobody answers my emails.',
    );
  });

  it('takes out a long single-quoted passage that opens and closes at word edges', () => {
    const quote = 'the quarterly numbers will be published after the board meeting';
    const { instruction, material } = splitRequest(`Rewrite this sentence: '${quote}' please.`);
    expect(material).toBe(quote);
    expect(instruction).not.toContain('board meeting');
  });

  it('never opens a quotation at an apostrophe inside a word', () => {
    // Between the apostrophe of "I'm" and the closing-looking one of "customers'" lie more than
    // 40 characters: were the first one taken as an opening quote, they would become material.
    const inputs = [
      "I'm asking about the order status for all three of our customers' accounts, please.",
      "It's late again: what's going on with the customers' refunds from last week?",
    ];
    for (const input of inputs) {
      expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
    }
  });

  it('keeps a request that is entirely one quotation as the instruction', () => {
    const input = '"The quick brown fox jumps over the lazy dog and keeps on running far away."';
    expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
  });

  it('makes a prose line after the material the instruction again', () => {
    const input = [
      'Here is the stack trace:',
      'at parseOrder (orders.js:12)',
      'at handle (server.js:40)',
      '',
      'What caused the crash?',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(material).toContain('at parseOrder (orders.js:12)');
    expect(material).toContain('at handle (server.js:40)');
    expect(material).not.toContain('What caused the crash?');
    expect(instruction).toContain('Here is the stack trace:');
    expect(instruction).toContain('What caused the crash?');
    expect(instruction).not.toContain('parseOrder');
  });

  it('makes a run of table rows material wherever it stands, before the instruction too', () => {
    const input = [
      '| team | wins | losses |',
      '| Lions | 10 | 2 |',
      '| Bears | 7 | 5 |',
      'Which team won the most games?',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(instruction).toBe('Which team won the most games?');
    expect(material).toContain('| Lions | 10 | 2 |');
  });

  it('makes a fenced code block material without a colon announcing it', () => {
    const input = [
      'Why does this fail',
      '```',
      'const x = order.items[0].sku;',
      '```',
      'on an empty cart?',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(material).toContain('order.items[0].sku');
    expect(instruction).not.toContain('sku');
    expect(instruction).toContain('on an empty cart?');
  });

  it('keeps two table rows in the instruction: too few to be a pasted table', () => {
    const input = '| a | b |\n| c | d |\nWhich row comes first?';
    expect(splitRequest(input)).toEqual({ instruction: input, material: '' });
  });

  it('makes what precedes a labelled question the context it asks about', () => {
    const input = [
      'Hi David, you sent a wire payment of $850.00 to 38Avenue from account 7681.',
      '',
      'Question: Find the $ value paid to 38Avenue.',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(instruction).toBe('Question: Find the $ value paid to 38Avenue.');
    expect(material).toContain('wire payment');
  });

  it('keeps the line announcing the context in the instruction', () => {
    const input = [
      'Answer from the email below:',
      'Your parcel 4411 left the depot today.',
      'Question: when did the parcel leave?',
    ].join('\n');
    const { instruction, material } = splitRequest(input);
    expect(instruction).toContain('Answer from the email below:');
    expect(instruction).toContain('Question: when did the parcel leave?');
    expect(material).toBe('Your parcel 4411 left the depot today.');
  });
});
