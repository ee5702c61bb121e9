/**
 * tierup/openai: tierup's LanguageModel over the official `openai` client.
 * @module
 */
import type OpenAI from 'openai';
import type { LanguageModel } from '../../core/language-model.ts';
import type { ModelDefaultsOptions } from '../model-defaults.ts';
import type { RetryOptions } from '../retry.ts';
import { openaiChatModel as chatModel } from './chat-model.ts';
import { openaiResponsesModel as responsesModel } from './responses-model.ts';

/** Options of {@link openaiModel}. */
export interface OpenAIModelOptions extends ModelDefaultsOptions {
  /** The model id, e.g. `gpt-4.1-mini`, or a local server's model name. */
  readonly model: string;
  /**
   * `responses` for OpenAI's Responses API; `chat` for Chat Completions, which OpenAI-compatible
   * servers (vLLM, Ollama, LM Studio) speak. @default 'responses'
   */
  readonly api?: 'responses' | 'chat';
  /** tierup's retry policy; the client's own retries are switched off for these calls. */
  readonly retry?: RetryOptions;
}

/**
 * A {@link LanguageModel} over the client you already have: the one way to make an OpenAI model,
 * for either API.
 *
 * @example
 * import OpenAI from 'openai';
 * const model = openaiModel(new OpenAI(), { model: 'gpt-4.1-mini' });
 * const local = openaiModel(new OpenAI({ baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'ollama' }), {
 *   model: 'llama3.1', api: 'chat',
 * });
 * const careful = openaiModel(new OpenAI(), {
 *   model: 'gpt-5-mini',
 *   settings: { maxOutputTokens: 2_000, reasoningEffort: 'high' },
 *   providerOptions: { service_tier: 'flex' },
 * });
 */
export function openaiModel(
  client: Pick<OpenAI, 'chat' | 'responses'>,
  options: OpenAIModelOptions,
): LanguageModel {
  const { api = 'responses', ...rest } = options;
  return api === 'chat' ? chatModel(client, rest) : responsesModel(client, rest);
}

/**
 * A {@link LanguageModel} over OpenAI's Chat Completions API.
 * @deprecated Use `openaiModel(client, { model, api: 'chat' })`, the one way to make an OpenAI
 * model; this name stays until the next major version.
 */
export const openaiChatModel: typeof chatModel = chatModel;

/**
 * A {@link LanguageModel} over OpenAI's Responses API.
 * @deprecated Use `openaiModel(client, { model })` (the Responses API is its default), the one way
 * to make an OpenAI model; this name stays until the next major version.
 */
export const openaiResponsesModel: typeof responsesModel = responsesModel;

export type { RetryEvent, RetryOptions } from '../retry.ts';
export {
  type ChatCompletionsDropIn,
  type ChatCompletionsDropInOptions,
  chatCompletionsDropIn,
  type DropInRunOptions,
  type TierupChatCompletionStream,
} from './chat-completions-drop-in.ts';
export type {
  TierupChatCompletion,
  TierupChatCompletionChunk,
  TierupCompletionDetails,
} from './chat-completions-result.ts';
export type { ChatClient } from './chat-model.ts';
export type { ResponsesClient } from './responses-model.ts';
