import { z } from 'zod';
import { SIGNALS, type SignalName } from '../core/decision.ts';
import { InvalidConfigError } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { Tier } from '../core/tier.ts';
import { RouterModel } from './model/router-model.ts';
import type { Scorer } from './scorer.ts';

const Score = z.number().min(0).max(1);

/**
 * Per-signal thresholds: a signal is set when its score reaches its threshold. `tierup calibrate`
 * chooses them on a labeled file for a target under-escalation rate.
 */
export const Thresholds = z.strictObject({
  /** @default 0.5 */
  toolUse: Score.optional(),
  /** @default 0.5 */
  crossDomain: Score.optional(),
  /** @default 0.5 */
  securityBoundary: Score.optional(),
  /** @default 0.5 */
  parallelism: Score.optional(),
});
export type Thresholds = z.infer<typeof Thresholds>;

/** The router's settings that can live in a JSON config file (`tierup route --config FILE`). */
export const RouterConfig = z.strictObject({
  thresholds: Thresholds.optional(),
  /** Never route above this tier. @default 'multi-agent' */
  maxTier: Tier.optional(),
  /**
   * Half-width of the band around each threshold where a score counts as uncertain
   * (`Decision.signals[name].uncertain`), the band `routeAssisted` settles with a model.
   * @default 0.1
   */
  uncertainBand: z.number().min(0).max(0.5).optional(),
});
export type RouterConfig = z.infer<typeof RouterConfig>;

/** Options of {@link createRouter}: the config, plus scorers given in code. */
export interface RouterOptions extends RouterConfig {
  /** Replace the default scorer of a signal. */
  scorers?: Partial<Record<SignalName, Scorer>>;
  /** Add scorers; a signal's score is the highest of its scorers' scores. */
  extraScorers?: readonly Scorer[];
  /**
   * Experimental: decide the signals with fitted models instead of the hand-weighted default
   * scorers: `experimental_fittedRouterModel` from `tierup/fitted-router` (fitted on data/routing,
   * see docs/routing.md) or a model of `npm run fit:router`. The format may change between minor
   * versions.
   * @example createRouter({ fittedModel: experimental_fittedRouterModel })
   */
  fittedModel?: RouterModel;
}

/** Options with every default applied. */
export interface ResolvedRouterConfig {
  readonly thresholds: Readonly<Record<SignalName, number>>;
  readonly maxTier: Tier;
  readonly uncertainBand: number;
}

/** The defaults, in one place. */
export const DEFAULT_ROUTER_CONFIG: ResolvedRouterConfig = Object.freeze({
  thresholds: Object.freeze({
    toolUse: 0.5,
    crossDomain: 0.5,
    securityBoundary: 0.5,
    parallelism: 0.5,
  }),
  maxTier: 'multi-agent',
  uncertainBand: 0.1,
});

const ScorerShape = z.object({
  name: z.string().min(1),
  signal: z.enum(SIGNALS),
  score: z.custom<Scorer['score']>((value) => typeof value === 'function', 'must be a function'),
});

/** The schema of {@link RouterOptions}. */
export const RouterOptionsSchema = RouterConfig.extend({
  scorers: z
    .strictObject(Object.fromEntries(SIGNALS.map((s) => [s, ScorerShape.optional()])))
    .optional(),
  extraScorers: z.array(ScorerShape).optional(),
  fittedModel: RouterModel.optional(),
});

/**
 * Validates router options and applies defaults.
 * @throws {InvalidConfigError} naming the option at fault, e.g. `thresholds.parallelism`.
 */
export function resolveRouterConfig(options: unknown): ResolvedRouterConfig {
  const result = RouterOptionsSchema.safeParse(options ?? {});
  if (!result.success) throw new InvalidConfigError(toIssues(result.error));
  const { thresholds = {}, maxTier, uncertainBand } = result.data;
  for (const [signal, scorer] of Object.entries(result.data.scorers ?? {})) {
    if (scorer !== undefined && scorer.signal !== signal) {
      throw new InvalidConfigError([
        {
          path: `scorers.${signal}.signal`,
          message: `must be "${signal}", got "${scorer.signal}"`,
        },
      ]);
    }
  }
  return Object.freeze({
    thresholds: Object.freeze({ ...DEFAULT_ROUTER_CONFIG.thresholds, ...thresholds }),
    maxTier: maxTier ?? DEFAULT_ROUTER_CONFIG.maxTier,
    uncertainBand: uncertainBand ?? DEFAULT_ROUTER_CONFIG.uncertainBand,
  });
}
