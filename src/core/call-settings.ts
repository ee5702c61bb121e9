import { z } from 'zod';
import type {
  CallSettings,
  LanguageModel,
  ModelRequest,
  ModelSettings,
  ProviderOptions,
} from './language-model.ts';

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

/** The schema of {@link CallSettings}, wherever a caller gives them (options name the field). */
export const CallSettingsShape = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  maxOutputTokens: z.number().int().min(1).optional(),
  stopSequences: z.array(z.string()).max(16).optional(),
  seed: z.number().int().optional(),
  reasoningEffort: z.enum(EFFORTS).optional(),
  providerOptions: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

/**
 * The request with `settings` under its own: a setting or provider option the request gives wins
 * over the same one in `settings`; provider options merge key by key within each provider.
 */
export function applySettings(
  request: ModelRequest,
  settings: CallSettings | undefined,
): ModelRequest {
  if (settings === undefined) return request;
  const { providerOptions, ...generic } = settings;
  const merged: ModelSettings = { ...generic, ...request.settings };
  const options = mergeProviderOptions(providerOptions, request.providerOptions);
  return {
    ...request,
    ...(Object.keys(merged).length > 0 ? { settings: merged } : {}),
    ...(options === undefined ? {} : { providerOptions: options }),
  };
}

/** `over` on top of `under`, each provider's options merged key by key. */
function mergeProviderOptions(
  under: ProviderOptions | undefined,
  over: ProviderOptions | undefined,
): ProviderOptions | undefined {
  if (under === undefined) return over;
  if (over === undefined) return under;
  const out: Record<string, Readonly<Record<string, unknown>>> = { ...under };
  for (const [provider, options] of Object.entries(over)) {
    out[provider] = { ...under[provider], ...options };
  }
  return out;
}

/** `over` on top of `under`, as {@link applySettings} layers them. */
export function layerSettings(
  under: CallSettings | undefined,
  over: CallSettings | undefined,
): CallSettings | undefined {
  if (under === undefined) return over;
  if (over === undefined) return under;
  const providerOptions = mergeProviderOptions(under.providerOptions, over.providerOptions);
  return { ...under, ...over, ...(providerOptions ? { providerOptions } : {}) };
}

/**
 * The model with `settings` applied to each of its calls, under each request's own: how
 * `createTierup({ settings })` gives a tier or a specialist its settings whatever its model.
 * The model's own settings stay under these.
 */
export function withSettings(
  model: LanguageModel,
  settings: CallSettings | undefined,
): LanguageModel {
  if (settings === undefined) return model;
  const layered = layerSettings(model.settings, settings);
  return {
    provider: model.provider,
    modelId: model.modelId,
    ...(model.supportsTools === undefined ? {} : { supportsTools: model.supportsTools }),
    ...(layered ? { settings: layered } : {}),
    generate: (request) => model.generate(applySettings(request, settings)),
    stream: (request) => model.stream(applySettings(request, settings)),
  };
}
