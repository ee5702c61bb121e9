import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimental_fittedRouterModel } from '../../src/fitted-router/index.ts';
import { createRouter, InvalidConfigError } from '../../src/index.ts';
import { analyzeRequest } from '../../src/router/analysis.ts';
import { type Example, fitLogistic } from '../../src/router/model/fit-logistic.ts';
import { fitRouterModel } from '../../src/router/model/fit-router-model.ts';
import { compile, score } from '../../src/router/model/logistic.ts';
import { RouterModel } from '../../src/router/model/router-model.ts';
import { readWords, requestTokens } from '../../src/router/model/tokens.ts';

describe('src/router/data/router-model.json', () => {
  it('matches its schema and names what it was fitted on', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../src/router/data/router-model.json', import.meta.url), 'utf8'),
    );
    const parsed = RouterModel.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(Object.keys(raw.about.sources).length).toBeGreaterThanOrEqual(5);
    expect(raw.about.command).toBe('npm run fit:router');
  });
});

describe('a logistic model', () => {
  const model = compile({ bias: -1, dense: { a: 2, b: -3 }, sparse: { 'w:x': 1.5, 'w:y': 0.1 } });

  it('scores bias plus weighted features, and keeps the strongest contributions on its side', () => {
    const scored = score(model, { a: 1, b: 0 }, readWords(analyzeRequest('y x unknown, x')));
    expect(scored.probability).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 2 + 1.5 + 0.1))), 10);
    expect(scored.top.map((c) => c.feature)).toEqual(['a', 'w:x', 'w:y']);
  });

  it('explains a low score by what pulled it down', () => {
    const scored = score(model, { a: 0, b: 1 }, readWords(analyzeRequest('nothing known')));
    expect(scored.probability).toBeLessThan(0.5);
    expect(scored.top.map((c) => c.feature)).toEqual(['b']);
  });
});

describe('fitting', () => {
  const examples: Example[] = [];
  for (let i = 0; i < 40; i++) {
    examples.push({ dense: { noise: i % 2 }, sparse: ['w:refund', 'w:order'], y: 1, weight: 1 });
    examples.push({ dense: { noise: i % 2 }, sparse: ['w:poem', 'w:order'], y: 0, weight: 1 });
  }

  it('learns which keys tell the classes apart, and gives the same weights every time', () => {
    const first = fitLogistic(examples);
    expect(first.sparse['w:refund']).toBeGreaterThan(1);
    expect(first.sparse['w:poem']).toBeLessThan(-1);
    expect(Math.abs(first.sparse['w:order'] ?? 0)).toBeLessThan(0.5);
    expect(fitLogistic(examples)).toEqual(first);
  });

  it('learns no word outside the allowed vocabulary', () => {
    const fitted = fitLogistic(examples, undefined, new Set(['w:order']));
    expect(fitted.sparse['w:refund']).toBeUndefined();
  });

  it('fits router models that createRouter takes, and that change its decisions', () => {
    const tools = [{ name: 'get_order', description: 'Look up an order by id.', domain: 'shop' }];
    const records = [
      'Where is order 5?',
      'Where is order 7?',
      'Track my order 12',
      'Status of order 9',
    ].flatMap((input, i) => [
      {
        id: `a${i}`,
        source: i % 2 ? 'one' : 'two',
        input,
        tools,
        expected: {
          toolUse: true,
          crossDomain: false,
          securityBoundary: false,
          parallelism: false,
          tools: ['get_order'],
        },
      },
      {
        id: `b${i}`,
        source: i % 2 ? 'one' : 'two',
        input: `Write a poem about ${input.toLowerCase()}`,
        tools,
        expected: {
          toolUse: false,
          crossDomain: false,
          securityBoundary: false,
          parallelism: false,
        },
      },
    ]);
    const fitted = fitRouterModel(records, 'test', {
      sourceWeight: 100,
      composedWeight: 1,
      minSources: 1,
      l2: 1e-4,
      l2Words: 1e-4,
      l2SignalWords: 1e-3,
      signalWords: [],
      toolUseWeight: 1,
      signalWeight: 1,
    });
    expect(RouterModel.safeParse(fitted).success).toBe(true);
    expect(fitted.about.sources).toEqual({ one: 4, two: 4 });
    const router = createRouter({ fittedModel: fitted });
    expect(router.route({ input: 'Where is order 44?', tools }).tier).toBe('agent');
    expect(router.route({ input: 'Write a poem about order 44', tools }).tier).toBe('direct');
  });

  it('refuses a malformed fitted model, naming the field', () => {
    expect(() => createRouter({ fittedModel: { needCut: 2 } as never })).toThrow(
      InvalidConfigError,
    );
    try {
      createRouter({ fittedModel: { needCut: 2 } as never });
    } catch (error) {
      expect((error as InvalidConfigError).message).toMatch(/fittedModel/);
    }
  });
});

describe('a fitted model of other features', () => {
  it('is refused, naming the feature the router does not compute', () => {
    const base = experimental_fittedRouterModel;
    const toolUse = { ...base.models.toolUse, dense: { ...base.models.toolUse.dense, vibes: 1 } };
    const fittedModel = { ...base, models: { ...base.models, toolUse } };
    expect(() => createRouter({ fittedModel })).toThrow(InvalidConfigError);
    try {
      createRouter({ fittedModel });
    } catch (error) {
      expect((error as InvalidConfigError).issues.map((i) => i.path)).toEqual([
        'fittedModel.models.toolUse.dense.vibes',
      ]);
    }
  });
});

describe('request tokens', () => {
  it('reads words, word pairs and the first word, each once', () => {
    const keys = requestTokens(analyzeRequest('Send the report, send it now'));
    expect(keys).toContain('f:send');
    expect(keys).toContain('b:send_the');
    expect(keys.filter((k) => k === 'w:send')).toHaveLength(1);
  });

  it('reads scripts written without spaces as pairs of characters', () => {
    const keys = requestTokens(analyzeRequest('上海现在的天气怎么样？'));
    expect(keys).toContain('c:天气');
    expect(keys).toContain('q:question');
  });
});

describe('word weights', () => {
  it('count every key of requestTokens once, as a sum over its keys would', () => {
    const inputs = [
      'Send the report, send it now?',
      '上海现在的天气怎么样？ send 2 reports',
      'Summarize this:\n\nthe report is late again and again',
    ];
    for (const input of inputs) {
      const analysis = analyzeRequest(input);
      const keys = requestTokens(analysis);
      const sparse = Object.fromEntries(keys.map((key, i) => [key, (i % 7) - 3 + 0.5]));
      const model = compile({ bias: 0, dense: {}, sparse });
      const z = keys.reduce((sum, key) => sum + (sparse[key] ?? 0), 0);
      const expected = Math.min(0.999, 1 / (1 + Math.exp(-z)));
      expect(score(model, {}, readWords(analysis)).probability).toBeCloseTo(expected, 10);
    }
  });
});
