import { type Budgets, resolveBudgets } from '../core/budgets.ts';
import type { Executor } from '../core/executor.ts';
import type { LanguageModel } from '../core/language-model.ts';
import type { SecurityOptions } from '../core/security.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolErrorMessage } from '../core/tool-error.ts';
import { createPriceTable, type PriceTableOptions } from '../pricing/price-table.ts';
import { runAndStream, runPipeline } from './run-pipeline.ts';
import { type TelemetryOptions, telemetrySetup } from './telemetry-options.ts';
import type { TierStep } from './tier-step.ts';

/** Options shared by the three executors. */
export interface ExecutorOptions extends SecurityOptions {
  /** The model the tier calls (for multi-agent, the manager's). */
  readonly model: LanguageModel;
  /** The service's own system prompt, put before the tier's. */
  readonly instructions?: string;
  /** Tools for every run, besides the task's own. @default [] */
  readonly tools?: readonly AnyTool[];
  /** Default budgets of a run; a run's options override them. */
  readonly budgets?: Budgets;
  /** Prices to add to or override in the built-in table (see docs/costs.md). */
  readonly prices?: PriceTableOptions['prices'];
  /**
   * What the model reads of a tool that threw. @default the error's message with URLs, network
   * addresses and file paths replaced (docs/executors.md, "When a tool fails")
   */
  readonly toolErrorMessage?: ToolErrorMessage;
  /** Spans of every run on your OpenTelemetry tracer (docs/observability.md). */
  readonly telemetry?: TelemetryOptions;
}

/**
 * Makes an {@link Executor} of one tier: the run pipeline around the tier's step. Its factory
 * checks the options first (`executorOptionsShape`).
 * @param models every model the tier may call besides `options.model`, for the price check.
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function createExecutor(
  tier: Tier,
  step: TierStep,
  options: ExecutorOptions,
  models: readonly (LanguageModel | undefined)[] = [],
): Executor {
  const config = {
    tools: options.tools ?? [],
    budgets: resolveBudgets(options.budgets, 'budgets'),
    prices: createPriceTable(options.prices ? { prices: options.prices } : {}),
    security: options,
    toolErrorMessage: options.toolErrorMessage,
    telemetry: telemetrySetup(options.telemetry),
  };
  const everyModel = [options.model, ...models];
  return {
    tier,
    ...runAndStream((call) =>
      runPipeline(config, call, (task) => ({
        tier,
        span: { type: 'tier', name: tier, tier },
        models: everyModel,
        run: (scope, spanId) =>
          step({ ...task.prepared, canEscalate: tier !== 'multi-agent' }, scope, spanId),
      })),
    ),
  };
}
