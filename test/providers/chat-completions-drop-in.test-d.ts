import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { createTierup } from 'tierup';
import {
  chatCompletionsDropIn,
  type TierupChatCompletion,
  type TierupChatCompletionStream,
} from 'tierup/openai';
import { scriptedModel } from 'tierup/testing';
import { expectTypeOf, test } from 'vitest';

const client = chatCompletionsDropIn(createTierup({ model: scriptedModel('') }));
const body = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Hi' }] };

test('it takes the place of the client where code is typed against the SDK', () => {
  interface CompletionsClient {
    chat: {
      completions: {
        create(
          body: ChatCompletionCreateParamsNonStreaming,
          options?: OpenAI.RequestOptions,
        ): PromiseLike<ChatCompletion>;
        create(
          body: ChatCompletionCreateParamsStreaming,
          options?: OpenAI.RequestOptions,
        ): PromiseLike<AsyncIterable<ChatCompletionChunk>>;
      };
    };
  }
  expectTypeOf(client).toExtend<CompletionsClient>();
});

test('`stream` picks the return type, as with the SDK', () => {
  expectTypeOf(client.chat.completions.create(body)).resolves.toEqualTypeOf<TierupChatCompletion>();
  expectTypeOf(
    client.chat.completions.create({ ...body, stream: true }),
  ).resolves.toEqualTypeOf<TierupChatCompletionStream>();
  expectTypeOf(client.chat.completions.create({ ...body, stream: false }))
    .resolves.toHaveProperty('tierup')
    .toHaveProperty('tier')
    .toEqualTypeOf<'direct' | 'agent' | 'multi-agent'>();
});
