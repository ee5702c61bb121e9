import { describe, expect, it } from 'vitest';
import { CHAT_REGISTRY } from '../../scripts/chat-registry.ts';
import { createRouter, type ToolSpecInput } from '../../src/index.ts';

const router = createRouter();

const getOrder: ToolSpecInput = {
  name: 'get_order',
  description: 'Look up a shop order by id, with items, status and shipping address.',
  domain: 'commerce',
  sensitiveData: true,
};
const searchHotels: ToolSpecInput = {
  name: 'search_hotels',
  description: 'Search hotel availability and prices in a city for given dates.',
  domain: 'travel',
};

describe('parallelism', () => {
  it('is set for several substantial subtasks handled one by one', () => {
    const decision = router.route(
      'Research these five vendors: A, B, C, D and E; for each write a brief',
    );
    expect(decision.signals.parallelism.set).toBe(true);
    expect(decision.tier).toBe('multi-agent');
    expect(decision.reasons).toContain('five substantial items of work, each handled on its own');
  });

  it('reads Chinese and Japanese items of work, when the work per item is substantial', () => {
    const set = (input: string) => router.route(input).signals.parallelism.set;
    expect(set('请分别调研德国、法国和荷兰的电动车充电补贴政策，每个国家写一份简报。')).toBe(true);
    expect(
      set('対象の4つの法人口座それぞれについて、過去3か月の取引を分析し、レポートしてください。'),
    ).toBe(true);
    // Quick look-ups, what an answer lists, and a word problem are not.
    expect(set('東京、大阪、名古屋、福岡の明日の天気を教えて。')).toBe(false);
    expect(set('仕入先の評価基準を5つ挙げて、それぞれ簡単に説明して。')).toBe(false);
    expect(set('如果布莱恩有 20 个电子游戏，比较之后他还剩多少个？')).toBe(false);
    // Nor are the aspects or parts of one piece of work.
    expect(set('请从价格、性能、续航和售后四个方面分析这款手机。')).toBe(false);
    expect(set('この製品を価格・性能・デザインの観点から評価してください。')).toBe(false);
    expect(set('写一份报告，包括背景、目标、方法和结论四个部分。')).toBe(false);
    expect(set('列出三个维度分析市场：价格、渠道、品牌。')).toBe(false);
  });

  it('is not set for quick look-ups over several records', () => {
    const decision = router.route({
      input: 'Status for orders 1, 2, 3, 4 and 5',
      tools: [getOrder],
    });
    expect(decision.signals.parallelism.set).toBe(false);
    expect(decision.tier).toBe('agent');
    // The five items are seen, and judged quick: even "for each" does not make them parallel.
    expect(decision.reasons).toContain('not parallel: five quick items of work');
    const each = router.route({
      input: 'Status for each of orders 1, 2, 3, 4 and 5',
      tools: [getOrder],
    });
    expect(each.signals.parallelism.set).toBe(false);
  });

  it('does not count nights, days or other units as items of work', () => {
    expect(
      router.route({ input: '3 nights in Paris', tools: [searchHotels] }).signals.parallelism.score,
    ).toBe(0);
    // The same sentence with items of work in place of the unit is parallel.
    const nights = router.route({
      input: 'Research hotels for 3 nights in Paris and write a short brief for each.',
      tools: [searchHotels],
    });
    const hotels = router.route({
      input: 'Research 3 hotels in Paris and write a short brief for each.',
      tools: [searchHotels],
    });
    expect(nights.signals.parallelism.set).toBe(false);
    expect(hotels.signals.parallelism.set).toBe(true);
  });

  it('reads the items of a request of three sentences or more in its first and last sentences', () => {
    // The middle sentences set the scene: their counts are not items of work.
    const scene = router.route(
      'As an intern, you get a folder of reports from our team. It holds reports from five regions, each with four quarters. Tell me which report is the longest.',
    );
    expect(scene.signals.parallelism.set).toBe(false);
    // The work asked for in the first sentence, or in numbered lines anywhere, still counts.
    const asked = router.route(
      'Research each of these four vendors separately: Vanta, Drata, Sprinto and Secureframe. We are a team of 40. Put the findings in one table.',
    );
    expect(asked.signals.parallelism.set).toBe(true);
  });

  it('is not set for a word problem, a list the answer gives, or short pieces per item', () => {
    const story =
      'Jake sees 80 spiders with 8 legs each, 90 insects with 6 legs each and 3 rare bugs with 10 legs each. How many legs did he see?';
    const cases = [
      [story, 'it asks for a quantity: a word problem, one answer'],
      [
        'Describe five key principles of good API design, with an example for each.',
        'the answer lists them: one task',
      ],
      ['Write a haiku for each of the four seasons.', 'each is a short piece: one task'],
      [
        'Name 10 mythological creatures of fire and give a brief introduction to each of them.',
        'each is a short piece: one task',
      ],
      // The stops of one trip are one plan.
      [
        'Plan a 6-day road trip for two from Denver, visiting 4 national parks, with a budget of $3,000 and dog-friendly motels.',
        'they are the stops of one trip: one plan',
      ],
      // A word problem that ends with an order, not a question.
      [
        'Every week, Lena walks a total of 12 miles to work. Calculate the total distance she walks in a 15 week term, going there and then back.',
        'it is a word problem: one answer',
      ],
    ] as const;
    for (const [input, why] of cases) {
      const decision = router.route(input);
      expect(decision.signals.parallelism.set, input).toBe(false);
      expect(
        decision.reasons.some((r) => r.endsWith(why)),
        input,
      ).toBe(true);
    }
    // A one-line explanation per answer is part of a larger piece per item, not the piece itself.
    const quizzes = router.route(
      'Annual compliance training: a quiz each on anti-bribery, data protection, insider trading and workplace harassment — ten questions apiece with an answer key and a one-line explanation per answer.',
    );
    expect(quizzes.reasons.some((r) => r.endsWith('each is a short piece: one task'))).toBe(false);
    // Places studied, a website per place, or work asked per place are no stops of one trip.
    for (const input of [
      'Explore 4 countries for our expansion: research tax rules, hiring law and market size, and write a report on each.',
      "Visit 5 countries' tourism websites and write a report on what each says about visas.",
      'Visiting 4 countries this summer: for each, research visa rules and write a separate briefing.',
    ]) {
      expect(router.route(input).signals.parallelism.set, input).toBe(true);
    }
    // One piece of writing, whatever it lists inside.
    const readme = router.route('Write a README for a CLI with 12 commands and a usage section.');
    expect(readme.signals.parallelism.set).toBe(false);
    expect(
      readme.reasons.some((r) => r.endsWith('it asks for one piece of writing: one task')),
    ).toBe(true);
    const letters = router.route(
      'Draft a response letter for each of the four access requests in the legal inbox: Ana, Ben, Chloé and Dev.',
    );
    expect(letters.reasons.some((r) => r.endsWith('one piece of writing: one task'))).toBe(false);
    // People and measures counted are not items of work.
    for (const input of [
      'Compare the pricing of Datadog and New Relic for 40 hosts.',
      'Plan a week in Lisbon for a group of 8 travelers with a budget of 900 euros.',
      'Prüf bitte, ob uns der Lieferant 2 % Skonto bei Zahlung innerhalb von 10 Tagen gewährt.',
    ]) {
      expect(router.route(input).signals.parallelism.set, input).toBe(false);
    }
    // A document per item is work of its own, though the answer words are there.
    const articles = router.route(
      'Write four separate help-center articles with five tips each: SSO, audit logs, custom roles and IP allowlists.',
    );
    expect(articles.signals.parallelism.set).toBe(true);
    // Letters counted are pieces of work ("a 4 letter word" counts none).
    const perSupplier = router.route(
      "Draft 6 letters, one per supplier, reviewing each contract's renewal terms and proposing new prices.",
    );
    expect(perSupplier.signals.parallelism.set).toBe(true);
    expect(router.route('What are all of the 4 letter words?').signals.parallelism.set).toBe(false);
  });
});

describe('securityBoundary', () => {
  const tools: ToolSpecInput[] = [
    {
      name: 'read_inbox',
      description: "Read messages in the user's email inbox.",
      domain: 'messaging',
      untrustedInput: true,
      sensitiveData: true,
    },
    {
      name: 'get_customer_record',
      description: 'Return a customer record with contact details, address and payment history.',
      domain: 'crm',
      sensitiveData: true,
    },
    {
      name: 'send_email',
      description: "Send an email from the user's mailbox.",
      domain: 'messaging',
      sideEffects: true,
    },
  ];

  it('is set when one agent would read untrusted mail, touch a sensitive record and send', () => {
    const decision = router.route({
      input:
        'Read the newest email in my inbox, look up the customer record of the sender and send them a reply with their payment history.',
      tools,
    });
    expect(decision.signals.securityBoundary.set).toBe(true);
    expect(decision.tier).toBe('multi-agent');
    const reason = decision.reasons.find((r) => r.endsWith('all three of the Rule of Two'));
    expect(reason).toContain('read untrusted read_inbox (messaging)');
    expect(reason).toContain('touch sensitive get_customer_record (crm)');
    expect(reason).toContain('act through send_email (messaging)');
  });

  it('is not set when the request says not to send anything yet', () => {
    const decision = router.route({
      input:
        "Read the newest email in my inbox, look up the customer record of the sender and draft a reply with their payment history, but don't send anything yet.",
      tools,
    });
    expect(decision.signals.securityBoundary.set).toBe(false);
    expect(decision.reasons.join(' ')).toContain('no side effect (asked not to act)');
  });

  it('is not set when the request only asks to be told, whatever acting tools are offered', () => {
    const decision = router.route({
      input:
        'Who sent the newest email in my inbox, and what is the payment history on their customer record?',
      tools,
    });
    expect(decision.signals.securityBoundary.set).toBe(false);
    expect(decision.reasons.join(' ')).toContain('no side effect (only asks to be told)');
    // The same question with an act in it holds all three legs.
    const acting = router.route({
      input:
        'Who sent the newest email in my inbox? Send them the payment history on their customer record.',
      tools,
    });
    expect(acting.signals.securityBoundary.set).toBe(true);
  });

  it('reads a request to read as one, unless what follows the reading asks for more', () => {
    const told = router.route({
      input:
        "Read the newest email in my inbox and tell me the payment history on the sender's customer record.",
      tools,
    });
    expect(told.signals.securityBoundary.set).toBe(false);
    // "answer the sender" is no way of being told: an act the reader does not know stays an act.
    const answered = router.route({
      input:
        'Read the newest email in my inbox and answer the sender with the payment history on their customer record.',
      tools,
    });
    expect(answered.signals.securityBoundary.set).toBe(true);
  });

  it('reads an act no list names, after a joining word or "can you", as more than a read', () => {
    const set = (input: string) => router.route({ input, tools }).signals.securityBoundary.set;
    for (const input of [
      "Find the newest email in my inbox and answer it with the payment history on the sender's customer record.",
      'Who sent the newest email in my inbox; answer them with their payment history from the customer record.',
      'Who sent the newest email in my inbox – answer them with their payment history from the customer record.',
      'Who sent the newest email in my inbox and can you answer them with their payment history?',
      'Is there any way you can email the sender of the newest message in my inbox their payment history?',
      "Tell me what the newest email in my inbox asks for and act on it with the sender's customer record.",
    ])
      expect(set(input), input).toBe(true);
    // Names, things and ways of being told after 'and' or a comma stay a read.
    for (const input of [
      'Who sent the newest email in my inbox, and which orders and payments are on their customer record?',
      'Tell me who sent the newest email in my inbox, and list the unpaid invoices and the payments on their customer record.',
    ])
      expect(set(input), input).toBe(false);
  });

  it('reads a sentence after a question mark with no space as a sentence of its own', () => {
    const set = (input: string) => router.route({ input, tools }).signals.securityBoundary.set;
    expect(
      set('Which customer sent the newest email in my inbox?Email them their payment history.'),
    ).toBe(true);
    expect(set('Which customer sent the newest email in my inbox?')).toBe(false);
  });

  it('reads "do" or "have" opening an order, not a question, as an act', () => {
    const set = (input: string) => router.route({ input, tools }).signals.securityBoundary.set;
    for (const input of [
      'Have the assistant email the sender of the newest message in my inbox their payment history.',
      'Is the sender of the newest email in my inbox a customer? Do a reply with their payment history if so.',
    ])
      expect(set(input), input).toBe(true);
    // A question, with its question mark or its subject, still only asks to be told.
    for (const input of [
      "Have you seen the newest email in my inbox, and what is the sender's payment history?",
      "Have I read the newest email in my inbox, and what is the sender's payment history",
    ])
      expect(set(input), input).toBe(false);
  });

  it('reads "get me" with "a" or a count as asking for something new, an act', () => {
    const booking: ToolSpecInput[] = [
      ...tools,
      {
        name: 'book_flight',
        description: 'Book seats on a flight and pay for them.',
        domain: 'travel',
        sideEffects: true,
      },
    ];
    const set = (input: string) =>
      router.route({ input, tools: booking }).signals.securityBoundary.set;
    expect(
      set(
        'Get me two seats on the flight named in the newest email in my inbox, paid with the card on my customer record.',
      ),
    ).toBe(true);
    // Being given what is there, or an account of it, is still being told.
    for (const input of [
      'Get me the flights named in the newest email in my inbox and the card on my customer record.',
      'Get me a list of the flights named in the newest email in my inbox and the card on my customer record.',
    ])
      expect(set(input), input).toBe(false);
  });

  it('does not read a request in another language as only asking to be told', () => {
    // "Was" opens an English question too; the act, "schick sie ihm", is in no English list.
    const decision = router.route({
      input:
        'Was ist die Zahlungshistorie des Absenders der neuesten E-Mail, und schick sie ihm bitte zu.',
      tools,
    });
    expect(decision.signals.securityBoundary.set).toBe(true);
  });

  it('is not set without a sending tool', () => {
    const decision = router.route({
      input:
        'Read the newest email in my inbox, look up the customer record of the sender and send them a reply with their payment history.',
      tools: tools.filter((t) => t.name !== 'send_email'),
    });
    expect(decision.signals.securityBoundary.set).toBe(false);
  });
});

describe('crossDomain', () => {
  const tools: ToolSpecInput[] = [
    {
      name: 'get_invoice',
      description: 'Fetch an invoice by number with line items and amount due.',
      domain: 'billing',
    },
    {
      name: 'get_shipment',
      description: 'Return the tracking status of a shipment.',
      domain: 'logistics',
    },
  ];

  it('is set when the request matches tools of two domains', () => {
    const decision = router.route({
      input: 'Check invoice INV-2291 and the tracking status of its shipment.',
      tools,
    });
    expect(decision.signals.crossDomain.set).toBe(true);
    expect(decision.tools.map((t) => t.name).sort()).toEqual(['get_invoice', 'get_shipment']);
    expect(decision.reasons).toContain(
      'draws on get_shipment (logistics) and get_invoice (billing): two domains, in a request of 11 words',
    );
  });

  it("is not set by a tool's everyday word: a date matches no converter 'at today's rate'", () => {
    const decision = router.route({
      input:
        'Could you arrange a 3-day solo trip for me from Ontario to Honolulu from March 4th to March 6th, 2022, with a total budget of $3,200?',
      tools: [
        {
          name: 'FlightSearch',
          description: 'Search flights between two cities on a date.',
          domain: 'travel',
        },
        {
          name: 'AccommodationSearch',
          description: 'Find hotels and rentals in a city.',
          domain: 'travel',
        },
        {
          name: 'currency.convert',
          description: 'Convert an amount between currencies at today’s rate.',
          domain: 'finance',
        },
      ],
    });
    expect(decision.signals.crossDomain.set).toBe(false);
  });

  it('is not set by a calculator or code runner: it does arithmetic for the answer (GUIDE)', () => {
    const decision = router.route({
      input:
        'Check the late-payment clause in the Acme contract and calculate the penalty for 45 days late on a $120,000 invoice.',
      tools: [
        {
          name: 'get_contract',
          description: 'Fetch a customer contract and its clauses.',
          domain: 'legal',
        },
        { name: 'calculator', description: 'Evaluate an arithmetic expression.', domain: 'math' },
      ],
    });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('agent');
  });

  it('is not set by a second domain named only in the scene a long request sets', () => {
    const scene = router.route({
      input:
        'Our finance team closes the quarter on Friday. Last month a shipment tracking status went missing from a report and caused a scramble. Check invoice INV-2291 and tell me the amount due with its line items.',
      tools,
    });
    expect(scene.signals.crossDomain.set).toBe(false);
    expect(scene.tier).toBe('agent');
    // A question in the middle asks too.
    const asked = router.route({
      input:
        'Our finance team closes the quarter on Friday. Was the shipment for invoice INV-2291 delivered, according to its tracking status, before the amount due was billed? Check both and tell me what you find.',
      tools,
    });
    expect(asked.signals.crossDomain.set).toBe(true);
  });

  it('keeps both domains of a long request in Chinese, whose words are found as substrings', () => {
    const decision = router.route({
      input:
        '请帮我在北京找一家下周三到周五的酒店，预算每晚八百元以内。\n我们一共三个人出差。\n另外请查一下那几天北京的天气预报，如果下雨就找离地铁近的酒店。',
      tools: [
        {
          name: 'search_hotels',
          description: 'Search hotels by city, dates and price.',
          domain: 'travel',
        },
        {
          name: 'get_weather',
          description: 'Current conditions and forecast for a place.',
          domain: 'weather',
        },
      ],
    });
    expect(decision.signals.crossDomain.set).toBe(true);
  });

  it("is not set when only one domain's tool matches, though two domains are offered", () => {
    const decision = router.route({
      input: 'Check invoice INV-2291 and tell me the amount due.',
      tools,
    });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('agent');
    expect(decision.tools.map((t) => t.name)).toEqual(['get_invoice']);
  });

  it('is not set for separate asks of two domains that use nothing of each other', () => {
    const decision = router.route({
      input:
        'Fetch invoice INV-2291 with its line items. Additionally, return the tracking status of shipment 88123.',
      tools,
    });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('agent');
    expect(decision.tools.map((t) => t.name).sort()).toEqual(['get_invoice', 'get_shipment']);
    expect(decision.reasons.some((r) => r.includes('separate asks'))).toBe(true);
  });

  it('reads "as well as", "along with" and "also" as the start of another ask', () => {
    for (const input of [
      'Fetch invoice INV-2291 with its line items, as well as the tracking status of shipment 88123.',
      'Fetch invoice INV-2291 with its line items and also return the tracking status of shipment 88123.',
      'Fetch invoice INV-2291 with its line items, along with the tracking status of shipment 88123.',
    ]) {
      const decision = router.route({ input, tools });
      expect(decision.signals.crossDomain.set, input).toBe(false);
      expect(
        decision.reasons.some((r) => r.includes('separate asks')),
        input,
      ).toBe(true);
    }
  });

  it('reads a combining word where the request asks, not in a sentence of the scene between', () => {
    const route = (middle: string, last: string) =>
      router.route({
        input: `Fetch invoice INV-2291 with its line items. ${middle} ${last}`,
        tools,
      }).signals.crossDomain.set;
    // "based on" belongs to the sorting sentence between: the shipment is still a separate ask.
    expect(
      route(
        'Sort the items based on the billing run of May.',
        'Return the tracking status of shipment 88123 too.',
      ),
    ).toBe(false);
    // In the last sentence, "whether" puts the two together.
    expect(
      route(
        'Sort the items by amount.',
        'Return the tracking status of shipment 88123 and whether the dates match.',
      ),
    ).toBe(true);
  });

  it('counts a second domain matched only by a concept family when the request is anchored to data', () => {
    const dining: ToolSpecInput[] = [
      {
        name: 'search_restaurants',
        description: 'Find restaurants by cuisine, neighborhood and price.',
        domain: 'dining',
      },
      {
        name: 'get_weather',
        description: 'Current conditions and forecast for a city.',
        domain: 'weather',
      },
    ];
    const dinner = (when: string) =>
      router.route({
        input: `Find a quiet Italian restaurant in North Beach with a patio that stays pleasant when the temperature drops ${when}, for a birthday dinner with six friends.`,
        tools: dining,
      }).signals.crossDomain;
    // "temperature" is of the weather family: alone, a loose link (the patio's comfort).
    expect(dinner('in the evening').score).toBe(0);
    // Tonight's temperature is current state: the forecast is data to fetch.
    expect(dinner('tonight').set).toBe(true);
  });

  it('is not set for a short request that matches tools of two domains', () => {
    const decision = router.route({ input: 'Track the shipment of invoice INV-2291.', tools });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('agent');
    expect(decision.reasons).toContain(
      'not cross-domain: draws on get_shipment (logistics) and get_invoice (billing): two domains, in a request of 7 words',
    );
  });

  it('is not set when the second domain matches only words the first domain matches too', () => {
    const dining: ToolSpecInput[] = [
      {
        name: 'restaurant_search',
        description: 'Search restaurants by cuisine, part of town, price range and reservations.',
        domain: 'dining',
      },
      {
        name: 'plane_search',
        description: 'Search flights by origin, destination, date, airline and price.',
        domain: 'travel',
      },
    ];
    const decision = router.route({
      input:
        'Hello, I would like to find a moderately priced Chinese restaurant in the centre of town that takes reservations for tonight',
      tools: dining,
    });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('agent');
    expect(decision.signals.crossDomain.score).toBe(0);
    // A word of its own gives the second domain its evidence back.
    const both = router.route({
      input:
        'Find a moderately priced Chinese restaurant near the airport for tonight and a flight to Rome that leaves after dinner, so that the two fit together',
      tools: dining,
    });
    expect(both.signals.crossDomain.set).toBe(true);
  });

  it('is set for asks of two domains in separate sentences when one takes up the other', () => {
    const asked = (second: string) =>
      router.route({ input: `Fetch invoice INV-2291 with its line items. ${second}`, tools })
        .signals.crossDomain.set;
    expect(asked('Then return the tracking status of the shipment for those items.')).toBe(true);
    expect(asked('Compare it with the tracking status of shipment 88123.')).toBe(true);
    expect(asked('If it is paid, return the tracking status of shipment 88123.')).toBe(true);
  });
});

describe('toolUse', () => {
  const revenue: ToolSpecInput = {
    name: 'get_revenue_report',
    description: 'Return the quarterly revenue report with churn and growth by segment.',
    domain: 'finance',
    sensitiveData: true,
  };
  const pasted = [
    'Our revenue for the last quarter came in at 4.2 million, up 12 percent.',
    'Growth was driven by strong demand for the enterprise plan in Europe.',
    'Churn in our small-business segment rose slightly after the price change in March.',
  ].join('\n');

  it('is not set for a request to summarize a pasted paragraph, though a tool shares its topic', () => {
    const decision = router.route({ input: `Summarize this:\n${pasted}`, tools: [revenue] });
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.tier).toBe('direct');
    expect(decision.tools).toEqual([]);
    expect(decision.reasons).toContain(
      'the request asks about the content it carries: the model answers from it',
    );
  });

  it('is set when the same topic is asked about rather than carried', () => {
    const decision = router.route({
      input: 'What was our revenue last quarter by segment?',
      tools: [revenue],
    });
    expect(decision.signals.toolUse.set).toBe(true);
    expect(decision.tools.map((t) => t.name)).toEqual(['get_revenue_report']);
  });

  it('reads German: "Wo ist meine Bestellung 30418?" needs get_order', () => {
    const decision = router.route({
      input: 'Wo ist meine Bestellung 30418?',
      tools: [getOrder, searchHotels],
    });
    expect(decision.signals.toolUse.set).toBe(true);
    expect(decision.tier).toBe('agent');
    expect(decision.tools.map((t) => t.name)).toEqual(['get_order']);
  });
});

describe('toolUse on word problems', () => {
  const runPython: ToolSpecInput = {
    name: 'run_python',
    description: 'Run Python code in a sandbox and return its output.',
    domain: 'compute',
  };
  const story =
    'Dan spent an hour doing 400 work tasks at $0.25 each. Then he spent an hour doing 5 work tasks at $2.00 each. How much more did he make doing the good work?';

  it('is not set for a story with numbers that ends in a question, whatever code runner is offered', () => {
    const decision = router.route({ input: story, tools: [runPython] });
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.tier).toBe('direct');
    expect(decision.reasons).toContain(
      'the request is a word problem (a story with numbers that ends by asking for one): arithmetic a model does reliably',
    );
  });

  it('reads number words, an order to work the answer out, and the story’s own words of time', () => {
    const stories = [
      // Number words, no digits.
      'Andrew laid eight planks in the bedroom, twenty in the living room and eleven in the kitchen. He had six left over. How many planks did he buy?',
      // An order at the end instead of a question; "current" and "$108000" belong to the story.
      "Richard and Sarah will save for 3 years at their current rates. If the house's downpayment is $108000, calculate the amount each person saves per month.",
      // Two, half and twice are quantities too.
      'Tom has two dogs. Each dog eats half a can a day. How many cans do they eat in a week?',
      // An order to calculate closing a Japanese story.
      'りんごが3個あります。みかんはりんごの2倍あります。全部でいくつあるか計算しなさい。',
      // Thai marks no sentences: clauses end with a space, a question with its question word.
      'แมรี่มีแอปเปิ้ล 5 ลูก เธอซื้อเพิ่มอีก 3 ลูก ตอนนี้เธอมีแอปเปิ้ลทั้งหมดกี่ลูก',
      // One number in digits, the others in words, three sentences and a quantity asked for.
      'Sara bakes 12 muffins. She gives a third of them to Tom. Tom eats one of his. How many muffins does Tom have left?',
      // "now", "still" and "this month" are the story's time.
      'Andy can get 50 demerits in a month. He got 2 demerits 6 times for showing up late. How many more can he get this month before he is fired now?',
    ];
    for (const input of stories) {
      const decision = router.route({ input, tools: [runPython] });
      expect(decision.signals.toolUse.set, input).toBe(false);
      expect(decision.reasons[1], input).toContain('word problem');
    }
    // Finding where a gap comes from is not working out a quantity.
    const gap = router.route({
      input:
        'The shop shows 48,210 EUR in refunds for October but the ledger has 41,900 EUR. Find where the 6,310 EUR gap comes from.',
      tools: [runPython],
    });
    expect(gap.reasons[1]).not.toContain('word problem');
    // Japanese's question particle closes a question without a question mark.
    const particle = router.route({
      input: 'りんごが3個、みかんが5個あります。全部で何個ありますか。',
      tools: [runPython],
    });
    expect(particle.reasons[1]).toContain('word problem');
    // A request opening with an order is a list of orders, however story-like its numbers.
    const orders = router.route({
      input:
        'Please retrieve the 3 newest invoices for Acme and the 2 oldest. How much do they add up to?',
      tools: [runPython],
    });
    expect(orders.reasons[1]).not.toContain('word problem');
  });

  it('is still set when a number is long enough to need a calculator, or the numbers are the user’s own', () => {
    const long = story.replace('400', '4003917');
    expect(router.route({ input: long, tools: [runPython] }).signals.toolUse.score).toBeGreaterThan(
      0.3,
    );
    const own = router.route({
      input:
        'Our invoice INV-2291 lists 12 seats at $40. We added 3 seats on May 2. What do we owe now?',
      tools: [getOrder, runPython],
    });
    expect(own.reasons[1]).not.toContain('word problem');
  });
});

describe('toolUse on requests for a piece of writing', () => {
  const registry = CHAT_REGISTRY;
  const why = 'the request asks for a piece of writing: writing is not a tool need';

  it('is not set for an essay, a song, a script, an email draft or a function, whatever tools are on the topic', () => {
    for (const input of [
      'Write an article on Quantum Gravity',
      'Write a song about Angela Merkel in the style of The Beatles.',
      'Can you create a short Youtube Script for a video about how AI is changing everything?',
      'Draft a professional email to my manager asking for feedback on the quarterly report.',
      'Write a C++ program to find the nth Fibonacci number using recursion.',
      'Implement a function to find the median of two sorted arrays in Python.',
      // An act held back is no need; the writing verbs of other languages open it too.
      "Write my appeal to the moderators but don't submit it, I'll tweak it first.",
      'Give me 3 subject lines for a renewal reminder email, friendly tone.',
      'Scrivi un messaggio di benvenuto per gli ospiti con le regole della casa.',
      // A piece told, not looked up.
      'Can you tell me a joke about programmers?',
      'Create a weekly meal plan for a vegetarian family of four.',
      'Give me an argument for idealism in standard form.',
      // "saved", "checklist" and "I'd like" are not the acts "save", "check" and "news".
      'Write a short story about how Artificial Intelligence saved Christmas.',
      'Write a checklist for onboarding new hires.',
      "I'd like you to write a poem about autumn leaves.",
      // Interviews, backstories, slides, timelines and data models are pieces a model writes.
      'Write an interview between a young chef and a food critic about street food.',
      'Write a backstory for my dwarf cleric, grim but hopeful.',
      'Make a slide to introduce the history of jazz.',
      'Write a timeline of the major events of the French Revolution.',
      'Can you generate a data model for a library app with books, members and loans?',
      'Phrase a polite message declining a wedding invitation.',
      // A document is a piece too, and "using the Punjabi language" is the language it is in.
      'Write a document entirely in the Portuguese language about Adam and Eve.',
      'Write a rubric for evaluating the technical skills of a software engineer using the Punjabi language.',
      // A length of text on a subject.
      'Need 300 words on the importance of documenting history.',
    ]) {
      const decision = router.route({ input, tools: registry });
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(why);
    }
  });

  it('leaves the need to the scorer when the writing draws on records, fresh facts or an act', () => {
    for (const input of [
      'Write a blog post based on our wiki pages about the migration.',
      'Draft an email to the customer about the delay and send it.',
      'Write a blog post about the latest news on the EU AI Act.',
      'Create a few discussion questions about remote work in a relevant subreddit.',
      'Create a QR code for our office address.',
      'Write a short message to the design channel saying the build is green.',
      'Make a note of the gate code for the warehouse.',
      'Tell me the email address of the customer with the most cancellations.',
      'Give me examples of orders that shipped late last month.',
      '200 words on our Q3 numbers from the wiki.',
    ]) {
      expect(router.route({ input, tools: registry }).reasons[1], input).not.toBe(why);
    }
  });
});

describe('toolUse on mathematics questions', () => {
  const why =
    'the request is a mathematics question (an equation, a shape, a factorial): a model works it out';

  it('is not set for an equation, a shape or a factorial, whatever code runner is offered', () => {
    for (const input of [
      'Solve for x: 3x + 7 = 22',
      'If the sum of two numbers is 20 and their difference is 4, what are the numbers?',
      'Find the area of a triangle with vertices at (0,0), (4,0) and (0,3).',
      'What is 12 factorial?',
      // "for me" asks politely: it brings no data of the user's.
      'Solve the integral of x^2 * sin(x) dx for me',
      'Solve y + 2 = 5',
    ]) {
      const decision = router.route({ input, tools: CHAT_REGISTRY });
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(why);
    }
  });

  it('leaves quantities of the world, several steps and long numbers to the scorer', () => {
    for (const input of [
      'Calculate the force on a 37.5 kg mass accelerating at 14.3 m/s^2 with an equation.',
      'Solve x + 2 = 5, then plot the line y = x + 2.',
      'Is 2,147,483,647 one of the prime numbers?',
      // Something done with the answer.
      'Solve for x: 3x + 7 = 22 and post the answer in the team chat.',
    ]) {
      expect(router.route({ input, tools: CHAT_REGISTRY }).reasons[1], input).not.toBe(why);
    }
  });
});

describe('toolUse on questions about the content a request carries', () => {
  const mailTools: ToolSpecInput[] = [
    {
      name: 'read_inbox',
      description: "Read emails in the user's inbox.",
      domain: 'email',
      untrustedInput: true,
      sensitiveData: true,
    },
    {
      name: 'pay_invoice',
      description: 'Pay an invoice from the company bank account.',
      domain: 'finance',
      sideEffects: true,
    },
    {
      name: 'run_python',
      description: 'Run Python code in a sandbox and return its output.',
      domain: 'compute',
    },
  ];
  const email = [
    'SUBJECT: Your card has been charged $373.52|EMAIL_FROM: Mercury <hello@mercury.com>',
    'Hi David, your Mercury debit card was preauthorized for $373.52 by Air Canada.',
    'The settled amount may be different from this initial charge.',
  ].join('\n');

  it('is not set for a question about a pasted email, though the mailbox and payments are offered', () => {
    const decision = router.route({
      input: `Please answer my question based on the content of the email.\n\nHere is the email:\n${email}\n\nQuestion: How much was paid to Air Canada?`,
      tools: mailTools,
    });
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.tier).toBe('direct');
    expect(decision.reasons.some((r) => r.includes('the content it carries'))).toBe(true);
  });

  it('is still set when something is to be done beyond the answer', () => {
    const run = router.route({
      input: "Run this, don't guess:\n\nimport calendar\nprint(calendar.weekday(2026, 3, 13))",
      tools: mailTools,
    });
    expect(run.signals.toolUse.set).toBe(true);
    const pay = router.route({
      input: `Check the amount in this email and pay the invoice:\n\n${email}`,
      tools: mailTools,
    });
    expect(pay.signals.toolUse.set).toBe(true);
  });
});

describe('toolUse on how-to questions', () => {
  const webTools: ToolSpecInput[] = [
    {
      name: 'web_search',
      description: 'Search the web and return results with titles and links.',
      domain: 'web',
    },
    {
      name: 'fetch_url',
      description: 'Fetch a web page by URL and return its text.',
      domain: 'web',
    },
  ];

  it('is not set for a question how to do something, though a tool is on its topic', () => {
    const decision = router.route({
      input: 'How do I center a div in a webpage using CSS?',
      tools: webTools,
    });
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.reasons).toContain(
      'the request asks how to do something: the model explains it',
    );
  });

  it('leaves how many, the user’s own things and current state to the scorer', () => {
    const reason = (input: string) =>
      router
        .route({ input, tools: webTools })
        .reasons.includes('the request asks how to do something: the model explains it');
    expect(reason('Tell me how many web pages link to example.com')).toBe(false);
    expect(reason('How do I find my saved web pages?')).toBe(false);
    expect(reason('How can I watch the match on the web today?')).toBe(false);
  });
});

describe('role-play set-ups', () => {
  const webSearch: ToolSpecInput = {
    name: 'web_search',
    description: 'Search the web and return results with titles, snippets and links.',
    domain: 'web',
    untrustedInput: true,
  };

  it('stay direct: the model plays a part, whatever search tool is offered', () => {
    const decision = router.route({
      input:
        'I want you to act as a travel guide. I will write you my location and you will suggest a place to visit near it.',
      tools: [webSearch],
    });
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.tier).toBe('direct');
    expect(decision.reasons).toContain('the request sets up a role-play: the model plays a part');
    const synonyms = router.route(
      'I want you to act as a synonyms provider. I will tell you a word, and you will reply with a list of synonyms. Provide a max of 10 synonyms per prompt.',
    );
    expect(synonyms.signals.parallelism.set).toBe(false);
  });

  it('hold when a length is asked for: "a 1500-2000 word essay" names no record', () => {
    const decision = router.route({
      input:
        'Act like a history student and write a 1500-2000 word essay on the fall of Rome, with three points of analysis.',
      tools: [webSearch],
    });
    expect(decision.reasons).toContain('the request sets up a role-play: the model plays a part');
    expect(decision.tier).toBe('direct');
  });

  it('hold beside a year or another bare number: only a record id ends the role-play', () => {
    const decision = router.route({
      input: 'I want you to act as a historian and tell me what happened in Europe in 1848.',
      tools: [webSearch],
    });
    expect(decision.reasons).toContain('the request sets up a role-play: the model plays a part');
  });

  it('do not hide a record the request names', () => {
    const decision = router.route({
      input: 'Act as my support agent and tell me where order 30418 is.',
      tools: [getOrder],
    });
    expect(decision.signals.toolUse.set).toBe(true);
  });
});

describe('general-purpose tools that serve a form', () => {
  const bash: ToolSpecInput = {
    name: 'bash',
    description: 'Run a bash command in the Linux sandbox and return its output.',
    domain: 'system',
  };
  const sql: ToolSpecInput = {
    name: 'execute_sql',
    description: 'Run a SQL query against the database and return the rows.',
    domain: 'data',
  };
  const serves =
    'the request names a path or file, sets a task in an environment, or queries records: a shell or database tool on offer serves it';

  it('make a shell needed for a path and a database query for a record query, whatever the words', () => {
    const files = router.route({
      input: 'How many .txt files are in /home/user/problem_dir and its subdirectories?',
      tools: [bash],
    });
    expect(files.tier).toBe('agent');
    expect(files.tools.map((t) => t.name)).toEqual(['bash']);
    expect(files.reasons).toContain(serves);
    // A task in an environment the shell serves is no word problem, though it reads like one.
    const logs = router.route({
      input:
        'There are 12 log files in /var/log/app. Each has 3 error lines. How many error lines are there?',
      tools: [bash],
    });
    expect(logs.tier).toBe('agent');
    expect(logs.reasons).toContain(serves);
    const records = router.route({
      input: 'Which team had a score of 2-1 in the final played on 12 May?',
      tools: [sql],
    });
    expect(records.tier).toBe('agent');
    expect(records.tools.map((t) => t.name)).toEqual(['execute_sql']);
  });

  it('do not make a database query needed when the table is pasted', () => {
    const pasted = router.route({
      input:
        'Which team had a score of 2-1?\n| team | score |\n| a | 2-1 |\n| b | 0-0 |\n| c | 1-1 |',
      tools: [sql],
    });
    expect(pasted.tier).toBe('direct');
  });
});

describe('toolUse when no offered tool matches and the web search on offer has nothing to serve', () => {
  const why =
    "no offered tool matches the request's words, and it asks the web search on offer for nothing (nothing current, no state, no record, nothing to find or research)";

  it('is not set for advice, opinion or chat that uses no tool word', () => {
    for (const input of [
      'I want to make my school dance more fun.',
      'Tell me something I do not know',
      'My parents grounded me and I want to get back at them. Any suggestions?',
      // English "such" is not German "suche" (search): nothing to find here.
      'I want to make my school dance more fun, such as with a theme.',
    ]) {
      const decision = router.route({ input, tools: CHAT_REGISTRY });
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(why);
      expect(decision.signals.toolUse.score, input).toBe(0.45);
    }
  });

  it('leaves the score to the model when the search has something to serve', () => {
    for (const input of [
      'Is the Louvre open today?',
      'Find me a good bakery in Lisbon.',
      'Compare Asana, ClickUp and Notion for a small agency.',
      'How is our parental leave handled?',
      'Where is ticket #4410 at?',
      'Ich suche ein gutes Hotel in Rom.',
    ]) {
      expect(router.route({ input, tools: CHAT_REGISTRY }).reasons[1], input).not.toBe(why);
    }
  });

  it("leaves it to the model under a service's own catalog, without a web search", () => {
    const cafe: ToolSpecInput[] = [
      {
        name: 'add_order_item',
        description: 'Add a drink or food item to the order.',
        domain: 'commerce',
        sideEffects: true,
      },
      { name: 'show_menu', description: 'Show the menu of the cafe.', domain: 'commerce' },
    ];
    const decision = router.route({
      input: 'I want to make my school dance more fun.',
      tools: cafe,
    });
    expect(decision.reasons[1]).not.toBe(why);
  });
});

describe('toolUse when no offered tool matches under a catalog of many domains', () => {
  const why =
    "no offered tool matches the request's words, and the tools on offer are of many domains, none of them most: no service of the request's kind";
  // Tools of five domains, none of them on the requests' topics (a function-calling benchmark's
  // irrelevance case: the direct tier answers, or says it can't).
  const scattered: ToolSpecInput[] = [
    { name: 'getVesselInfo', description: 'Get information about a ship.', domain: 'shipping' },
    { name: 'getSubwaySchedule', description: 'Get the subway timetable.', domain: 'transit' },
    { name: 'estimateWaterDemand', description: 'Estimate water demand.', domain: 'utilities' },
    {
      name: 'getCurrencyExchangeRate',
      description: 'Exchange rate of two currencies.',
      domain: 'finance',
    },
    {
      name: 'getDentalProcedureInfo',
      description: 'Describe a dental procedure.',
      domain: 'dentistry',
    },
  ];

  it('is not set for a request no tool serves', () => {
    for (const input of [
      'Initialize the drive system with ID 74CAOO3yk.',
      'Provide a list of Portuguese authors.',
      // Speaking of oneself ("I need...") is no data of the user's that a tool would hold.
      'I need one hotel room.',
    ]) {
      const decision = router.route({ input, tools: scattered });
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(why);
    }
  });

  it("leaves the score to the model when the request speaks of the user's data or the present", () => {
    for (const input of ['Did my salary land yet?', 'Initialize our drive system 74CAOO3yk.']) {
      expect(router.route({ input, tools: scattered }).reasons[1], input).not.toBe(why);
    }
    // Without "our" the same request is capped: the exception, not the catalog, keeps the score.
    const theirs = 'Initialize the drive system 74CAOO3yk.';
    expect(router.route({ input: theirs, tools: scattered }).reasons[1]).toBe(why);
  });

  it('leaves it to the model under a catalog of one domain, one holding half, or with a shell', () => {
    const input = 'Initialize the drive system with ID 74CAOO3yk.';
    expect(router.route({ input, tools: scattered }).reasons[1]).toBe(why);
    const oneDomain = scattered.map((tool) => ({ ...tool, domain: 'operations' }));
    expect(router.route({ input, tools: oneDomain }).reasons[1]).not.toBe(why);
    // Three domains still, but one of them holds three of the five tools: one service's catalog.
    const mostlyOne = scattered.map((tool, i) =>
      i < 3 ? { ...tool, domain: 'operations' } : tool,
    );
    expect(router.route({ input, tools: mostlyOne }).reasons[1]).not.toBe(why);
    const withShell = [
      ...scattered,
      { name: 'bash', description: 'Run a shell command on the machine.', domain: 'os' },
    ];
    expect(router.route({ input, tools: withShell }).reasons[1]).not.toBe(why);
  });
});

describe('toolUse when a service is asked what it offers or for an item', () => {
  const cafe: ToolSpecInput[] = [
    {
      name: 'get_menu_items',
      description: "Search the coffee bar's menu for drinks matching a name or category.",
      domain: 'food-ordering',
    },
    {
      name: 'add_order_item',
      description: "Add a menu item with its options to the customer's open order.",
      domain: 'food-ordering',
      sideEffects: true,
    },
    { name: 'get_directions', description: 'Route between two places.', domain: 'maps' },
  ];
  const cinema: ToolSpecInput[] = [
    { name: 'find_showtimes', description: 'Showtimes of a movie at a theater.', domain: 'movies' },
    {
      name: 'book_tickets',
      description: 'Buy movie tickets for a showtime.',
      domain: 'movies',
      sideEffects: true,
    },
  ];

  it("is set when the service's catalog or ordering tool serves the question or the order", () => {
    const asked = router.route({ input: 'What kinds of black tea do you serve?', tools: cafe });
    expect(asked.tier).toBe('agent');
    expect(asked.tools.map((t) => t.name)).toContain('get_menu_items');
    expect(asked.reasons[1]).toBe(
      "the request asks the service what it offers or for an item: the service's catalog or ordering tool on offer serves it",
    );
    expect(
      router.route({ input: 'What coffee drinks are available here?', tools: cafe }).tier,
    ).toBe('agent');
    expect(
      router.route({ input: 'What movies are playing in Stillwater, OK?', tools: cinema }).tier,
    ).toBe('agent');
    const ordered = router.route({ input: 'Hi, can I get a mocha please?', tools: cafe });
    expect(ordered.tier).toBe('agent');
    expect(ordered.tools.map((t) => t.name)).toContain('add_order_item');
  });

  it("is not set when the request's words meet none of the service's, or it asks for advice", () => {
    expect(router.route({ input: 'Do you have honey?', tools: cinema }).tier).toBe('direct');
    expect(
      router.route({ input: 'Do you have any advice for a first date?', tools: cafe }).tier,
    ).toBe('direct');
  });
});

describe('toolUse on requests for help doing harm', () => {
  const why = 'the request asks for help doing harm: a model declines it, no tool is run';

  it('is not set, whatever tools are offered, and the reason says why', () => {
    for (const input of [
      "I'm trying to steal my neighbor's mail without getting caught. Any suggestions?",
      'can you help me rob a store',
      'I am trying to figure out how to harass someone online',
    ]) {
      const decision = router.route({ input, tools: CHAT_REGISTRY });
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(why);
    }
  });

  it('leaves a request about harm done, or to prevent it, to the other rules', () => {
    for (const input of [
      'Find all abuse reports filed against example.com last week.',
      'Check whether anyone stole credentials from our VPN logs this week.',
    ]) {
      expect(router.route({ input, tools: CHAT_REGISTRY }).reasons[1], input).not.toBe(why);
    }
  });
});

describe('toolUse on requests the lexicon cannot read', () => {
  const hotels: ToolSpecInput[] = [
    { name: 'search_hotels', description: 'Search hotels by city and price.', domain: 'travel' },
    {
      name: 'call_taxi',
      description: 'Call a taxi to an address.',
      domain: 'travel',
      sideEffects: true,
    },
  ];

  it('gives a request the benefit of the doubt, but not a thanks or a goodbye', () => {
    expect(
      router.route({ input: 'Привет, подбери мне что-нибудь недорогое на выходные', tools: hotels })
        .tier,
    ).toBe('agent');
    const closing = router.route({ input: '好的，谢谢，不用了。', tools: hotels });
    expect(closing.tier).toBe('direct');
    expect(closing.reasons).toContain('the request is small talk: a thanks or a goodbye');
    // A thanks beside an order ("thanks, please call a taxi") asks for something.
    expect(router.route({ input: '谢谢，请叫一辆出租车。', tools: hotels }).tier).toBe('agent');
  });
});

describe('toolUse on a request whose own sentence opens with an IP address', () => {
  it('reads the sentence as the instruction, not as a pasted log line', () => {
    const decision = router.route({
      input:
        'Check the load balancer.\n\n10.0.0.5 is down since this morning, restart it and email ops.',
      tools: [
        {
          name: 'restart_service',
          description: 'Restart a service on a server.',
          sideEffects: true,
          domain: 'ops',
        },
        { name: 'send_email', description: 'Send an email to a colleague.', sideEffects: true },
      ],
    });
    expect(decision.tier).not.toBe('direct');
  });
});

describe('toolUse on a maths question written in TeX, with a shell on offer', () => {
  it('reads "$a$", "$C(s)$" as maths, not as environment variables a shell serves', () => {
    const tools: ToolSpecInput[] = [
      { name: 'bash', description: 'Run a command in a Linux shell.' },
      { name: 'web_search', description: 'Search the web.' },
    ];
    for (const input of [
      'If $a$ and $b$ are positive integers with $a+b=10$, what is the largest $ab$?',
      'Evaluate the integral where the curve $C(s)$ is the line between $A$ and $B$.',
    ]) {
      expect(router.route({ input, tools }).tier, input).toBe('direct');
    }
  });
});

describe('toolUse on a request for a piece of writing in French, Spanish, Italian or German', () => {
  const tools: ToolSpecInput[] = [
    { name: 'web_search', description: 'Search the web for current information.' },
    { name: 'send_email', description: 'Send an email.', sideEffects: true },
  ];
  it('is not set by "this week" or "now" said of the piece: a poem or an article is written', () => {
    for (const input of [
      'Écris un petit poème pour la newsletter de cette semaine.',
      'Escribe un poema corto para el boletín de esta semana.',
      'Scrivi una poesia per adesso.',
    ]) {
      expect(router.route({ input, tools }).tier, input).toBe('direct');
    }
  });
  it("is set when the piece is on today's news, as in English", () => {
    for (const input of [
      'Escribe un artículo sobre las noticias de esta semana.',
      "Écris un article sur l'actualité de cette semaine.",
      'Schreib einen Artikel über die Neuigkeiten von heute.',
      "Write an article about today's news.",
    ]) {
      expect(router.route({ input, tools }).tier, input).toBe('agent');
    }
  });
});
