import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { z } from 'zod';
import { InvalidConfigError } from '../../core/errors.ts';
import { toIssues } from '../../core/parse.ts';
import type { Tierup, TierupRunOptions } from '../../tierup.ts';
import { parseChatCompletionsBody } from './chat-completions-body.ts';
import {
  type Answer,
  streamChunks,
  type TierupChatCompletion,
  type TierupChatCompletionChunk,
  toCompletion,
} from './chat-completions-result.ts';

/** Run options of the drop-in's runs; the signal comes from each call's request options. */
export type DropInRunOptions = Omit<TierupRunOptions, 'signal'>;

/** Options of {@link chatCompletionsDropIn}. */
export interface ChatCompletionsDropInOptions {
  /**
   * Options of every run (budgets, `sessionId`, `accept`), or a function of the request body that
   * gives each run its own, e.g. `(body) => ({ sessionId: body.user })`. A call's `timeout`
   * request option overrides `timeoutMs`. @default {}
   */
  readonly runOptions?:
    | DropInRunOptions
    | ((body: ChatCompletionCreateParamsBase) => DropInRunOptions);
  /**
   * What becomes of `system` and `developer` messages. `instructions`: joined, they are the run's
   * own instructions (the task's `instructions`), after `createTierup`'s, read by the tiers' agents
   * but not by the router. `history`: each is passed on, word for word, as a user turn of the
   * history at its place. `drop`: they are left out, for a service that gives the same text to
   * `createTierup` as `instructions`. @default 'instructions'
   */
  readonly systemMessages?: 'instructions' | 'history' | 'drop';
  /** The `id` of each completion. @default () => `chatcmpl-${crypto.randomUUID()}` */
  readonly generateId?: () => string;
  /** The clock, in milliseconds since the epoch, for `created`. @default Date.now */
  readonly now?: () => number;
  /**
   * How much of the run goes under `completion.tierup`. `summary`: the tier, decision,
   * escalations and usage. `full` adds the trace and the audit trail, which hold every tool's
   * arguments, sensitive values included: keep them out of a completion a proxy passes on to its
   * clients. @default 'summary'
   */
  readonly details?: 'summary' | 'full';
}

/**
 * The stream of a `stream: true` call: its chunks, and a controller that aborts the run. The run
 * starts when reading starts, and can be read once.
 */
export interface TierupChatCompletionStream extends AsyncIterable<TierupChatCompletionChunk> {
  readonly controller: AbortController;
}

/** The part of the OpenAI client's shape the drop-in offers. */
export interface ChatCompletionsDropIn {
  readonly chat: {
    readonly completions: {
      create(
        body: ChatCompletionCreateParamsNonStreaming,
        options?: OpenAI.RequestOptions,
      ): Promise<TierupChatCompletion>;
      create(
        body: ChatCompletionCreateParamsStreaming,
        options?: OpenAI.RequestOptions,
      ): Promise<TierupChatCompletionStream>;
      create(
        body: ChatCompletionCreateParamsBase,
        options?: OpenAI.RequestOptions,
      ): Promise<TierupChatCompletion | TierupChatCompletionStream>;
    };
  };
}

const isFunction = z.custom((value) => typeof value === 'function', 'must be a function');
const Options = z.strictObject({
  runOptions: z.union([z.looseObject({}), isFunction]).optional(),
  systemMessages: z.enum(['instructions', 'history', 'drop']).optional(),
  details: z.enum(['summary', 'full']).optional(),
  generateId: isFunction.optional(),
  now: isFunction.optional(),
});

/**
 * Keeps the shape of `client.chat.completions.create(...)` for code that calls the OpenAI client:
 * swap the client for this, and each call becomes a tierup run. The last message (a user message)
 * is the run's input and the messages before it its history; `response_format` `json_schema` and
 * `json_object` become the run's output schema, the answer's JSON given as `content`. The request's
 * `signal` aborts the run and its `timeout` is the run's `timeoutMs`; other request options concern
 * an HTTP call tierup does not make. The completion's `model` is the model that wrote the answer,
 * its `usage` the whole run's, and `tierup` holds the tier, decision, escalations, usage by tier,
 * warnings (the trace and the audit trail too with `details: 'full'`).
 *
 * Body fields tierup cannot honour are refused when the answer would lack what they ask for
 * (`tools`: tierup runs its own tools; `n` above 1, `logprobs`, audio). The generic settings
 * (`temperature`, `top_p`, `seed`, `stop`, `max_tokens` or `max_completion_tokens`,
 * `reasoning_effort`) are the run's `settings`, for every model call of every tier; a provider
 * that cannot honour one says so in `tierup.warnings`. OpenAI's own fields (`frequency_penalty`,
 * `logit_bias`, `service_tier`, ...) come back in `tierup.warnings`, as a tier's model may be
 * another provider's. `stream: true` gives chunks once the run has settled on its answer: a tier's
 * text may still be replaced by an escalation, and an agent's text before a tool call is not the
 * answer, so nothing is sent that could be taken back. Errors are tierup's own, not the SDK's.
 *
 * @throws {InvalidConfigError} naming the option at fault.
 * @example
 * const client = chatCompletionsDropIn(createTierup({ model, tools: [getOrder] }));
 * const completion = await client.chat.completions.create(
 *   { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Where is order 30418?' }] },
 *   { signal },
 * );
 * completion.choices[0]?.message.content; // 'Order 30418 shipped yesterday.'
 * completion.tierup.tier; // 'agent'
 */
export function chatCompletionsDropIn(
  tierup: Pick<Tierup, 'run'>,
  options: ChatCompletionsDropInOptions = {},
): ChatCompletionsDropIn {
  const parsed = Options.safeParse(options);
  if (!parsed.success) throw new InvalidConfigError(toIssues(parsed.error));
  const {
    runOptions = {},
    systemMessages = 'instructions',
    generateId = () => `chatcmpl-${crypto.randomUUID()}`,
    now = Date.now,
    details = 'summary',
  } = options;

  function create(
    body: ChatCompletionCreateParamsNonStreaming,
    options?: OpenAI.RequestOptions,
  ): Promise<TierupChatCompletion>;
  function create(
    body: ChatCompletionCreateParamsStreaming,
    options?: OpenAI.RequestOptions,
  ): Promise<TierupChatCompletionStream>;
  function create(
    body: ChatCompletionCreateParamsBase,
    options?: OpenAI.RequestOptions,
  ): Promise<TierupChatCompletion | TierupChatCompletionStream>;
  async function create(
    body: ChatCompletionCreateParamsBase,
    request: OpenAI.RequestOptions = {},
  ): Promise<TierupChatCompletion | TierupChatCompletionStream> {
    const parsed = parseChatCompletionsBody(body, systemMessages);
    const { task, stream, includeUsage, warnings, settings } = parsed;
    const own = typeof runOptions === 'function' ? runOptions(body) : runOptions;
    const { timeout } = request;
    // The body's settings go over the run options' own, for every model call of the run.
    const runSettings = settings ? { settings: { ...own.settings, ...settings } } : {};
    const run = (signal: AbortSignal | undefined) =>
      tierup.run<unknown>(task, {
        ...own,
        ...runSettings,
        ...(timeout === undefined ? {} : { timeoutMs: Math.ceil(timeout) }),
        ...(signal ? { signal } : {}),
      });
    const answer: Answer = {
      id: generateId(),
      created: Math.floor(now() / 1000),
      requested: body.model,
      json: task.output !== undefined,
      warnings,
      full: details === 'full',
    };
    const signal = request.signal ?? undefined;
    if (!stream) return toCompletion(await run(signal), answer);
    const controller = new AbortController();
    const chunks = streamChunks(
      () => run(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal),
      { ...answer, includeUsage },
    );
    return { controller, [Symbol.asyncIterator]: () => chunks };
  }

  return { chat: { completions: { create } } };
}
