/**
 * tierup/anthropic: tierup's LanguageModel over the official `@anthropic-ai/sdk` client.
 * @module
 */
import type { LanguageModel } from '../../core/language-model.ts';
import {
  type AnthropicModelOptions,
  anthropicMessagesModel,
  type MessagesClient,
} from './messages-model.ts';

/**
 * A {@link LanguageModel} over the Messages API of the client you already have.
 *
 * @example
 * import Anthropic from '@anthropic-ai/sdk';
 * const model = anthropicModel(new Anthropic(), { model: 'claude-sonnet-4-6' });
 */
export function anthropicModel(
  client: MessagesClient,
  options: AnthropicModelOptions,
): LanguageModel {
  return anthropicMessagesModel(client, options);
}

export type { RetryEvent, RetryOptions } from '../retry.ts';
export type { AnthropicModelOptions, MessagesClient } from './messages-model.ts';
