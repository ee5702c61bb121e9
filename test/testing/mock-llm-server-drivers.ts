/**
 * One driver per API the mock LLM server speaks, each calling it through the real SDK client
 * and reading the answer back into one shape, so that one suite runs against all three.
 */
import Anthropic, { type APIError as AnthropicError } from '@anthropic-ai/sdk';
import OpenAI, { type APIError as OpenAIError } from 'openai';
import type { MockApi, MockLlmServer } from '../../src/testing/index.ts';

/** An answer read back from an SDK response or assembled from its stream events. */
export interface Read {
  readonly text: string;
  readonly toolCalls: readonly { id: string; name: string; arguments: unknown }[];
  /** The API's own finish value: `finish_reason`, the response `status`, `stop_reason`. */
  readonly finish: string | null | undefined;
  /** Input tokens with cached ones included, output tokens, cached input tokens. */
  readonly usage: { input: number; output: number; cached: number } | undefined;
}

/** What a test asks: a system prompt, a user message and the names of the tools to offer. */
export interface Ask {
  readonly system?: string;
  readonly prompt: string;
  readonly tools?: readonly string[];
  readonly timeout?: number;
}

export interface Driver {
  readonly api: MockApi;
  readonly model: string;
  /** The finish value for each mock finish reason. */
  readonly finishes: Readonly<Record<'stop' | 'tool_calls' | 'length', string>>;
  readonly toolCallId: RegExp;
  readonly requestIdHeader: string;
  readonly errors: {
    readonly RateLimitError: new (...args: never[]) => Error;
    readonly APIConnectionError: new (...args: never[]) => Error;
    readonly InternalServerError: new (...args: never[]) => Error;
  };
  generate(server: MockLlmServer, ask: Ask): Promise<Read>;
  /** Streams with the raw `create({ stream: true })` and assembles the deltas; counts events. */
  stream(server: MockLlmServer, ask: Ask, onEvent?: () => void): Promise<Read>;
  /** Streams with the SDK's own helper and reads its final accumulated answer. */
  helper(server: MockLlmServer, ask: Ask): Promise<Read>;
  /** The error type the API put in the body of an error response. */
  errorType(error: unknown): unknown;
}

const SCHEMA = { type: 'object', properties: { city: { type: 'string' } } } as const;
const TIMEOUT = 5_000;

const openai = (server: MockLlmServer, ask: Ask) =>
  new OpenAI({
    apiKey: 'test',
    baseURL: server.baseURL.openai,
    maxRetries: 0,
    timeout: ask.timeout ?? TIMEOUT,
  });
const anthropic = (server: MockLlmServer, ask: Ask) =>
  new Anthropic({
    apiKey: 'test',
    baseURL: server.baseURL.anthropic,
    maxRetries: 0,
    timeout: ask.timeout ?? TIMEOUT,
  });

const parse = (json: string): unknown => JSON.parse(json);

function chatParams(ask: Ask, model: string) {
  return {
    model,
    messages: [
      ...(ask.system === undefined ? [] : [{ role: 'system' as const, content: ask.system }]),
      { role: 'user' as const, content: ask.prompt },
    ],
    ...(ask.tools === undefined
      ? {}
      : {
          tools: ask.tools.map((name) => ({
            type: 'function' as const,
            function: { name, description: `The ${name} tool`, parameters: SCHEMA },
          })),
        }),
  };
}

function fromChat(completion: OpenAI.ChatCompletion): Read {
  const choice = completion.choices[0];
  const usage = completion.usage;
  return {
    text: choice?.message.content ?? '',
    toolCalls: (choice?.message.tool_calls ?? []).flatMap((call) =>
      call.type === 'function'
        ? [{ id: call.id, name: call.function.name, arguments: parse(call.function.arguments) }]
        : [],
    ),
    finish: choice?.finish_reason,
    usage: usage && {
      input: usage.prompt_tokens,
      output: usage.completion_tokens,
      cached: usage.prompt_tokens_details?.cached_tokens ?? 0,
    },
  };
}

export const chatDriver: Driver = {
  api: 'chat',
  model: 'gpt-4o-mini',
  finishes: { stop: 'stop', tool_calls: 'tool_calls', length: 'length' },
  toolCallId: /^call_[A-Za-z0-9]{24}$/,
  requestIdHeader: 'x-request-id',
  errors: OpenAI,
  errorType: (error) => (error as OpenAIError).type,
  async generate(server, ask) {
    return fromChat(await openai(server, ask).chat.completions.create(chatParams(ask, this.model)));
  },
  async stream(server, ask, onEvent) {
    const stream = await openai(server, ask).chat.completions.create({
      ...chatParams(ask, this.model),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const calls: { id: string; name: string; json: string }[] = [];
    let finish: string | null | undefined;
    let usage: Read['usage'];
    for await (const chunk of stream) {
      onEvent?.();
      if (chunk.usage) {
        usage = fromChat({
          ...chunk,
          object: 'chat.completion',
          choices: [],
          usage: chunk.usage,
        }).usage;
      }
      const choice = chunk.choices[0];
      if (choice === undefined) continue;
      text += choice.delta.content ?? '';
      for (const delta of choice.delta.tool_calls ?? []) {
        calls[delta.index] ??= { id: '', name: '', json: '' };
        const call = calls[delta.index] as { id: string; name: string; json: string };
        call.id += delta.id ?? '';
        call.name += delta.function?.name ?? '';
        call.json += delta.function?.arguments ?? '';
      }
      finish = choice.finish_reason ?? finish;
    }
    const toolCalls = calls.map((c) => ({ id: c.id, name: c.name, arguments: parse(c.json) }));
    return { text, toolCalls, finish, usage };
  },
  async helper(server, ask) {
    const stream = openai(server, ask).chat.completions.stream({
      ...chatParams(ask, this.model),
      stream_options: { include_usage: true },
    });
    return fromChat(await stream.finalChatCompletion());
  },
};

function responsesParams(ask: Ask, model: string) {
  return {
    model,
    input: ask.prompt,
    ...(ask.system === undefined ? {} : { instructions: ask.system }),
    ...(ask.tools === undefined
      ? {}
      : {
          tools: ask.tools.map((name) => ({
            type: 'function' as const,
            name,
            description: `The ${name} tool`,
            parameters: SCHEMA,
            strict: false,
          })),
        }),
  };
}

function fromResponse(response: OpenAI.Responses.Response): Read {
  const usage = response.usage;
  return {
    text: response.output_text,
    toolCalls: response.output.flatMap((item) =>
      item.type === 'function_call'
        ? [{ id: item.call_id, name: item.name, arguments: parse(item.arguments) }]
        : [],
    ),
    finish: response.status,
    usage: usage && {
      input: usage.input_tokens,
      output: usage.output_tokens,
      cached: usage.input_tokens_details.cached_tokens,
    },
  };
}

export const responsesDriver: Driver = {
  api: 'responses',
  model: 'gpt-5-mini',
  finishes: { stop: 'completed', tool_calls: 'completed', length: 'incomplete' },
  toolCallId: /^call_[A-Za-z0-9]{24}$/,
  requestIdHeader: 'x-request-id',
  errors: OpenAI,
  errorType: (error) => (error as OpenAIError).type,
  async generate(server, ask) {
    return fromResponse(
      await openai(server, ask).responses.create(responsesParams(ask, this.model)),
    );
  },
  async stream(server, ask, onEvent) {
    const stream = await openai(server, ask).responses.create({
      ...responsesParams(ask, this.model),
      stream: true,
    });
    let text = '';
    const calls: { id: string; name: string; json: string }[] = [];
    let final: Read | undefined;
    for await (const event of stream) {
      onEvent?.();
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.output_item.added' && event.item.type === 'function_call') {
        calls[event.output_index] = { id: event.item.call_id, name: event.item.name, json: '' };
      }
      if (event.type === 'response.function_call_arguments.delta') {
        const call = calls[event.output_index];
        if (call) call.json += event.delta;
      }
      if (event.type === 'response.completed' || event.type === 'response.incomplete') {
        final = fromResponse(event.response);
      }
    }
    const toolCalls = calls
      .filter((call) => call !== undefined)
      .map((c) => ({ id: c.id, name: c.name, arguments: parse(c.json) }));
    return { text, toolCalls, finish: final?.finish, usage: final?.usage };
  },
  async helper(server, ask) {
    const stream = openai(server, ask).responses.stream(responsesParams(ask, this.model));
    return fromResponse(await stream.finalResponse());
  },
};

function messagesParams(ask: Ask, model: string) {
  return {
    model,
    max_tokens: 1024,
    ...(ask.system === undefined ? {} : { system: ask.system }),
    messages: [{ role: 'user' as const, content: ask.prompt }],
    ...(ask.tools === undefined
      ? {}
      : {
          tools: ask.tools.map((name) => ({
            name,
            description: `The ${name} tool`,
            input_schema: SCHEMA,
          })),
        }),
  };
}

function fromMessage(message: Anthropic.Message): Read {
  const { usage } = message;
  return {
    text: message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''),
    toolCalls: message.content.flatMap((block) =>
      block.type === 'tool_use' ? [{ id: block.id, name: block.name, arguments: block.input }] : [],
    ),
    finish: message.stop_reason,
    usage: {
      input: usage.input_tokens + (usage.cache_read_input_tokens ?? 0),
      output: usage.output_tokens,
      cached: usage.cache_read_input_tokens ?? 0,
    },
  };
}

export const messagesDriver: Driver = {
  api: 'messages',
  model: 'claude-sonnet-4-6',
  finishes: { stop: 'end_turn', tool_calls: 'tool_use', length: 'max_tokens' },
  toolCallId: /^toolu_01[A-Za-z0-9]{22}$/,
  requestIdHeader: 'request-id',
  errors: Anthropic,
  errorType: (error) => (error as AnthropicError).type,
  async generate(server, ask) {
    return fromMessage(
      await anthropic(server, ask).messages.create(messagesParams(ask, this.model)),
    );
  },
  async stream(server, ask, onEvent) {
    const stream = await anthropic(server, ask).messages.create({
      ...messagesParams(ask, this.model),
      stream: true,
    });
    let text = '';
    const calls: { id: string; name: string; json: string }[] = [];
    let finish: string | null | undefined;
    let input = 0;
    let cached = 0;
    let output = 0;
    for await (const event of stream) {
      onEvent?.();
      if (event.type === 'message_start') {
        cached = event.message.usage.cache_read_input_tokens ?? 0;
        input = event.message.usage.input_tokens + cached;
      }
      if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
        const { id, name } = event.content_block;
        calls[event.index] = { id, name, json: '' };
      }
      if (event.type === 'content_block_delta') {
        if (event.delta.type === 'text_delta') text += event.delta.text;
        const call = calls[event.index];
        if (event.delta.type === 'input_json_delta' && call) call.json += event.delta.partial_json;
      }
      if (event.type === 'message_delta') {
        finish = event.delta.stop_reason;
        output = event.usage.output_tokens;
      }
    }
    const toolCalls = calls
      .filter((call) => call !== undefined)
      .map((c) => ({ id: c.id, name: c.name, arguments: parse(c.json) }));
    return { text, toolCalls, finish, usage: { input, output, cached } };
  },
  async helper(server, ask) {
    const stream = anthropic(server, ask).messages.stream(messagesParams(ask, this.model));
    return fromMessage(await stream.finalMessage());
  },
};

/** The three drivers, for `describe.each`. */
export const DRIVERS: readonly Driver[] = [chatDriver, responsesDriver, messagesDriver];
