import { z } from 'zod';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';

/**
 * What one model costs, in USD per million tokens.
 * @example
 * const price: ModelPrice = { inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15 };
 */
export const ModelPrice = z.strictObject({
  /** USD per million input tokens not served from the prompt cache. */
  inputPerMillion: z.number().min(0),
  /**
   * USD per million input tokens served from the prompt cache (Anthropic: cache reads).
   * @default inputPerMillion
   */
  cachedInputPerMillion: z.number().min(0).optional(),
  /** USD per million output tokens, reasoning tokens included. */
  outputPerMillion: z.number().min(0),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/**
 * The date the built-in prices were taken from the providers' price pages.
 * @example
 * console.log(`prices as of ${PRICES_AS_OF}`); // prices as of 2026-10-24
 */
export const PRICES_AS_OF = '2026-10-24';

function price(input: number, cached: number | undefined, output: number): ModelPrice {
  return Object.freeze(
    cached === undefined
      ? { inputPerMillion: input, outputPerMillion: output }
      : { inputPerMillion: input, cachedInputPerMillion: cached, outputPerMillion: output },
  );
}

// Standard-tier list prices, USD per million tokens: input, cached input, output. Taken from the
// providers' own pages (developers.openai.com/api/docs/pricing and each model's page under
// /api/docs/models; platform.claude.com/docs/en/about-claude/pricing and each model's overview),
// cross-checked against public pricing trackers, as of PRICES_AS_OF. Anthropic's cached input
// is the "cache hits and refreshes" price. Not represented: cache writes, long-context rates
// (OpenAI above 272K input tokens, Anthropic's 1M-context beta), Batch, Flex, Fast and Priority
// tiers, regional or data-residency uplifts. Prices change often: pass current ones through
// `createPriceTable({ prices })` (or the facade's `prices` option) rather than trusting these.
// A model whose price could not be sourced, or that is not billed at one flat rate, is left out.
const BUILT_IN: Record<string, ModelPrice> = {
  // OpenAI
  'gpt-6-astra': price(10, 1, 50),
  'gpt-6.1-sol': price(2, 0.1, 10),
  'gpt-6-sol': price(2, 0.2, 10),
  'gpt-6-luna': price(0.1, 0.01, 0.5),
  'gpt-5.5': price(5, 0.5, 30),
  'gpt-5.5-pro': price(30, undefined, 180),
  'gpt-5.4': price(2.5, 0.25, 15),
  'gpt-5.4-mini': price(0.75, 0.075, 4.5),
  'gpt-5.4-nano': price(0.2, 0.02, 1.25),
  'gpt-5.4-pro': price(30, undefined, 180),
  'gpt-5.2': price(1.75, 0.175, 14),
  'gpt-5.2-pro': price(21, undefined, 168),
  'gpt-5.1': price(1.25, 0.125, 10),
  'gpt-5': price(1.25, 0.125, 10),
  'gpt-5-mini': price(0.25, 0.025, 2),
  'gpt-5-nano': price(0.05, 0.005, 0.4),
  'gpt-5-pro': price(15, undefined, 120),
  'gpt-4.1': price(2, 0.5, 8),
  'gpt-4.1-mini': price(0.4, 0.1, 1.6),
  'gpt-4.1-nano': price(0.1, 0.025, 0.4),
  'gpt-4o': price(2.5, 1.25, 10),
  // The first GPT-4o snapshot kept its launch price; listed so it does not resolve to `gpt-4o`.
  'gpt-4o-2024-05-13': price(5, undefined, 15),
  'gpt-4o-mini': price(0.15, 0.075, 0.6),
  o3: price(2, 0.5, 8),
  'o4-mini': price(1.1, 0.275, 4.4),
  // Anthropic
  'claude-fable-5-1': price(10, 0.25, 50),
  'claude-fable-5': price(10, 1, 50),
  'claude-opus-5-5': price(4, 0.2, 20),
  'claude-opus-5': price(5, 0.5, 25),
  'claude-opus-4-8': price(5, 0.5, 25),
  'claude-opus-4-7': price(5, 0.5, 25),
  'claude-opus-4-6': price(5, 0.5, 25),
  'claude-opus-4-5': price(5, 0.5, 25),
  'claude-opus-4-1': price(15, 1.5, 75),
  'claude-opus-4': price(15, 1.5, 75),
  'claude-opus-4-0': price(15, 1.5, 75),
  // Sonnet 5.5 cache reads were cut from $0.20 to $0.10 on 2026-10-07.
  'claude-sonnet-5-5': price(2, 0.1, 10),
  'claude-sonnet-5': price(2, 0.2, 10),
  'claude-sonnet-4-6': price(3, 0.3, 15),
  'claude-sonnet-4-5': price(3, 0.3, 15),
  'claude-sonnet-4': price(3, 0.3, 15),
  'claude-sonnet-4-0': price(3, 0.3, 15),
  'claude-3-7-sonnet': price(3, 0.3, 15),
  'claude-haiku-4-5': price(1, 0.1, 5),
  'claude-3-5-haiku': price(0.8, 0.08, 4),
};

/**
 * The built-in prices, keyed by model id without a snapshot date (`gpt-4.1-mini`,
 * `claude-sonnet-4-5`), as of {@link PRICES_AS_OF}. Frozen; extend or override them with
 * {@link createPriceTable}.
 * @example
 * DEFAULT_PRICES['gpt-4.1-mini']; // { inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6 }
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze(BUILT_IN);

/** The token counts a cost is computed from; tierup's `Usage` fits. */
type TokenCounts = { inputTokens: number; outputTokens: number; cachedInputTokens: number };

/**
 * Prices model ids. Made by {@link createPriceTable}.
 * @example
 * const table = createPriceTable();
 * table.costOf('gpt-4.1-mini-2025-04-14', { inputTokens: 1000, outputTokens: 200, cachedInputTokens: 0 });
 */
export interface PriceTable {
  /** The date of the built-in prices ({@link PRICES_AS_OF}); prices you pass are your own. */
  readonly asOf: string;
  /** The price of a model id, or undefined when unknown. */
  priceOf(modelId: string): ModelPrice | undefined;
  /**
   * USD for the usage, or null when the model's price is unknown. `cachedInputTokens` are part
   * of `inputTokens` and are charged at the cached rate.
   */
  costOf(
    modelId: string,
    usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number },
  ): number | null;
}

/**
 * Options of {@link createPriceTable}.
 * @example
 * const options: PriceTableOptions = {
 *   prices: { 'my-model': { inputPerMillion: 1, outputPerMillion: 4 }, 'gpt-4o': null },
 * };
 */
export interface PriceTableOptions {
  /** Prices to add or override; null removes a built-in entry. */
  prices?: Readonly<Record<string, ModelPrice | null>>;
  /**
   * Start from an empty table instead of DEFAULT_PRICES.
   * @default false
   */
  replace?: boolean;
}

const PriceTableOptionsSchema = z.strictObject({
  prices: z.record(z.string(), ModelPrice.nullable()).optional(),
  replace: z.boolean().optional(),
});

/** `openai/gpt-4.1`, `anthropic/claude-sonnet-4-5`: the provider written before the model id. */
const PROVIDER_PREFIX = /^(?:openai|anthropic)\//;
/** A snapshot date: `-2025-04-14` (OpenAI) or `-20250929` (Anthropic). */
const SNAPSHOT_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * Makes a price table: the built-in prices, extended or overridden by yours.
 *
 * A model id is looked up as given, then without an `openai/` or `anthropic/` prefix, then
 * without a `-latest` suffix or a snapshot date (`gpt-4.1-mini-2025-04-14` is priced as
 * `gpt-4.1-mini`). Nothing else: `gpt-4.1` never prices `gpt-4.1-mini`, and a model the table
 * does not know costs `null`, never a guess.
 * @throws {InvalidConfigError} naming the field at fault, e.g. `prices.gpt-x.outputPerMillion`.
 * @example
 * const table = createPriceTable({ prices: { 'my-model': { inputPerMillion: 1, outputPerMillion: 4 } } });
 * table.costOf('my-model', { inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 0 }); // 1
 * table.costOf('some-other-model', { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 }); // null
 */
export function createPriceTable(options?: PriceTableOptions): PriceTable {
  const result = PriceTableOptionsSchema.safeParse(options ?? {});
  if (!result.success) throw new InvalidConfigError(toIssues(result.error));
  const { prices = {}, replace = false } = result.data;

  // A Map, so that ids such as `constructor` or `__proto__` are never found on a prototype.
  const table = new Map<string, ModelPrice>(replace ? [] : Object.entries(DEFAULT_PRICES));
  for (const [modelId, modelPrice] of Object.entries(prices)) {
    if (modelPrice === null) table.delete(modelId);
    else table.set(modelId, Object.freeze({ ...modelPrice }));
  }

  // Every model call looks its model up: the answer per id is kept (the table never changes).
  const looked = new Map<string, ModelPrice | undefined>();
  const priceOf = (modelId: string): ModelPrice | undefined => {
    if (looked.has(modelId)) return looked.get(modelId);
    let found: ModelPrice | undefined;
    for (const candidate of candidates(modelId)) {
      found = table.get(candidate);
      if (found !== undefined) break;
    }
    if (looked.size < 1_000) looked.set(modelId, found);
    return found;
  };

  return Object.freeze({
    asOf: PRICES_AS_OF,
    priceOf,
    costOf(modelId: string, usage: TokenCounts): number | null {
      const modelPrice = priceOf(modelId);
      return modelPrice === undefined ? null : costWith(modelPrice, usage);
    },
  });
}

/** The ids to try, most specific first. */
function candidates(modelId: string): string[] {
  const out = [modelId];
  const unprefixed = modelId.replace(PROVIDER_PREFIX, '');
  if (unprefixed !== modelId) out.push(unprefixed);
  const base = unprefixed.replace(/-latest$/, '').replace(SNAPSHOT_SUFFIX, '');
  if (base !== unprefixed && base !== '') out.push(base);
  return out;
}

function costWith(modelPrice: ModelPrice, usage: TokenCounts): number {
  const input = tokens(usage.inputTokens);
  const cached = Math.min(tokens(usage.cachedInputTokens), input);
  const output = tokens(usage.outputTokens);
  const cachedRate = modelPrice.cachedInputPerMillion ?? modelPrice.inputPerMillion;
  return roundUsd(
    ((input - cached) * modelPrice.inputPerMillion +
      cached * cachedRate +
      output * modelPrice.outputPerMillion) /
      1e6,
  );
}

/**
 * USD rounded to a ten-billionth of a dollar, finer than any token's price, so that a cost and a
 * sum of costs read as written (`0.0003864`, not `0.00038639999999999996`).
 */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}

/** A token count, or 0 when it is negative, NaN or infinite. */
function tokens(count: number): number {
  return Number.isFinite(count) && count > 0 ? count : 0;
}
