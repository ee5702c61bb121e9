import type { ChatCompletion } from 'openai/resources/chat/completions';
import { ProviderError } from '../../core/errors.ts';
import type { FinishReason, ModelResponse, ToolCall, Usage } from '../../core/language-model.ts';
import { parseArguments, parseOutput } from '../parse-arguments.ts';

/** Chat Completions' `finish_reason`, normalized. */
export function toFinishReason(raw: string | null | undefined): FinishReason {
  const unified =
    raw === 'stop'
      ? 'stop'
      : raw === 'length'
        ? 'length'
        : raw === 'tool_calls' || raw === 'function_call'
          ? 'tool-calls'
          : raw === 'content_filter'
            ? 'content-filter'
            : 'other';
  return { unified, raw: raw ?? undefined };
}

/** Chat Completions' usage, normalized; the raw object is kept. */
export function toUsage(raw: ChatCompletion['usage'] | null | undefined): Usage {
  return {
    inputTokens: raw?.prompt_tokens ?? 0,
    outputTokens: raw?.completion_tokens ?? 0,
    cachedInputTokens: raw?.prompt_tokens_details?.cached_tokens ?? 0,
    raw: raw ?? undefined,
  };
}

/** A tierup response from a Chat Completion. */
export function fromChatCompletion(
  completion: ChatCompletion,
  wantsOutput: boolean,
): ModelResponse {
  const choice = completion.choices?.[0];
  if (choice === undefined) {
    throw new ProviderError('The provider returned a completion with no choices', {
      isRetryable: false,
    });
  }
  const text = choice.message.content ?? '';
  const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function'
      ? [
          {
            id: call.id,
            name: call.function.name,
            arguments: parseArguments(call.function.arguments),
          },
        ]
      : [],
  );
  return {
    text,
    toolCalls,
    ...(wantsOutput ? { output: parseOutput(text) } : {}),
    finishReason: toFinishReason(choice.finish_reason),
    usage: toUsage(completion.usage),
    warnings: [],
    response: { id: completion.id, modelId: completion.model },
  };
}
