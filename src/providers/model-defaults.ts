import { z } from 'zod';
import { CallSettingsShape } from '../core/call-settings.ts';
import type { CallSettings, ModelSettings } from '../core/language-model.ts';
import { parseOptions } from '../core/parse.ts';

/** The settings a provider's model takes when it is made, applied to each of its calls. */
export interface ModelDefaultsOptions {
  /**
   * Settings of every call of this model, under a request's own (a tier's or a run's):
   * `{ temperature: 0.2, maxOutputTokens: 800, reasoningEffort: 'low' }`.
   */
  readonly settings?: ModelSettings;
  /**
   * Fields of the request body this provider's SDK sends, as the SDK names them, for what the
   * generic settings do not cover: `{ service_tier: 'flex' }`, `{ top_k: 40 }`. A request's own
   * `providerOptions` win over them.
   */
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

const Defaults = z.looseObject({
  settings: CallSettingsShape.omit({ providerOptions: true }).optional(),
  providerOptions: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A provider model's own settings, checked, as the {@link CallSettings} it applies to each call.
 * @throws {InvalidConfigError} naming the setting at fault (`settings.temperature`).
 */
export function modelDefaults(
  provider: string,
  options: ModelDefaultsOptions,
): CallSettings | undefined {
  parseOptions(Defaults, options);
  const { settings, providerOptions } = options;
  if (settings === undefined && providerOptions === undefined) return undefined;
  return {
    ...settings,
    ...(providerOptions === undefined ? {} : { providerOptions: { [provider]: providerOptions } }),
  };
}
