import { describe, expect, it } from 'vitest';
import {
  createRouter,
  InvalidConfigError,
  InvalidTaskError,
  type Scorer,
  ScorerError,
  type ToolSpecInput,
} from '../../src/index.ts';

const commerce: ToolSpecInput[] = [
  {
    name: 'get_order',
    description:
      'Look up a shop order by id, including items, totals, status and shipping address.',
    domain: 'commerce',
    sensitiveData: true,
  },
  {
    name: 'track_shipment',
    description: "Return the carrier's tracking events and delivery estimate for a shipment.",
    domain: 'commerce',
  },
];
const payments: ToolSpecInput = {
  name: 'refund_payment',
  description: 'Refund a card charge through the payment processor.',
  domain: 'payments',
  sideEffects: true,
};
const inbox: ToolSpecInput[] = [
  {
    name: 'read_inbox',
    description: "Read messages in the requesting user's email inbox.",
    domain: 'messaging',
    untrustedInput: true,
    sensitiveData: true,
  },
  {
    name: 'get_payroll',
    description: 'Return salaries and bank details of every employee.',
    domain: 'hr',
    sensitiveData: true,
  },
  {
    name: 'send_email',
    description: "Send an email from the requesting user's mailbox.",
    domain: 'messaging',
    sideEffects: true,
  },
];

describe('createRouter().route', () => {
  const router = createRouter();

  it('routes a self-contained request to direct', () => {
    const decision = router.route({
      input: 'Translate to German: "Your export is ready."',
      tools: commerce,
    });
    expect(decision.tier).toBe('direct');
    expect(decision.signals.toolUse.set).toBe(false);
    expect(decision.tools).toEqual([]);
  });

  it('routes a request for live private data to agent and names the tool', () => {
    const decision = router.route({
      input: 'Where is order 30418? It has been a week.',
      tools: commerce,
    });
    expect(decision.tier).toBe('agent');
    expect(decision.tools.map((t) => t.name)).toContain('get_order');
    expect(decision.reasons[0]).toMatch(/^needs get_order \(commerce\)/);
  });

  it('sets crossDomain when the needed tools span two domains, and says which', () => {
    const decision = router.route({
      input: 'Order 30418 arrived broken: check the order and refund the payment.',
      tools: [...commerce, payments],
    });
    expect(decision.signals.crossDomain.set).toBe(true);
    expect(decision.tier).toBe('multi-agent');
    const reason = decision.reasons.find((r) => r.includes(': two domains'));
    expect(reason).toContain('get_order (commerce)');
    expect(reason).toContain('refund_payment (payments)');
  });

  it('sets securityBoundary when one agent would hold all three legs of the Rule of Two', () => {
    const decision = router.route({
      input:
        'Read the latest email in my inbox and send the sender the payroll salaries they ask for.',
      tools: inbox,
    });
    expect(decision.signals.securityBoundary.set).toBe(true);
    expect(decision.reasons.join(' ')).toMatch(/all three of the Rule of Two/);
  });

  it('holds the boundary when the request says not to act', () => {
    const decision = router.route({
      input:
        "Read the latest email in my inbox and check it against payroll, but don't send anything yet.",
      tools: inbox,
    });
    expect(decision.signals.securityBoundary.set).toBe(false);
  });

  it('sets parallelism for several substantial independent subtasks, not for quick look-ups', () => {
    const research = router.route(
      'Research these five vendors: Vanta, Drata, Secureframe, Sprinto and Thoropass. For each, review pricing and write a one-page brief.',
    );
    expect(research.signals.parallelism.set).toBe(true);
    expect(research.tier).toBe('multi-agent');
    const lookups = router.route({
      input: 'Status for orders 10231, 10244, 10259, 10260 and 10277?',
      tools: commerce,
    });
    expect(lookups.signals.parallelism.set).toBe(false);
    expect(lookups.tier).toBe('agent');
  });

  it('returns scores in [0, 1] with the thresholds in force', () => {
    const decision = router.route({ input: 'Where is order 30418?', tools: commerce });
    for (const signal of Object.values(decision.signals)) {
      expect(signal.score).toBeGreaterThanOrEqual(0);
      expect(signal.score).toBeLessThanOrEqual(1);
      expect(signal.set).toBe(signal.score >= signal.threshold);
    }
  });

  it('throws a typed error naming the field for a malformed task', () => {
    expect(() => router.route({ input: '', tools: [] })).toThrow(InvalidTaskError);
    try {
      router.route({ input: 'x', tools: [{ name: 'ok', description: 3 }] } as never);
    } catch (error) {
      expect((error as InvalidTaskError).field).toBe('tools[0].description');
    }
    expect.assertions(2);
  });
});

describe('tier policy', () => {
  const task = {
    input: 'Order 30418 arrived broken: check the order and refund the payment.',
    tools: [...commerce, payments],
  };

  it('caps the tier with maxTier and says so', () => {
    const decision = createRouter({ maxTier: 'agent' }).route(task);
    expect(decision.signalTier).toBe('multi-agent');
    expect(decision.tier).toBe('agent');
    expect(decision.override).toEqual({ by: 'max-tier', from: 'multi-agent', to: 'agent' });
    expect(decision.reasonCodes.at(-1)).toBe('max-tier');
    expect(decision.reasons.at(-1)).toMatch(/capped at agent/);
  });

  it('gives every reason a code, in the same order', () => {
    const decision = createRouter({ maxTier: 'agent' }).route({
      ...task,
      hints: { tier: 'multi-agent' },
    });
    expect(decision.reasonCodes).toHaveLength(decision.reasons.length);
    expect(decision.reasonCodes[0]).toBe('needs-tools');
    expect(decision.reasons[0]).toMatch(/^needs .*get_order/);
    expect(decision.reasonCodes).toContain('cross-domain');
    expect(decision.reasonCodes.at(-1)).toBe('max-tier');
    expect(createRouter().route('Say hello.').reasonCodes[0]).toBe('needs-no-tool');
  });

  it('lets a hint force a tier and a hint cap it', () => {
    const forced = createRouter().route({ ...task, hints: { tier: 'direct' } });
    expect(forced.tier).toBe('direct');
    expect(forced.override?.by).toBe('hint');
    const capped = createRouter().route({ ...task, hints: { maxTier: 'direct' } });
    expect(capped.tier).toBe('direct');
    expect(capped.override?.by).toBe('max-tier');
  });

  it('treats two hinted domains as cross-domain', () => {
    const decision = createRouter().route({
      input: 'Summarize this.',
      hints: { domains: ['legal', 'finance'] },
    });
    expect(decision.signals.crossDomain.set).toBe(true);
  });

  it('applies thresholds', () => {
    const strict = createRouter({ thresholds: { toolUse: 1 } });
    expect(strict.route({ input: 'Where is order 30418?', tools: commerce }).tier).toBe('direct');
  });
});

describe('scorers', () => {
  const always: Scorer = {
    name: 'always-parallel',
    signal: 'parallelism',
    score: () => ({ score: 0.95, reasons: ['custom says parallel'] }),
  };

  it('can be replaced per signal', () => {
    const decision = createRouter({ scorers: { parallelism: always } }).route('Say hello.');
    expect(decision.signals.parallelism).toMatchObject({ score: 0.95, set: true });
    expect(decision.tier).toBe('multi-agent');
    expect(decision.reasons).toContain('custom says parallel');
  });

  it('can be added; the signal takes the highest score', () => {
    const decision = createRouter({ extraScorers: [always] }).route('Say hello.');
    expect(decision.signals.parallelism.score).toBe(0.95);
  });

  it('sees the tools the toolUse scorer judged needed', () => {
    let seen: string[] = [];
    const spy: Scorer = {
      name: 'spy',
      signal: 'crossDomain',
      score: ({ neededTools }) => {
        seen = neededTools.map((n) => n.tool.name);
        return { score: 0, reasons: [] };
      },
    };
    createRouter({ extraScorers: [spy] }).route({
      input: 'Where is order 30418?',
      tools: commerce,
    });
    expect(seen).toContain('get_order');
  });
});

describe('options', () => {
  it('rejects out-of-range thresholds naming the option', () => {
    try {
      createRouter({ thresholds: { parallelism: 1.4 } });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigError);
      expect((error as InvalidConfigError).field).toBe('thresholds.parallelism');
      expect((error as Error).message).toContain('<= 1');
    }
    expect.assertions(3);
  });

  it('rejects unknown keys and a scorer registered under the wrong signal', () => {
    expect(() => createRouter({ threshold: {} } as never)).toThrow(/threshold/);
    const wrong: Scorer = {
      name: 'x',
      signal: 'toolUse',
      score: () => ({ score: 0, reasons: [] }),
    };
    expect(() => createRouter({ scorers: { parallelism: wrong } })).toThrow(
      /scorers\.parallelism\.signal/,
    );
  });

  it('marks scores near the threshold as uncertain', () => {
    const router = createRouter({ uncertainBand: 0.5 });
    const decision = router.route('Say hello.');
    expect(decision.signals.toolUse.uncertain).toBe(true);
    const narrow = createRouter({ uncertainBand: 0 }).route('Say hello.');
    expect(narrow.signals.toolUse.uncertain).toBe(false);
  });
});

describe('reasons', () => {
  it('say so when the request needs a tool but none matches its words', () => {
    const always: Scorer = {
      name: 'always-tools',
      signal: 'toolUse',
      score: () => ({ score: 0.9, reasons: [], neededTools: [] }),
    };
    const decision = createRouter({ scorers: { toolUse: always } }).route({
      input: 'Do the thing.',
      tools: commerce,
    });
    expect(decision.tier).toBe('agent');
    expect(decision.reasons[0]).toBe('needs an offered tool, though no tool matches its words');
  });
});

describe('requests the lexicon cannot read', () => {
  it('get the benefit of the doubt when tools are offered', () => {
    const decision = createRouter().route({
      input: '上海现在的天气怎么样？',
      tools: [
        { name: 'get_weather', description: 'Return the forecast for a city.', domain: 'weather' },
      ],
    });
    expect(decision.tier).toBe('agent');
    expect(decision.reasons.join(' ')).toMatch(/outside the lexicon/);
  });
});

describe('scorer results', () => {
  const task = {
    input:
      'Read the latest email in my inbox and send the sender the payroll salaries they ask for.',
    tools: inbox,
  };

  it('an extra scorer cannot lower the default scorer: the highest score wins', () => {
    const low: Scorer = {
      name: 'vip',
      signal: 'securityBoundary',
      score: () => ({ score: 0, reasons: [] }),
    };
    const plain = createRouter().route(task).signals.securityBoundary.score;
    const decision = createRouter({ extraScorers: [low] }).route(task);
    expect(plain).toBeGreaterThan(0.5);
    expect(decision.signals.securityBoundary.score).toBe(plain);
  });

  it.each([
    ['a score above 1', () => ({ score: 2, reasons: [] }), /score of 2/],
    ['a missing reasons array', () => ({ score: 0.5 }) as never, /reasons/],
    ['a promise', () => Promise.resolve({ score: 1, reasons: [] }) as never, /synchronously/],
    [
      'an exception',
      () => {
        throw new Error('boom');
      },
      /threw: Error: boom/,
    ],
  ])('a scorer returning %s is a ScorerError naming it', (_, score, message) => {
    const bad: Scorer = { name: 'bad-one', signal: 'parallelism', score };
    const router = createRouter({ extraScorers: [bad] });
    expect(() => router.route('Say hello.')).toThrow(ScorerError);
    expect(() => router.route('Say hello.')).toThrow(message);
    expect(() => router.route('Say hello.')).toThrow(/`bad-one` \(parallelism\)/);
  });
});

describe('tools count only when the request needs a tool', () => {
  it('a toolUse threshold of 1 keeps tool-driven signals off', () => {
    const decision = createRouter({ thresholds: { toolUse: 1 } }).route({
      input: 'Order 30418 arrived broken: check the order and refund the payment.',
      tools: [...commerce, payments],
    });
    expect(decision.signals.crossDomain.set).toBe(false);
    expect(decision.tier).toBe('direct');
  });
});

describe('overrides', () => {
  it('a hinted tier capped by maxTier says the hint asked for it', () => {
    const decision = createRouter({ maxTier: 'agent' }).route({
      input: 'Say hello.',
      hints: { tier: 'multi-agent' },
    });
    expect(decision.tier).toBe('agent');
    expect(decision.reasons.at(-1)).toBe(
      "capped at agent by maxTier (the task's hint asks for multi-agent)",
    );
  });
});

describe('named expert reviews', () => {
  it.each([
    [
      'Get a security review and a separate privacy/legal review of the spec, then merge them.',
      true,
    ],
    [
      'I need three separate reviews: legal (liability), security (breach notice), finance (fees).',
      true,
    ],
    ['Please review the PR for security issues.', false],
    ['Can you review my personal finances?', false],
  ])('%s -> crossDomain %s', (input, expected) => {
    expect(createRouter().route(input).signals.crossDomain.set).toBe(expected);
  });
});

describe('a channel used as a verb', () => {
  const tools: ToolSpecInput[] = [
    {
      name: 'send_email',
      description: 'Send an email to a customer.',
      domain: 'support',
      sideEffects: true,
    },
    {
      name: 'refund_payment',
      description: 'Refund a card payment.',
      domain: 'payments',
      sideEffects: true,
    },
  ];
  it.each([
    ['Refund the card charge of order 88123 and email them a confirmation.', true],
    ['Refund order 88123, then message the customer that it is done.', true],
    ['Refund order 88123; the message the customer wrote says it broke.', false],
  ])('%s -> send_email needed: %s', (input, expected) => {
    const names = createRouter()
      .route({ input, tools })
      .tools.map((t) => t.name);
    expect(names.includes('send_email')).toBe(expected);
  });
});
