import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '../../src/core/errors.ts';
import {
  createPriceTable,
  DEFAULT_PRICES,
  ModelPrice,
  PRICES_AS_OF,
  type PriceTableOptions,
} from '../../src/pricing/price-table.ts';

const big = { inputPerMillion: 2, cachedInputPerMillion: 0.5, outputPerMillion: 8 };
const mini = { inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6 };
const sonnet = { inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15 };

/** A table of only these prices, so that the lookup rules are tested apart from the data. */
const own = createPriceTable({
  replace: true,
  prices: { 'gpt-4.1': big, 'gpt-4.1-mini': mini, 'claude-sonnet-4-5': sonnet },
});

const usage = (inputTokens: number, outputTokens: number, cachedInputTokens = 0) => ({
  inputTokens,
  outputTokens,
  cachedInputTokens,
});

function builtIn(modelId: string): ModelPrice {
  const price = DEFAULT_PRICES[modelId];
  if (price === undefined) throw new Error(`no built-in price for ${modelId}`);
  return price;
}

function configError(options: unknown): InvalidConfigError {
  try {
    createPriceTable(options as PriceTableOptions);
  } catch (error) {
    if (error instanceof InvalidConfigError) return error;
    throw error;
  }
  throw new Error('expected createPriceTable to throw');
}

describe('lookup', () => {
  it('finds a model by its exact id', () => {
    expect(own.priceOf('gpt-4.1-mini')).toEqual(mini);
    expect(own.priceOf('gpt-4.1')).toEqual(big);
    expect(createPriceTable().priceOf('gpt-4.1-mini')).toEqual(DEFAULT_PRICES['gpt-4.1-mini']);
  });

  it('prices a dated snapshot, or a -latest alias, as its base model', () => {
    expect(own.priceOf('gpt-4.1-mini-2025-04-14')).toEqual(mini);
    expect(own.priceOf('claude-sonnet-4-5-20250929')).toEqual(sonnet);
    expect(own.priceOf('claude-sonnet-4-5-latest')).toEqual(sonnet);
    const builtIn = createPriceTable();
    expect(builtIn.priceOf('claude-sonnet-4-5-20250929')).toEqual(
      DEFAULT_PRICES['claude-sonnet-4-5'],
    );
    expect(builtIn.priceOf('claude-3-7-sonnet-latest')).toEqual(
      DEFAULT_PRICES['claude-3-7-sonnet'],
    );
  });

  it('strips only a snapshot date, not any trailing number', () => {
    const table = createPriceTable({
      replace: true,
      prices: { 'gpt-4': big, 'claude-opus-4': big },
    });
    expect(table.priceOf('gpt-4-0613')).toBeUndefined();
    expect(table.priceOf('gpt-4-2025-1-1')).toBeUndefined();
    expect(table.priceOf('claude-opus-4-1')).toBeUndefined();
    expect(table.priceOf('claude-opus-4-1-20250805')).toBeUndefined();
  });

  it('prefers an exact snapshot entry to its base model', () => {
    const table = createPriceTable({
      replace: true,
      prices: { 'gpt-4o': big, 'gpt-4o-2024-05-13': sonnet },
    });
    expect(table.priceOf('gpt-4o-2024-05-13')).toEqual(sonnet);
    expect(table.priceOf('gpt-4o-2024-08-06')).toEqual(big);
    const builtIn = createPriceTable();
    expect(builtIn.priceOf('gpt-4o-2024-05-13')?.inputPerMillion).toBe(5);
    expect(builtIn.priceOf('gpt-4o-2024-11-20')).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('strips an openai/ or anthropic/ provider prefix', () => {
    expect(own.priceOf('openai/gpt-4.1')).toEqual(big);
    expect(own.priceOf('openai/gpt-4.1-mini-2025-04-14')).toEqual(mini);
    expect(own.priceOf('anthropic/claude-sonnet-4-5-20250929')).toEqual(sonnet);
    // Another host's prefix may mean another price list: unknown unless you list it.
    expect(own.priceOf('azure/gpt-4.1')).toBeUndefined();
    const hosted = createPriceTable({ replace: true, prices: { 'azure/gpt-4.1': mini } });
    expect(hosted.priceOf('azure/gpt-4.1')).toEqual(mini);
  });

  it('never prices a model by a prefix of its id', () => {
    const table = createPriceTable({ replace: true, prices: { 'gpt-4.1': big } });
    expect(table.priceOf('gpt-4.1-mini')).toBeUndefined();
    expect(table.priceOf('gpt-4.1-mini-2025-04-14')).toBeUndefined();
    expect(table.priceOf('gpt-4.10')).toBeUndefined();
    expect(table.priceOf('gpt-4')).toBeUndefined();
    expect(table.costOf('gpt-4.1-mini', usage(1000, 1000))).toBeNull();
  });

  it('costs an unknown model null, never a guess', () => {
    const table = createPriceTable();
    expect(table.priceOf('no-such-model')).toBeUndefined();
    expect(table.costOf('no-such-model', usage(1000, 1000))).toBeNull();
    expect(table.costOf('', usage(1000, 1000))).toBeNull();
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(table.priceOf(id)).toBeUndefined();
      expect(table.costOf(id, usage(1, 1))).toBeNull();
    }
  });
});

describe('cost', () => {
  it('reads as written, without float noise', () => {
    const table = createPriceTable();
    // 1 input and 3 output tokens of gpt-4.1-mini summed to 0.000005200000000000001.
    expect(String(table.costOf('gpt-4.1-mini', usage(1, 3)))).toBe('0.0000052');
    expect(String(table.costOf('gpt-4.1-mini', usage(318, 100)))).toBe('0.0002872');
  });
});

describe('extending and overriding', () => {
  it('adds models and overrides built-in prices, keeping the rest', () => {
    const custom = { inputPerMillion: 1, outputPerMillion: 2 };
    const table = createPriceTable({ prices: { 'gpt-4.1': custom, 'my-model': mini } });
    expect(table.priceOf('gpt-4.1')).toEqual(custom);
    expect(table.priceOf('gpt-4.1-2025-04-14')).toEqual(custom);
    expect(table.priceOf('my-model')).toEqual(mini);
    expect(table.priceOf('gpt-4o')).toEqual(DEFAULT_PRICES['gpt-4o']);
    expect(DEFAULT_PRICES['gpt-4.1']).not.toEqual(custom);
  });

  it('removes an entry given null, snapshots included', () => {
    const table = createPriceTable({ prices: { 'gpt-4.1': null } });
    expect(table.priceOf('gpt-4.1')).toBeUndefined();
    expect(table.costOf('gpt-4.1-2025-04-14', usage(1000, 1000))).toBeNull();
    expect(table.priceOf('gpt-4.1-mini')).toEqual(DEFAULT_PRICES['gpt-4.1-mini']);
    expect(DEFAULT_PRICES['gpt-4.1']).toBeDefined();
  });

  it('starts from an empty table with replace', () => {
    const empty = createPriceTable({ replace: true });
    expect(empty.priceOf('gpt-4.1')).toBeUndefined();
    expect(empty.costOf('claude-sonnet-4-5', usage(1, 1))).toBeNull();
    expect(own.priceOf('gpt-4o')).toBeUndefined();
    expect(createPriceTable({ replace: false }).priceOf('gpt-4o')).toEqual(
      DEFAULT_PRICES['gpt-4o'],
    );
  });

  it('copies the prices it is given', () => {
    const mine = { inputPerMillion: 1, outputPerMillion: 1 };
    const table = createPriceTable({ prices: { mine } });
    mine.inputPerMillion = 100;
    expect(table.priceOf('mine')?.inputPerMillion).toBe(1);
    expect(Object.isFrozen(table.priceOf('mine'))).toBe(true);
    expect(Object.isFrozen(DEFAULT_PRICES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PRICES['gpt-4.1'])).toBe(true);
  });
});

describe('costOf', () => {
  it('charges uncached input, cached input and output at their own rates', () => {
    // 600k uncached at $2, 400k cached at $0.50, 100k output at $8.
    expect(own.costOf('gpt-4.1', usage(1_000_000, 100_000, 400_000))).toBeCloseTo(2.2, 10);
    expect(own.costOf('gpt-4.1', usage(1_000_000, 0))).toBeCloseTo(2, 10);
    expect(own.costOf('gpt-4.1', usage(0, 1_000_000))).toBeCloseTo(8, 10);
    expect(own.costOf('gpt-4.1', usage(0, 0))).toBe(0);
    const listed = builtIn('gpt-4.1-mini');
    expect(createPriceTable().costOf('gpt-4.1-mini', usage(1_000_000, 1_000_000))).toBeCloseTo(
      listed.inputPerMillion + listed.outputPerMillion,
      10,
    );
  });

  it('charges cached input at the input rate when the model has no cached rate', () => {
    const table = createPriceTable({
      replace: true,
      prices: { plain: { inputPerMillion: 2, outputPerMillion: 8 } },
    });
    expect(table.costOf('plain', usage(1_000_000, 100_000, 400_000))).toBeCloseTo(2.8, 10);
  });

  it('clamps cached tokens to the input tokens and ignores counts that are not numbers', () => {
    expect(own.costOf('gpt-4.1', usage(1_000_000, 0, 5_000_000))).toBeCloseTo(0.5, 10);
    expect(own.costOf('gpt-4.1', usage(1_000_000, 0, -10))).toBeCloseTo(2, 10);
    expect(own.costOf('gpt-4.1', usage(Number.NaN, 1_000_000, 10))).toBeCloseTo(8, 10);
    expect(own.costOf('gpt-4.1', usage(1_000_000, Number.NaN, Number.NaN))).toBeCloseTo(2, 10);
    expect(own.costOf('gpt-4.1', usage(-5, Number.POSITIVE_INFINITY))).toBe(0);
  });
});

describe('validation', () => {
  it('names the field at fault', () => {
    expect(
      configError({ prices: { 'gpt-x': { inputPerMillion: 1, outputPerMillion: -1 } } }).field,
    ).toBe('prices.gpt-x.outputPerMillion');
    expect(configError({ prices: { 'gpt-x': { inputPerMillion: 1 } } }).field).toBe(
      'prices.gpt-x.outputPerMillion',
    );
    expect(
      configError({
        prices: { 'gpt-x': { inputPerMillion: 1, outputPerMillion: 1, outputPerMilion: 1 } },
      }).field,
    ).toBe('prices.gpt-x.outputPerMilion');
    expect(
      configError({
        prices: {
          'gpt-x': { inputPerMillion: 1, cachedInputPerMillion: Number.NaN, outputPerMillion: 1 },
        },
      }).field,
    ).toBe('prices.gpt-x.cachedInputPerMillion');
    expect(configError({ prices: { 'gpt-x': 3 } }).field).toBe('prices.gpt-x');
    expect(configError({ prices: [] }).field).toBe('prices');
    expect(configError({ replace: 'yes' }).field).toBe('replace');
    expect(configError({ replce: true }).field).toBe('replce');
  });

  it('throws an invalid-config error whose message names the field', () => {
    const error = configError({
      prices: { 'gpt-x': { inputPerMillion: -1, outputPerMillion: 1 } },
    });
    expect(error.code).toBe('invalid-config');
    expect(error.message).toContain('`prices.gpt-x.inputPerMillion`');
    expect(error.issues).toHaveLength(1);
  });

  it('accepts no options at all', () => {
    expect(() => createPriceTable()).not.toThrow();
    expect(() => createPriceTable({})).not.toThrow();
  });
});

describe('DEFAULT_PRICES', () => {
  it('is dated', () => {
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${PRICES_AS_OF}T00:00:00Z`).toISOString().slice(0, 10)).toBe(PRICES_AS_OF);
    expect(createPriceTable().asOf).toBe(PRICES_AS_OF);
  });

  it('holds valid prices, a cached rate never above the input rate', () => {
    for (const [id, price] of Object.entries(DEFAULT_PRICES)) {
      expect(ModelPrice.safeParse(price).success, id).toBe(true);
      expect(price.cachedInputPerMillion ?? 0, id).toBeLessThanOrEqual(price.inputPerMillion);
      expect(price.outputPerMillion, id).toBeGreaterThan(0);
    }
  });

  it('keys models by plain id; a snapshot is listed only when its price differs', () => {
    for (const id of Object.keys(DEFAULT_PRICES)) {
      expect(id, id).not.toMatch(/\/|-latest$|\s/);
      const base = id.replace(/-(?:\d{4}-\d{2}-\d{2}|\d{8})$/, '');
      if (base !== id) expect(DEFAULT_PRICES[id], id).not.toEqual(DEFAULT_PRICES[base]);
    }
  });

  it('covers the current OpenAI and Anthropic models', () => {
    const expected = [
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'gpt-4o',
      'gpt-4o-mini',
      'o3',
      'o4-mini',
      'claude-opus-4-5',
      'claude-opus-4-1',
      'claude-opus-4',
      'claude-sonnet-4-5',
      'claude-sonnet-4',
      'claude-3-7-sonnet',
      'claude-haiku-4-5',
      'claude-3-5-haiku',
    ];
    for (const id of expected) expect(DEFAULT_PRICES[id], id).toBeDefined();
  });
});
