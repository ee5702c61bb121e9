import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { ModelMessage, ModelRequest, ModelTool } from '../../core/language-model.ts';
import { memoizeWeak } from '../../core/memoize-weak.ts';

/** The body of a Chat Completions request for a tierup model request (without `stream`). */
export function toChatBody(
  request: ModelRequest,
  model: string,
): Omit<ChatCompletionCreateParamsNonStreaming, 'stream'> {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system !== undefined) messages.push({ role: 'system', content: request.system });
  for (const message of request.messages) messages.push(chatMessageOf(message));
  const tools = request.tools?.map(chatToolOf);
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
    ...(settings.reasoningEffort === undefined
      ? {}
      : { reasoning_effort: settings.reasoningEffort }),
    ...(request.providerOptions?.openai ?? {}),
  };
}

// An agent sends its whole conversation again with every call: each message and tool is mapped
// once, not once per call (messages and tools are never changed after they are made).
const chatMessageOf = memoizeWeak(toChatMessage);
const chatToolOf = memoizeWeak(toChatTool);

function toChatMessage(message: ModelMessage): ChatCompletionMessageParam {
  if (message.role === 'user') return { role: 'user', content: message.content };
  if (message.role === 'tool') {
    return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
  const calls = message.toolCalls ?? [];
  return {
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
  };
}

function toChatTool(tool: ModelTool): ChatCompletionTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: { ...tool.inputSchema },
    },
  };
}

function toolChoice(request: ModelRequest): ChatCompletionToolChoiceOption {
  const choice = request.toolChoice ?? 'auto';
  return typeof choice === 'string'
    ? choice
    : { type: 'function', function: { name: choice.name } };
}
