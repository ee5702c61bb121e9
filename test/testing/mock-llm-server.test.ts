import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { InvalidConfigError } from '../../src/core/errors.ts';
import { type MockLlmServer, type MockRule, startMockLlmServer } from '../../src/testing/index.ts';
import { AT_ONCE_MS } from '../load-bounds.ts';
import { type Ask, DRIVERS } from './mock-llm-server-drivers.ts';

const servers: MockLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...rules: MockRule[]): Promise<MockLlmServer> {
  const server = await startMockLlmServer({ rules, chunkSize: 5 });
  servers.push(server);
  return server;
}

const weather: Ask = {
  prompt: 'Weather in Paris and the time in Tokyo?',
  tools: ['get_weather', 'get_time'],
};
const parallel = {
  toolCalls: [
    { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' }, id: 'given-id-1' },
    { name: 'get_time', arguments: { city: 'Tokyo' } },
  ],
};

describe.each(DRIVERS)('mock LLM server, $api API through the real SDK', (driver) => {
  const text = 'The quick brown fox jumps over the lazy dog.';
  // The SDKs warn on the console about what a user should act on (Anthropic's about a deprecated
  // model, once per call): the drivers' models draw no warning, so a test run prints none.
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('answers text without streaming, with usage and finish reason', async () => {
    const usage = { inputTokens: 120, outputTokens: 11, cachedInputTokens: 100 };
    const server = await serve({ reply: { text, usage } });
    const read = await driver.generate(server, { prompt: 'Say the pangram.' });
    expect(read).toEqual({
      text,
      toolCalls: [],
      finish: driver.finishes.stop,
      usage: { input: 120, output: 11, cached: 100 },
    });
  });

  it('streams the same text in several deltas', async () => {
    const server = await serve({ reply: { text, usage: { inputTokens: 30, outputTokens: 11 } } });
    let events = 0;
    const streamed = await driver.stream(server, { prompt: 'Say it.' }, () => events++);
    expect(streamed).toEqual(await driver.generate(server, { prompt: 'Say it.' }));
    expect(events).toBeGreaterThan(Math.ceil(text.length / 5));
  });

  it('answers two parallel tool calls, streaming or not, with the same ids', async () => {
    const server = await serve({ reply: parallel });
    const generated = await driver.generate(server, weather);
    const streamed = await driver.stream(server, weather);
    expect(generated.toolCalls).toEqual([
      { id: 'given-id-1', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      {
        id: expect.stringMatching(driver.toolCallId),
        name: 'get_time',
        arguments: { city: 'Tokyo' },
      },
    ]);
    expect(streamed.toolCalls).toEqual(generated.toolCalls);
    expect(streamed.finish).toBe(driver.finishes.tool_calls);
    expect(generated.finish).toBe(driver.finishes.tool_calls);
    expect(generated.usage?.input).toBeGreaterThan(0);
    expect(generated.usage?.output).toBeGreaterThan(0);
    const other = await serve({
      reply: { toolCalls: [{ name: 'get_time', arguments: { city: 'Oslo' } }] },
    });
    const [call] = (await driver.generate(other, weather)).toolCalls;
    expect(call?.id).toMatch(driver.toolCallId);
    expect(call?.id).not.toBe(generated.toolCalls[1]?.id);
  });

  it("streams events the SDK's own stream helper accumulates", async () => {
    const server = await serve({ reply: { text: 'Checking both.', ...parallel } });
    const helper = await driver.helper(server, weather);
    expect(helper).toMatchObject({ text: 'Checking both.', finish: driver.finishes.tool_calls });
    expect(helper.toolCalls.map((call) => call.arguments)).toEqual([
      { city: 'Paris', unit: 'celsius' },
      { city: 'Tokyo' },
    ]);
  });

  it('sends the length finish reason in its own form', async () => {
    const server = await serve({ reply: { text: 'Cut sho', finishReason: 'length' } });
    expect((await driver.generate(server, { prompt: 'Long essay.' })).finish).toBe(
      driver.finishes.length,
    );
    expect((await driver.stream(server, { prompt: 'Long essay.' })).finish).toBe(
      driver.finishes.length,
    );
  });

  it('matches rules on api, model, system prompt, last message and tools', async () => {
    const server = await serve(
      { match: { api: driver.api === 'chat' ? 'messages' : 'chat' }, reply: { text: 'api' } },
      { match: { model: 'some-other-model' }, reply: { text: 'model' } },
      { match: { system: 'pirate' }, reply: { text: 'system' } },
      {
        match: { lastMessage: /Tokyo\?$/, tools: ['get_weather', 'send_email'] },
        reply: { text: 'tools' },
      },
      {
        match: {
          api: driver.api,
          model: driver.model,
          system: 'terse',
          lastMessage: /Paris/,
          tools: ['get_time'],
        },
        reply: (request, call) => ({
          text: `${request.api} ${request.model} ${request.system} | ${request.tools.join(',')} ${call}`,
        }),
      },
    );
    const read = await driver.generate(server, { ...weather, system: 'Be terse.' });
    expect(read.text).toBe(`${driver.api} ${driver.model} Be terse. | get_weather,get_time 0`);
  });

  it('consumes a rule list in order, the last reply repeating', async () => {
    const server = await serve({ reply: [{ text: 'one' }, { text: 'two' }] });
    const texts = [];
    for (let i = 0; i < 3; i++)
      texts.push((await driver.generate(server, { prompt: 'next' })).text);
    expect(texts).toEqual(['one', 'two', 'two']);
  });

  it('records the body and headers the SDK sent', async () => {
    const server = await serve({ reply: { text: 'ok' } });
    await driver.generate(server, { ...weather, system: 'Be terse.' });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      api: driver.api,
      body: { model: driver.model },
    });
    expect(request?.path).toBe(
      { chat: '/v1/chat/completions', responses: '/v1/responses', messages: '/v1/messages' }[
        driver.api
      ],
    );
    expect(JSON.stringify(request?.body)).toContain('Weather in Paris');
    expect(JSON.stringify(request?.body)).toContain('get_time');
    expect(request?.headers['content-type']).toContain('application/json');
    expect(Math.abs((request?.time ?? 0) - Date.now())).toBeLessThan(5_000);
  });

  it('answers a 429 fault with the SDK rate limit error, its headers and request id', async () => {
    const fault = { status: 429, retryAfter: '7', retryAfterMs: 7_000, message: 'Slow down.' };
    const server = await serve({ reply: { fault } });
    const error = await driver.generate(server, { prompt: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(driver.errors.RateLimitError);
    const { status, headers, requestID, message } = error as {
      status: number;
      headers: Headers;
      requestID: string;
      message: string;
    };
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('7');
    expect(headers.get('retry-after-ms')).toBe('7000');
    expect(requestID).toMatch(/^req_/);
    expect(headers.get(driver.requestIdHeader)).toBe(requestID);
    expect(message).toContain('Slow down.');
    expect(driver.errorType(error)).toBe(
      driver.api === 'messages' ? 'rate_limit_error' : 'requests',
    );
  });

  it('resets the connection: the SDK reports a connection error', async () => {
    const server = await serve({ reply: { fault: { type: 'reset' } } });
    await expect(driver.generate(server, { prompt: 'hi' })).rejects.toBeInstanceOf(
      driver.errors.APIConnectionError,
    );
    await expect(driver.stream(server, { prompt: 'hi' })).rejects.toBeInstanceOf(
      driver.errors.APIConnectionError,
    );
  });

  it('sends a malformed body: the SDK fails to parse it, streaming or not', async () => {
    const server = await serve({ reply: { text, fault: { type: 'malformed' } } });
    await expect(driver.generate(server, { prompt: 'hi' })).rejects.toBeInstanceOf(SyntaxError);
    await expect(driver.stream(server, { prompt: 'hi' })).rejects.toBeInstanceOf(SyntaxError);
  });

  it('cuts a stream after some events: the SDK iteration throws instead of hanging', async () => {
    const server = await serve({ reply: { text, fault: { type: 'cut', afterEvents: 3 } } });
    let events = 0;
    await expect(driver.stream(server, { prompt: 'hi' }, () => events++)).rejects.toThrow();
    expect(events).toBe(3);
    await expect(driver.generate(server, { prompt: 'hi' })).rejects.toThrow();
  });

  it('answers no rule matched with a 500 saying so, not retried', async () => {
    const server = await serve({ match: { lastMessage: 'never sent' }, reply: { text: 'x' } });
    const error = await driver.generate(server, { prompt: 'hello there' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(driver.errors.InternalServerError);
    expect((error as Error).message).toContain('no mock rule matched');
    expect((error as Error).message).toContain('hello there');
    expect((error as { headers: Headers }).headers.get('x-should-retry')).toBe('false');
  });

  it('waits delayMs before answering', async () => {
    const server = await serve({ reply: { text: 'late', delayMs: 150 } });
    const started = performance.now();
    expect((await driver.generate(server, { prompt: 'hi' })).text).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('startMockLlmServer', () => {
  it('closes at once with a request in flight, which then fails', async () => {
    const server = await serve({ reply: { text: 'never', delayMs: 30_000 } });
    const pending = DRIVERS[0]?.generate(server, { prompt: 'hi', timeout: 20_000 });
    const caught = pending?.catch((error: unknown) => error);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // not the reply's 30 s
    expect(await caught).toBeInstanceOf(DRIVERS[0]?.errors.APIConnectionError);
    await server.close(); // a second close is harmless
  });

  it('ends a delay when the client gives up, and keeps serving', async () => {
    const server = await serve({ reply: [{ text: 'slow', delayMs: 30_000 }, { text: 'fast' }] });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const pending = DRIVERS[0]?.generate(server, { prompt: 'hi', timeout: 100 });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(timers()).toBeGreaterThan(before); // the server's delay, and the client's timeout
    await expect(pending).rejects.toThrow(/timed out/i);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeLessThanOrEqual(before);
    expect((await DRIVERS[0]?.generate(server, { prompt: 'again' }))?.text).toBe('fast');
  });

  it('answers an unknown path with a 404 and records it', async () => {
    const server = await serve({ reply: { text: 'x' } });
    const response = await fetch(`${server.url}/v1/models`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('/v1/models') },
    });
    expect(server.requests).toMatchObject([{ method: 'GET', path: '/v1/models', api: undefined }]);
  });

  it('answers a body that is not JSON with a 400 in the API shape', async () => {
    const server = await serve({ reply: { text: 'x' } });
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
    expect(response.headers.get('request-id')).toMatch(/^req_011C/);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });

  it('reports an invalid reply from a reply function as a 500 naming the field', async () => {
    const server = await serve({ reply: () => ({ text: 'x', delayMs: -5 }) });
    const response = await fetch(`${server.baseURL.openai}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).toContain('rules[0].reply.delayMs');
  });

  it('listens on the given port', async () => {
    const probe = await serve({ reply: {} });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const server = await startMockLlmServer({ rules: [], port });
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(server.baseURL).toEqual({ openai: `${server.url}/v1`, anthropic: server.url });
  });

  it('validates its options, naming the one at fault', async () => {
    await expect(
      startMockLlmServer({ rules: [{ reply: [{ text: 'ok' }, { fault: { status: 200 } }] }] }),
    ).rejects.toMatchObject({ field: 'rules[0].reply[1].fault.status' });
    await expect(
      startMockLlmServer({ rules: [{ match: { model: 4 as never }, reply: {} }] }),
    ).rejects.toThrow(/rules\[0\]\.match\.model/);
    await expect(startMockLlmServer({ rules: [], chunkSize: 0 })).rejects.toBeInstanceOf(
      InvalidConfigError,
    );
  });
});
