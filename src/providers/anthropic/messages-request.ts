import type {
  MessageCreateParamsNonStreaming,
  MessageParam,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelRequest, ModelWarning } from '../../core/language-model.ts';

/** Anthropic requires `max_tokens`; this is used when the request sets no `maxOutputTokens`. */
const DEFAULT_MAX_TOKENS = 4096;

/** The efforts `output_config.effort` takes. */
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

/** The Messages request for a tierup model request (without `stream`), and the settings it could not honour. */
export function toMessagesBody(
  request: ModelRequest,
  model: string,
): { body: Omit<MessageCreateParamsNonStreaming, 'stream'>; warnings: ModelWarning[] } {
  const messages = toMessageParams(request.messages);
  const tools: Tool[] = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { type: 'object', ...tool.inputSchema } as Tool['input_schema'],
  }));
  let toolChoice: ToolChoice | undefined =
    request.toolChoice === undefined
      ? undefined
      : typeof request.toolChoice === 'string'
        ? request.toolChoice === 'required'
          ? { type: 'any' }
          : { type: request.toolChoice }
        : { type: 'tool', name: request.toolChoice.name };
  // Structured output: a tool whose input is the output, and the model made to call it.
  if (request.output !== undefined) {
    tools.push({
      name: request.output.name,
      description: 'Give the final answer in this structure.',
      input_schema: { type: 'object', ...request.output.schema } as Tool['input_schema'],
    });
    toolChoice = { type: 'tool', name: request.output.name };
  }
  const settings = request.settings ?? {};
  const warnings: ModelWarning[] = [];
  if (settings.seed !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'seed',
      details: 'Anthropic has no seed',
    });
  }
  const effort = settings.reasoningEffort;
  const effortTaken = effort !== undefined && (EFFORTS as readonly string[]).includes(effort);
  if (effort !== undefined && !effortTaken) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'reasoningEffort',
      details: `Anthropic's effort is one of ${EFFORTS.join(', ')}, not ${effort}`,
    });
  }
  return {
    body: {
      model,
      max_tokens: settings.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
      messages,
      ...(request.system === undefined ? {} : { system: request.system }),
      ...(tools.length > 0 ? { tools } : {}),
      ...(toolChoice === undefined || tools.length === 0 ? {} : { tool_choice: toolChoice }),
      ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
      ...(settings.topP === undefined ? {} : { top_p: settings.topP }),
      ...(settings.stopSequences === undefined
        ? {}
        : { stop_sequences: [...settings.stopSequences] }),
      ...(effortTaken ? { output_config: { effort: effort as (typeof EFFORTS)[number] } } : {}),
      ...(request.providerOptions?.anthropic ?? {}),
    },
    warnings,
  };
}

/** The conversation as Messages turns: tool calls as `tool_use`, results in a user turn. */
function toMessageParams(conversation: ModelRequest['messages']): MessageParam[] {
  const messages: MessageParam[] = [];
  for (const message of conversation) {
    if (message.role === 'user') messages.push({ role: 'user', content: message.content });
    else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      // An empty assistant turn is rejected by the API; it says nothing, so it is left out.
      if (message.content === '' && calls.length === 0) continue;
      messages.push({
        role: 'assistant',
        content: [
          ...(message.content === '' ? [] : [{ type: 'text' as const, text: message.content }]),
          ...calls.map((call) => ({
            type: 'tool_use' as const,
            id: call.id,
            name: call.name,
            input: (call.arguments ?? {}) as Record<string, unknown>,
          })),
        ],
      });
    } else {
      // Tool results travel in a user turn; consecutive results share one.
      const block = {
        type: 'tool_result' as const,
        tool_use_id: message.toolCallId,
        content: message.content,
        ...(message.isError ? { is_error: true } : {}),
      };
      const last = messages[messages.length - 1];
      if (last?.role === 'user' && Array.isArray(last.content)) last.content.push(block);
      else messages.push({ role: 'user', content: [block] });
    }
  }
  return messages;
}
