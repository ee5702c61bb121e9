import { createServer } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ProviderError, RetryError } from 'tierup';
import { anthropicModel } from 'tierup/anthropic';
import { openaiModel } from 'tierup/openai';
import { describe, expect, it } from 'vitest';
import { toProviderError } from '../../src/providers/to-provider-error.ts';

/** A loopback port nothing listens on: opened, read and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ask = { messages: [{ role: 'user' as const, content: 'Hello?' }] };

describe('a connection that fails', () => {
  it('names the host and the system code, through the real clients', async () => {
    const port = await closedPort();
    const baseURL = `http://127.0.0.1:${port}/v1`;
    const once = { attempts: 1 };
    const models = [
      openaiModel(new OpenAI({ baseURL, apiKey: 'k' }), { model: 'gpt-4.1-mini', retry: once }),
      openaiModel(new OpenAI({ baseURL, apiKey: 'k' }), {
        model: 'gpt-4.1-mini',
        api: 'chat',
        retry: once,
      }),
      anthropicModel(new Anthropic({ baseURL: `http://127.0.0.1:${port}`, apiKey: 'k' }), {
        model: 'claude-haiku-4-5',
        retry: once,
      }),
    ];
    for (const model of models) {
      const error = await model.generate(ask).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({
        systemCode: 'ECONNREFUSED',
        host: `127.0.0.1:${port}`,
        isRetryable: true,
        message: `Could not reach 127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
      });
    }
    const retried = openaiModel(new OpenAI({ baseURL, apiKey: 'k' }), {
      model: 'gpt-4.1-mini',
      retry: { attempts: 2, baseDelayMs: 0 },
    });
    const gaveUp = await retried.generate(ask).catch((e: unknown) => e);
    expect(gaveUp).toBeInstanceOf(RetryError);
    expect((gaveUp as RetryError).message).toContain(`127.0.0.1:${port}`);
    expect((gaveUp as RetryError).message).toContain('ECONNREFUSED');
  });

  it('names a host that does not resolve, as the SDKs wrap it', () => {
    // The chain both SDKs throw: "Connection error." over fetch's TypeError over the system error.
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'api.example.invalid',
    });
    const sdk = new Error('Connection error.', {
      cause: new TypeError('fetch failed', { cause: dns }),
    });
    const error = toProviderError(sdk) as ProviderError;
    expect(error.message).toBe('Could not reach api.example.invalid: host not found (ENOTFOUND)');
    expect(error).toMatchObject({ systemCode: 'ENOTFOUND', host: 'api.example.invalid' });
    expect(error.isRetryable).toBe(true);
    expect(error.cause).toBe(sdk);
  });

  it('reads the address of the first attempt when both of localhost refused', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:8080`), {
        code: 'ECONNREFUSED',
        address,
        port: 8080,
      });
    const both = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')]), {
      code: 'ECONNREFUSED',
    });
    const sdk = new Error('Connection error.', {
      cause: new TypeError('fetch failed', { cause: both }),
    });
    const error = toProviderError(sdk) as ProviderError;
    expect(error.message).toBe('Could not reach ::1:8080: connection refused (ECONNREFUSED)');
  });
});
