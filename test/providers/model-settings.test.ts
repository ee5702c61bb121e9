import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidConfigError } from '../../src/core/errors.ts';
import type { ModelStreamEvent } from '../../src/core/language-model.ts';
import { anthropicModel } from '../../src/providers/anthropic/index.ts';
import { openaiModel } from '../../src/providers/openai/index.ts';
import { type MockLlmServer, startMockLlmServer } from '../../src/testing/index.ts';

// The generic settings, given to the model when it is made and to one request, as each API's
// fields: the real SDKs over HTTP to the mock server, which records the bodies they sent.

const made = { temperature: 0.3, maxOutputTokens: 700, reasoningEffort: 'high' as const };
const openai = (server: MockLlmServer) =>
  new OpenAI({ apiKey: 'test', baseURL: server.baseURL.openai, maxRetries: 0 });

const APIS = [
  {
    name: 'OpenAI Chat Completions',
    make: (server: MockLlmServer) =>
      openaiModel(openai(server), {
        model: 'gpt-test',
        api: 'chat',
        settings: made,
        providerOptions: { service_tier: 'flex' },
      }),
    sent: {
      temperature: 0.1,
      max_completion_tokens: 700,
      reasoning_effort: 'high',
      service_tier: 'flex',
      stop: ['END'],
    },
  },
  {
    name: 'OpenAI Responses',
    make: (server: MockLlmServer) =>
      openaiModel(openai(server), {
        model: 'gpt-test',
        settings: made,
        providerOptions: { service_tier: 'flex' },
      }),
    sent: {
      temperature: 0.1,
      max_output_tokens: 700,
      reasoning: { effort: 'high' },
      service_tier: 'flex',
    },
  },
  {
    name: 'Anthropic Messages',
    make: (server: MockLlmServer) =>
      anthropicModel(
        new Anthropic({ apiKey: 'test', baseURL: server.baseURL.anthropic, maxRetries: 0 }),
        { model: 'claude-test', settings: made, providerOptions: { top_k: 40 } },
      ),
    sent: {
      temperature: 0.1,
      max_tokens: 700,
      output_config: { effort: 'high' },
      top_k: 40,
      stop_sequences: ['END'],
    },
  },
] as const;

const ask = {
  messages: [{ role: 'user' as const, content: 'Hello?' }],
  settings: { temperature: 0.1, stopSequences: ['END'] },
};

let server: MockLlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(APIS)('model settings, $name', ({ make, sent }) => {
  it("sends the model's settings under the request's, named as the API names them", async () => {
    server = await startMockLlmServer({ rules: [{ reply: { text: 'Hi.' } }] });
    const model = make(server);
    expect(model.settings).toMatchObject(made);
    await model.generate(ask);
    const events: ModelStreamEvent[] = [];
    for await (const event of model.stream(ask)) events.push(event);
    const [generated, streamed] = server.requests.map((r) => r.body as Record<string, unknown>);
    expect(generated).toMatchObject(sent);
    expect(streamed).toMatchObject(sent);
  });
});

describe('model settings when the model is made', () => {
  it('are checked, naming the setting at fault', () => {
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://127.0.0.1:9/v1' });
    const bad = () =>
      openaiModel(client, { model: 'gpt-test', settings: { temperature: 5, topK: 3 } as never });
    expect(bad).toThrow(InvalidConfigError);
    expect(bad).toThrow(
      /`settings\.temperature` must be <= 2; `settings\.topK` is not a known option/,
    );
  });

  it("warn of an effort Anthropic's API does not take, and do not send it", async () => {
    server = await startMockLlmServer({ rules: [{ reply: { text: 'Hi.' } }] });
    const client = new Anthropic({
      apiKey: 'test',
      baseURL: server.baseURL.anthropic,
      maxRetries: 0,
    });
    const model = anthropicModel(client, { model: 'claude-test' });
    const response = await model.generate({ ...ask, settings: { reasoningEffort: 'minimal' } });
    expect(response.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'reasoningEffort' }),
    ]);
    expect(server.requests[0]?.body).not.toHaveProperty('output_config');
  });
});
