/**
 * tierup/openai: tierup's LanguageModel over the official `openai` client.
 * @module
 */
import type OpenAI from 'openai';
import type { LanguageModel } from '../../core/language-model.ts';
import type { RetryOptions } from '../retry.ts';
import { openaiChatModel } from './chat-model.ts';
import { openaiResponsesModel } from './responses-model.ts';

/** Options of {@link openaiModel}. */
export interface OpenAIModelOptions {
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
 * A {@link LanguageModel} over the client you already have.
 *
 * @example
 * import OpenAI from 'openai';
 * const model = openaiModel(new OpenAI(), { model: 'gpt-4.1-mini' });
 * const local = openaiModel(new OpenAI({ baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'ollama' }), {
 *   model: 'llama3.1', api: 'chat',
 * });
 */
export function openaiModel(
  client: Pick<OpenAI, 'chat' | 'responses'>,
  options: OpenAIModelOptions,
): LanguageModel {
  const { api = 'responses', ...rest } = options;
  return api === 'chat' ? openaiChatModel(client, rest) : openaiResponsesModel(client, rest);
}

export type { RetryOptions } from '../retry.ts';
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
export { type ChatClient, openaiChatModel } from './chat-model.ts';
export { openaiResponsesModel, type ResponsesClient } from './responses-model.ts';
