import { InvalidConfigError } from '../core/errors.ts';
import type {
  LanguageModel,
  ModelMessage,
  ModelRequest,
  ModelResponse,
  ModelStreamEvent,
} from '../core/language-model.ts';
import { jsonOnlyRequest } from '../prompts/tier-roles.ts';

/** A call a service already makes: a prompt in, text out. */
export type TextFunction = (
  prompt: string,
  options: { readonly signal: AbortSignal },
) => Promise<string>;

/** Options of {@link fromFunction}. */
export interface FromFunctionOptions {
  /** How the model is named in usage and traces (`byModel` key `function/{modelId}`). @default 'function' */
  readonly modelId?: string;
}

/**
 * Makes a `(prompt, { signal }) => Promise<string>` function a {@link LanguageModel}, so a service
 * keeps the call it has and gains routing and escalation: give it as the direct tier's model
 * (`models: { direct: fromFunction(myCall) }`). It cannot call tools, so it serves the direct
 * tier only. The prompt is the system prompt and the conversation as plain text. Usage is an
 * estimate (four characters a token) marked `estimated: true`, and so are the run's usage totals
 * it counts in; its cost is unknown (`null`) unless you price `modelId` in `prices`.
 *
 * @example
 * const tierup = createTierup({
 *   model: openaiModel(client, { model: 'gpt-4.1-mini' }),
 *   models: { direct: fromFunction((prompt, { signal }) => myExistingLlmCall(prompt, signal)) },
 * });
 */
export function fromFunction(fn: TextFunction, options: FromFunctionOptions = {}): LanguageModel {
  if (typeof fn !== 'function') {
    throw new InvalidConfigError([{ path: 'fn', message: 'must be a function' }]);
  }
  const modelId = options.modelId ?? 'function';
  const generate = async (request: ModelRequest): Promise<ModelResponse> => {
    const signal = request.signal ?? new AbortController().signal;
    signal.throwIfAborted();
    const prompt = toPrompt(request);
    const text = await fn(prompt, { signal });
    signal.throwIfAborted();
    if (typeof text !== 'string') {
      throw new TypeError(`fromFunction: the function returned ${typeof text}, not a string`);
    }
    return {
      text,
      toolCalls: [],
      finishReason: { unified: 'stop', raw: undefined },
      usage: {
        inputTokens: Math.ceil(prompt.length / 4),
        outputTokens: Math.ceil(text.length / 4),
        cachedInputTokens: 0,
        estimated: true,
        raw: { estimated: true },
      },
      // The function takes the prompt alone: no setting reaches it.
      warnings: Object.keys(request.settings ?? {}).map((setting) => ({
        type: 'unsupported-setting' as const,
        setting,
        details: 'a fromFunction model passes only the prompt to the function',
      })),
    };
  };
  return {
    provider: 'function',
    modelId,
    supportsTools: false,
    generate,
    async *stream(request): AsyncIterable<ModelStreamEvent> {
      const response = await generate(request);
      if (response.text) yield { type: 'text-delta', delta: response.text };
      yield { type: 'usage', usage: response.usage };
      yield { type: 'finish', finishReason: response.finishReason, warnings: response.warnings };
    },
  };
}

/** The request as one prompt: the system prompt, the turns, and the JSON Schema asked for. */
function toPrompt(request: ModelRequest): string {
  const parts: string[] = [];
  if (request.system) parts.push(request.system);
  const only = request.messages.length === 1 ? request.messages[0] : undefined;
  if (only?.role === 'user') parts.push(only.content);
  else parts.push(...request.messages.map(turn));
  if (request.output) {
    parts.push(jsonOnlyRequest(JSON.stringify(request.output.schema)));
  }
  return parts.join('\n\n');
}

function turn(message: ModelMessage): string {
  if (message.role === 'user') return `User: ${message.content}`;
  if (message.role === 'assistant') return `Assistant: ${message.content}`;
  return `Tool ${message.toolName}: ${message.content}`;
}
