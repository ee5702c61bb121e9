import type {
  FunctionTool,
  ResponseCreateParamsNonStreaming,
  ResponseInputItem,
} from 'openai/resources/responses/responses';
import type {
  ModelMessage,
  ModelRequest,
  ModelTool,
  ModelWarning,
} from '../../core/language-model.ts';
import { memoizeWeak } from '../../core/memoize-weak.ts';

/** The body of a Responses API request (without `stream`), and the settings it could not honour. */
export function toResponsesBody(
  request: ModelRequest,
  model: string,
): { body: Omit<ResponseCreateParamsNonStreaming, 'stream'>; warnings: ModelWarning[] } {
  const input: ResponseInputItem[] = [];
  for (const message of request.messages) input.push(...responseItemsOf(message));
  const tools = (request.tools ?? []).map(responseToolOf);
  const settings = request.settings ?? {};
  const warnings: ModelWarning[] = [];
  if (settings.stopSequences !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'stopSequences',
      details: 'the Responses API has no stop sequences',
    });
  }
  if (settings.seed !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'seed',
      details: 'the Responses API has no seed',
    });
  }
  const choice = request.toolChoice;
  return {
    body: {
      model,
      input,
      store: false,
      ...(request.system === undefined ? {} : { instructions: request.system }),
      ...(tools.length > 0
        ? {
            tools,
            tool_choice:
              choice === undefined
                ? 'auto'
                : typeof choice === 'string'
                  ? choice
                  : { type: 'function', name: choice.name },
          }
        : {}),
      ...(request.output === undefined
        ? {}
        : {
            text: {
              format: {
                type: 'json_schema',
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
        : { max_output_tokens: settings.maxOutputTokens }),
      ...(settings.reasoningEffort === undefined
        ? {}
        : { reasoning: { effort: settings.reasoningEffort } }),
      ...(request.providerOptions?.openai ?? {}),
    },
    warnings,
  };
}

// An agent sends its whole conversation again with every call: each message and tool is mapped
// once, not once per call (messages and tools are never changed after they are made).
const responseItemsOf = memoizeWeak(toResponseItems);
const responseToolOf = memoizeWeak(toResponseTool);

function toResponseItems(message: ModelMessage): readonly ResponseInputItem[] {
  if (message.role === 'user') return [{ role: 'user', content: message.content }];
  if (message.role === 'tool') {
    return [{ type: 'function_call_output', call_id: message.toolCallId, output: message.content }];
  }
  const items: ResponseInputItem[] = [];
  if (message.content !== '') items.push({ role: 'assistant', content: message.content });
  for (const call of message.toolCalls ?? []) {
    items.push({
      type: 'function_call',
      call_id: call.id,
      name: call.name,
      arguments: JSON.stringify(call.arguments ?? {}),
    });
  }
  return items;
}

function toResponseTool(tool: ModelTool): FunctionTool {
  return {
    type: 'function',
    name: tool.name,
    description: tool.description,
    parameters: { ...tool.inputSchema },
    strict: false,
  };
}
