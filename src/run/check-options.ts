import { InvalidConfigError } from '../core/errors.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { type AnyTool, isTool } from '../core/tool.ts';
import type { PriceTable } from '../pricing/price-table.ts';

/** Throws {@link InvalidConfigError} naming one option. */
export function fail(path: string, message: string): never {
  throw new InvalidConfigError([{ path, message }]);
}

/**
 * Checks that a value is a {@link LanguageModel} (and, with `tools`, one that can call tools).
 * @throws {InvalidConfigError} naming `path`.
 */
export function checkModel(
  model: unknown,
  path: string,
  needs: { readonly tools?: boolean } = {},
): asserts model is LanguageModel {
  const m = model as Partial<LanguageModel> | undefined;
  if (typeof m?.generate !== 'function' || typeof m.stream !== 'function') {
    fail(path, 'must be a LanguageModel (openaiModel, anthropicModel, fromFunction, ...)');
  }
  if (needs.tools && m.supportsTools === false) {
    fail(path, 'cannot call tools, and this part of a run needs a model that can');
  }
}

/**
 * Checks a list of tools made with `defineTool`, with unique names.
 * @throws {InvalidConfigError} naming `tools[i]`.
 */
export function checkTools(tools: unknown, path = 'tools'): readonly AnyTool[] {
  if (tools === undefined) return [];
  if (!Array.isArray(tools)) fail(path, 'must be a list of tools made with `defineTool`');
  const seen = new Set<string>();
  tools.forEach((tool: AnyTool, i) => {
    if (!isTool(tool)) fail(`${path}[${i}]`, 'must be a tool made with `defineTool`');
    if (seen.has(tool.name)) fail(`${path}[${i}].name`, `duplicates the tool \`${tool.name}\``);
    seen.add(tool.name);
  });
  return tools as readonly AnyTool[];
}

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
      fail(
        'maxCostUsd',
        `needs the price of every model the run may call; ${model.provider}/${model.modelId} has none: add it to \`prices\``,
      );
    }
  }
}

/**
 * Checks the options of one run that are not budgets or security settings.
 * @throws {InvalidConfigError} naming the option.
 */
export function checkRunOptions(options: {
  readonly signal?: unknown;
  readonly sessionId?: unknown;
  readonly accept?: unknown;
}): void {
  if (typeof options !== 'object' || options === null) fail('', 'run options must be an object');
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    fail('signal', 'must be an AbortSignal');
  }
  if (options.sessionId !== undefined && typeof options.sessionId !== 'string') {
    fail('sessionId', 'must be a string');
  }
  if (options.accept !== undefined && typeof options.accept !== 'function') {
    fail('accept', 'must be a function');
  }
}
