import { describe, expect, it } from 'vitest';
import type { ToolSpec } from '../../src/core/task.ts';
import { parseTask } from '../../src/core/task.ts';
import type { ToolSpecInput } from '../../src/index.ts';
import { analyzeRequest } from '../../src/router/analysis.ts';
import { crossDomainEvidence, isChannel } from '../../src/router/features/cross-domain-features.ts';
import {
  catalogKinds,
  FITTED_TOOL_USE_FEATURES,
  fittedToolUseFeatures,
  formCues,
} from '../../src/router/features/form-features.ts';
import { parallelismFeatures } from '../../src/router/features/parallelism-features.ts';
import { securityEvidence } from '../../src/router/features/security-features.ts';
import { toolKinds } from '../../src/router/features/tool-kinds.ts';
import { toolRelevances } from '../../src/router/features/tool-relevance.ts';
import type { ToolNeed } from '../../src/router/scorer.ts';

// The features the fitted models weigh. Their weights are data (src/router/data/router-model.json);
// what each feature measures is code, tested here on its own.

function needs(tools: readonly ToolSpecInput[], score = 0.9): ToolNeed[] {
  return parseTask({ input: 'x', tools }).tools.map((tool) => ({ tool, score, relevance: score }));
}

describe('parallelism features', () => {
  it('count substantial items handled one by one', () => {
    const f = parallelismFeatures(
      analyzeRequest('Research these five vendors: A, B, C, D and E; for each write a brief'),
    );
    expect(f).toMatchObject({ items3: 1, items4: 1, eachItems: 1, substantialItems: 1 });
  });

  it('mark quick look-ups over several records as trivial', () => {
    const f = parallelismFeatures(analyzeRequest('Status for orders 1, 2, 3, 4 and 5'));
    expect(f).toMatchObject({ items3: 1, trivialItems: 1 });
    expect(f.substantialItems ?? 0).toBe(0);
  });

  it('do not count nights, days or other units as items of work', () => {
    expect(parallelismFeatures(analyzeRequest('3 nights in Paris')).items3 ?? 0).toBe(0);
    expect(
      parallelismFeatures(
        analyzeRequest('Research hotels for 3 nights in Paris and write a short brief for each.'),
      ).items3 ?? 0,
    ).toBe(0);
    expect(
      parallelismFeatures(
        analyzeRequest('Research 3 hotels in Paris and write a short brief for each.'),
      ).items3,
    ).toBe(1);
  });
});

describe('security boundary evidence', () => {
  const tools: ToolSpecInput[] = [
    {
      name: 'read_inbox',
      description: 'Read the inbox.',
      untrustedInput: true,
      sensitiveData: true,
    },
    { name: 'get_customer_record', description: 'A customer record.', sensitiveData: true },
    { name: 'send_email', description: 'Send an email.', sideEffects: true },
  ];
  const request = analyzeRequest('Read my newest email and reply to the sender.');

  it('holds all three legs when the needed tools read untrusted content, touch sensitive data and act', () => {
    const found = securityEvidence(request, needs(tools), [], 1);
    expect(found.features).toMatchObject({ threeLegs: 1, twoLegs: 0 });
    expect(found.untrusted.need?.tool.name).toBe('read_inbox');
    expect(found.acting.need?.tool.name).toBe('send_email');
  });

  it('drops the acting leg when the request says not to act', () => {
    const held = analyzeRequest(
      "Read my newest email and draft a reply, but don't send anything yet.",
    );
    const found = securityEvidence(held, needs(tools), [], 1);
    expect(found.features).toMatchObject({ threeLegs: 0, holdAction: 1 });
    expect(found.acting.need).toBeUndefined();
  });

  it('holds two legs without a sending tool', () => {
    const found = securityEvidence(request, needs(tools.slice(0, 2)), [], 1);
    expect(found.features).toMatchObject({ threeLegs: 0, twoLegs: 1 });
  });
});

describe('cross-domain evidence', () => {
  const invoice = { name: 'get_invoice', description: 'Fetch an invoice.', domain: 'billing' };
  const shipment = { name: 'get_shipment', description: 'Tracking status.', domain: 'logistics' };
  const sendEmail = {
    name: 'send_email',
    description: 'Send an email.',
    domain: 'messaging',
    sideEffects: true,
  };
  const request = analyzeRequest('Check invoice INV-2291 and the tracking status of its shipment.');

  it('counts the specialist domains of the needed tools', () => {
    const found = crossDomainEvidence(request, needs([invoice, shipment]), [], 1);
    expect(found.features).toMatchObject({ domains2: 1, specialistDomains2: 1 });
    expect(found.domains.map((n) => n.tool.domain).sort()).toEqual(['billing', 'logistics']);
  });

  it('does not count a channel that only delivers the result as a domain', () => {
    expect(isChannel(parseTask({ input: 'x', tools: [sendEmail] }).tools[0] as never)).toBe(true);
    const found = crossDomainEvidence(request, needs([invoice, sendEmail]), [], 1);
    expect(found.features).toMatchObject({ domains2: 1, specialistDomains2: 0 });
  });

  it('counts disciplines named for separate reviews', () => {
    const reviews = analyzeRequest(
      'Get a security review and a separate privacy/legal review of the spec, then merge them.',
    );
    expect(crossDomainEvidence(reviews, [], [], 0).disciplines.length).toBeGreaterThanOrEqual(2);
  });
});

describe('tool relevance', () => {
  it('matches German words to an English tool through the lexicon', () => {
    const task = parseTask({
      input: 'Wo ist meine Bestellung 30418?',
      tools: [
        { name: 'get_order', description: 'Look up a shop order by id.', domain: 'commerce' },
        { name: 'search_hotels', description: 'Search hotel availability.', domain: 'travel' },
      ],
    });
    const { perTool } = toolRelevances(task.tools, analyzeRequest(task.input));
    expect(perTool[0]?.relevance).toBeGreaterThan(0.3);
    expect(perTool[1]?.relevance).toBe(0);
  });

  it('takes no word every tool uses (get, find, search, time) as evidence on its own', () => {
    const tools = [
      { name: 'get_calendar', description: "Read the user's calendar events for a date range." },
      { name: 'web_search', description: 'Search the web and return results with links.' },
    ];
    const relevanceOf = (input: string) => {
      const task = parseTask({ input, tools });
      return toolRelevances(task.tools, analyzeRequest(task.input)).perTool.map((t) => t.relevance);
    };
    // "get" and "find" are everyday speech: alone they match neither tool.
    expect(relevanceOf('My parents grounded me and I want to get back at them.')).toEqual([0, 0]);
    expect(relevanceOf('Can you help me find some peace of mind?')).toEqual([0, 0]);
    // Beside a specific word they still add to it.
    const [calendar] = relevanceOf('Get my calendar for Friday.');
    const [calendarAlone] = relevanceOf('My calendar for Friday.');
    expect(calendar).toBeGreaterThan(calendarAlone ?? 1);
    expect(relevanceOf('Search the web for the opening hours.')[1]).toBeGreaterThan(0.3);
  });

  it("takes a description's everyday verbs (provides, helps, makes, best) as no evidence on their own", () => {
    const tools = [
      {
        name: 'tailor_erp',
        description: 'Helps you make the best ERP application for your business.',
        domain: 'software',
      },
      { name: 'news_digest', description: 'Provides the latest headlines.', domain: 'news' },
    ];
    const relevanceOf = (input: string) => {
      const task = parseTask({ input, tools });
      return toolRelevances(task.tools, analyzeRequest(task.input)).perTool.map((t) => t.relevance);
    };
    expect(relevanceOf('Can you help me make the best of a rainy weekend?')).toEqual([0, 0]);
    expect(relevanceOf('Please provide a short poem about spring.')).toEqual([0, 0]);
    // Beside a specific word they still add to it.
    expect(relevanceOf('Help me make an ERP application.')[0]).toBeGreaterThan(0.3);
  });

  it("takes a description's 'allows', 'offers', 'assists' as no evidence on their own", () => {
    const tools = [
      {
        name: 'fleet_tracker',
        description: 'Allows managers to track trucks; offers route history and assists dispatch.',
        domain: 'logistics',
      },
    ];
    const relevanceOf = (input: string) => {
      const task = parseTask({ input, tools });
      return toolRelevances(task.tools, analyzeRequest(task.input)).perTool[0]?.relevance;
    };
    for (const input of [
      'Does the lease allow pets?',
      'Write a polite reply declining their offer.',
      'How can I assist my grandmother with her stairs?',
    ]) {
      expect(relevanceOf(input), input).toBe(0);
    }
  });

  it('matches a tool named and described only in words every tool uses by those words', () => {
    const tools = [
      {
        name: 'getSystemTime',
        description: 'Retrieve the current system time',
        domain: 'software',
      },
      { name: 'get_weather', description: 'Current conditions and forecast for a place.' },
    ];
    const task = parseTask({ input: 'Retrieve the current system time, please.', tools });
    const [time, weather] = toolRelevances(task.tools, analyzeRequest(task.input)).perTool;
    expect(time?.relevance).toBeGreaterThan(0.3);
    expect(weather?.relevance).toBe(0);
  });
});

describe('tool kinds', () => {
  const kindsOf = (name: string, description: string) =>
    toolKinds(parseTask({ input: 'x', tools: [{ name, description }] }).tools[0] as ToolSpec);

  it('reads general-purpose capabilities from a tool name and description', () => {
    expect(kindsOf('web_search', 'Search the public web.').search).toBe(true);
    expect(kindsOf('calculator', 'Evaluate an arithmetic expression.').compute).toBe(true);
    expect(kindsOf('db.run_query', 'Run a read-only SQL SELECT on the database.').query).toBe(true);
    expect(kindsOf('bash', 'Run a shell command on the Linux machine.').shell).toBe(true);
  });

  it("reads a service's catalog (a read tool) and its ordering tool (one that acts)", () => {
    expect(kindsOf('get_menu_items', "Search the coffee bar's menu for drinks.").catalog).toBe(
      true,
    );
    const add = parseTask({
      input: 'x',
      tools: [
        {
          name: 'add_order_item',
          description: 'Add an item to the open order.',
          sideEffects: true,
        },
      ],
    }).tools[0] as ToolSpec;
    expect(toolKinds(add).ordering).toBe(true);
    // A tool that acts is no catalog, and one that reads places no order.
    expect(toolKinds(add).catalog).toBe(false);
    expect(kindsOf('get_order', 'Look up a shop order by id.').ordering).toBe(false);
  });

  it('gives a specific tool no kind', () => {
    expect(kindsOf('get_weather', 'Current conditions and forecast for a place.')).toEqual({
      search: false,
      compute: false,
      query: false,
      shell: false,
      catalog: false,
      ordering: false,
    });
  });

  it('reads the kinds offered by a catalog', () => {
    const task = parseTask({
      input: 'who holds the record for most home runs?',
      tools: [{ name: 'web_search', description: 'Search the public web.' }],
    });
    expect(
      catalogKinds(toolRelevances(task.tools, analyzeRequest(task.input)).perTool).search,
    ).toBe(true);
  });
});

describe('text form', () => {
  it('counts numbers and sentences in any script', () => {
    const form = formCues(
      analyzeRequest(
        'Siobhan a 2 bijoux de moins qu’Aaron. Aaron en a 5 de plus. Si Raymond a 40 bijoux, combien ?',
      ),
    );
    expect([form.numbers, form.sentences, form.endsAsking]).toEqual([3, 3, true]);
    expect(formCues(analyzeRequest('东京有多少人？他们住在哪里？')).sentences).toBe(2);
  });

  it('measures the longest number in digits', () => {
    expect(formCues(analyzeRequest('Each room has 9,247,888 sheets.')).longestNumber).toBe(7);
  });
});

describe('the fitted toolUse features', () => {
  it('write one value per named feature', () => {
    const task = parseTask({
      input: 'Count the lines of /var/log/app.log for me, today please?',
      tools: [{ name: 'bash', description: 'Run a shell command on the Linux machine.' }],
    });
    const analysis = analyzeRequest(task.input);
    const values = fittedToolUseFeatures(
      analysis,
      toolRelevances(task.tools, analysis),
      formCues(analysis),
    );
    expect(values).toHaveLength(FITTED_TOOL_USE_FEATURES.length);
    expect(values[FITTED_TOOL_USE_FEATURES.indexOf('shellResource')]).toBe(1);
  });
});
