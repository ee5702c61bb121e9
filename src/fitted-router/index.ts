/**
 * tierup/fitted-router: the experimental fitted routing models (docs/routing.md, "Fitted models").
 * A subpath of its own, so that the main entry does not load their weights.
 * @module
 */
import fitted from '../router/data/router-model.json' with { type: 'json' };
import type { RouterModel } from '../router/model/router-model.ts';

/**
 * The routing models fitted by `npm run fit:router` on the labeled data in data/routing, for
 * `createRouter({ fittedModel })`. Experimental: opt-in until they miss no more needs than the
 * default scorers (docs/decisions/0006).
 *
 * @example
 * import { createRouter } from 'tierup';
 * import { experimental_fittedRouterModel } from 'tierup/fitted-router';
 * const router = createRouter({ fittedModel: experimental_fittedRouterModel });
 */
export const experimental_fittedRouterModel: RouterModel = fitted as RouterModel;
export type { RouterModel };
