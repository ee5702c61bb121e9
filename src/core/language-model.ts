/**
 * The provider-neutral model interface the executors talk to. tierup's own types only: no SDK
 * type crosses it. Providers (`tierup/openai`, `tierup/anthropic`) implement it over the official
 * clients; `scriptedModel` from `tierup/testing` implements it for tests.
 */

/** A JSON Schema object, as produced from a zod schema with `z.toJSONSchema`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A tool the model may call, described by the JSON Schema of its arguments. */
export interface ModelTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: JsonSchema;
}

/** One call the model asked for. Several may come in one turn (parallel tool calls). */
export interface ToolCall {
  /** The provider's id for the call, echoed back with its result. */
  readonly id: string;
  readonly name: string;
  /** The arguments as parsed JSON; not yet validated against the tool's schema. */
  readonly arguments: unknown;
}

/** A turn of the conversation. */
export type ModelMessage =
  | { readonly role: 'user'; readonly content: string }
  | {
      readonly role: 'assistant';
      readonly content: string;
      readonly toolCalls?: readonly ToolCall[];
    }
  | {
      readonly role: 'tool';
      readonly toolCallId: string;
      readonly toolName: string;
      readonly content: string;
      /** The tool failed; `content` says how. */
      readonly isError?: boolean;
    };

/**
 * Generic settings of a model call, named as the AI SDK names them; each provider maps them to
 * its API's fields (docs/providers.md, "Model settings"). One a provider cannot honour comes back
 * as a warning, not an error.
 */
export interface ModelSettings {
  /** Sampling temperature: OpenAI `temperature` (0-2), Anthropic `temperature` (0-1). */
  readonly temperature?: number;
  /** Nucleus sampling: `top_p`. */
  readonly topP?: number;
  /**
   * The most tokens the model may write: OpenAI `max_output_tokens` (Responses) or
   * `max_completion_tokens` (Chat), Anthropic `max_tokens` (@default 4096 there, which requires it).
   */
  readonly maxOutputTokens?: number;
  /** Chat `stop`, Anthropic `stop_sequences`; the Responses API has none. */
  readonly stopSequences?: readonly string[];
  /** Chat `seed`; the Responses API and Anthropic have none. */
  readonly seed?: number;
  /**
   * How much a reasoning model thinks before it answers: OpenAI `reasoning.effort` (Responses) or
   * `reasoning_effort` (Chat); Anthropic `output_config.effort`, which takes `low` to `max`.
   */
  readonly reasoningEffort?: ReasoningEffort;
}

/** The reasoning efforts the providers know, from least to most. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/**
 * Provider-only settings, keyed by provider and named as the provider's SDK names them:
 * `{ openai: { service_tier: 'flex' }, anthropic: { top_k: 40 } }`. Each provider reads its own
 * key and ignores the others, so one object can serve a run whose tiers use different providers.
 */
export type ProviderOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Settings given for a model's calls: the generic ones and provider-only ones. */
export interface CallSettings extends ModelSettings {
  readonly providerOptions?: ProviderOptions;
}

/** What one model call is asked to do. */
export interface ModelRequest {
  readonly system?: string;
  readonly messages: readonly ModelMessage[];
  readonly tools?: readonly ModelTool[];
  readonly toolChoice?: 'auto' | 'none' | 'required' | { readonly name: string };
  /** Ask for structured output matching this JSON Schema. */
  readonly output?: { readonly name: string; readonly schema: JsonSchema };
  readonly settings?: ModelSettings;
  /** Provider-only settings, keyed by provider (`{ openai: { store: false } }`). */
  readonly providerOptions?: ProviderOptions;
  /** Aborts the request at once. */
  readonly signal?: AbortSignal;
}

/** Tokens a call consumed; `raw` keeps the provider's own usage object. */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Input tokens served from the provider's prompt cache, a subset of `inputTokens`. */
  readonly cachedInputTokens: number;
  /**
   * The counts are tierup's estimate (four characters a token), not the provider's: a model that
   * reports no usage, such as `fromFunction`. A cost priced from them is an estimate too.
   */
  readonly estimated?: boolean;
  readonly raw?: unknown;
}

/** Why the model stopped, normalized, with the provider's own value kept. */
export interface FinishReason {
  readonly unified: 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';
  readonly raw: string | undefined;
}

/** A generic setting the provider could not honour. */
export interface ModelWarning {
  readonly type: 'unsupported-setting';
  readonly setting: string;
  readonly details?: string;
}

/** The result of one call. */
export interface ModelResponse {
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  /** The parsed structured output, when the request asked for one. */
  readonly output?: unknown;
  readonly finishReason: FinishReason;
  readonly usage: Usage;
  readonly warnings: readonly ModelWarning[];
  /** The provider's id of the response, and the model that answered (a dated snapshot of the one asked, say). */
  readonly response?: ResponseMetadata;
}

/** What a provider says of its response, for tracing. */
export interface ResponseMetadata {
  readonly id?: string | undefined;
  readonly modelId?: string | undefined;
}

/** Events of a streamed call, in order; names are noun-then-verb. */
export type ModelStreamEvent =
  | { readonly type: 'text-delta'; readonly delta: string }
  | { readonly type: 'tool-call-start'; readonly id: string; readonly name: string }
  | { readonly type: 'tool-call-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'tool-call-end'; readonly toolCall: ToolCall }
  | { readonly type: 'usage'; readonly usage: Usage }
  | {
      readonly type: 'finish';
      readonly finishReason: FinishReason;
      readonly warnings: readonly ModelWarning[];
      readonly response?: ResponseMetadata;
    };

/** A model behind one interface, whoever serves it. `generate` and `stream` are separate methods. */
export interface LanguageModel {
  /** `openai`, `anthropic`, `scripted`, ... */
  readonly provider: string;
  readonly modelId: string;
  /** False for a model that cannot call tools (`fromFunction`); it can serve the direct tier only. @default true */
  readonly supportsTools?: boolean;
  /**
   * Settings the model applies to every call, under the request's own (`openaiModel(client,
   * { model, settings })`); tierup reads `maxOutputTokens` from them for its token budgets.
   */
  readonly settings?: CallSettings;
  generate(request: ModelRequest): Promise<ModelResponse>;
  stream(request: ModelRequest): AsyncIterable<ModelStreamEvent>;
}
