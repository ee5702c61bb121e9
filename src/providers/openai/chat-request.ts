import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { ModelRequest } from '../../core/language-model.ts';

/** The body of a Chat Completions request for a tierup model request (without `stream`). */
export function toChatBody(
  request: ModelRequest,
  model: string,
): Omit<ChatCompletionCreateParamsNonStreaming, 'stream'> {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system !== undefined) messages.push({ role: 'system', content: request.system });
  for (const message of request.messages) {
    if (message.role === 'user') messages.push({ role: 'user', content: message.content });
    else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      messages.push({
        role: 'assistant',
        content: message.content === '' && calls.length > 0 ? null : message.content,
        ...(calls.length > 0
          ? {
              tool_calls: calls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
              })),
            }
          : {}),
      });
    } else {
      messages.push({ role: 'tool', tool_call_id: message.toolCallId, content: message.content });
    }
  }
  const tools: ChatCompletionTool[] | undefined = request.tools?.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: { ...tool.inputSchema },
    },
  }));
  const settings = request.settings ?? {};
  return {
    model,
    messages,
    ...(tools !== undefined && tools.length > 0 ? { tools, tool_choice: toolChoice(request) } : {}),
    ...(request.output === undefined
      ? {}
      : {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.output.name,
              schema: { ...request.output.schema },
              strict: false,
            },
          },
        }),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.topP === undefined ? {} : { top_p: settings.topP }),
    ...(settings.maxOutputTokens === undefined
      ? {}
      : { max_completion_tokens: settings.maxOutputTokens }),
    ...(settings.stopSequences === undefined ? {} : { stop: [...settings.stopSequences] }),
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(request.providerOptions?.openai ?? {}),
  };
}

function toolChoice(request: ModelRequest): ChatCompletionToolChoiceOption {
  const choice = request.toolChoice ?? 'auto';
  return typeof choice === 'string'
    ? choice
    : { type: 'function', function: { name: choice.name } };
}
