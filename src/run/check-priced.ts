import { InvalidConfigError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { PriceTable } from '../pricing/price-table.ts';

/**
 * With `maxCostUsd`, every model the run may call needs a price: checked before the run spends
 * anything, rather than when a later tier finds out.
 * @throws {InvalidConfigError} naming `maxCostUsd`.
 */
export function checkPriced(
  maxCostUsd: number | undefined,
  models: readonly (LanguageModel | undefined)[],
  prices: PriceTable,
): void {
  if (maxCostUsd === undefined) return;
  for (const model of models) {
    if (model !== undefined && prices.priceOf(model.modelId) === undefined) {
      throw new InvalidConfigError([
        {
          path: 'maxCostUsd',
          message: `needs the price of every model the run may call; ${model.provider}/${model.modelId} has none: add it to \`prices\``,
        },
      ]);
    }
  }
}
