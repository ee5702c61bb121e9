import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLlmServer } from '../../src/testing/index.ts';
import { runMockServerCommand } from '../../src/testing/mock-llm-server/cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierup-mock-server-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** PassThrough streams whose output is collected as text. */
function capture() {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), out: '', err: '' };
  io.stdout.on('data', (chunk: Buffer) => {
    io.out += chunk.toString();
  });
  io.stderr.on('data', (chunk: Buffer) => {
    io.err += chunk.toString();
  });
  return io;
}

async function firstLine(io: ReturnType<typeof capture>): Promise<string> {
  while (!io.out.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
  return io.out.split('\n')[0] ?? '';
}

const ask = (client: Anthropic, content: string) =>
  client.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content }],
  });

describe('runMockServerCommand', () => {
  it('serves the rules of a script file until stopped, then closes', async () => {
    const file = await script('ok.json', {
      rules: [
        {
          match: { api: 'messages', lastMessage: 'weather' },
          reply: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
        },
        { reply: [{ fault: { status: 429, retryAfter: '1' } }, { text: 'Sunny.' }] },
      ],
    });
    const io = capture();
    const controller = new AbortController();
    const exit = runMockServerCommand(['--script', file], io, { signal: controller.signal });
    const url = await firstLine(io);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(io.out).toContain(`OpenAI base URL:    ${url}/v1`);

    const client = new Anthropic({ apiKey: 'test', baseURL: url, maxRetries: 0, timeout: 5_000 });
    expect((await ask(client, 'weather in Paris?')).content).toMatchObject([
      { type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } },
    ]);
    await expect(ask(client, 'hi')).rejects.toMatchObject({ status: 429 });
    expect((await ask(client, 'hi')).content).toMatchObject([{ type: 'text', text: 'Sunny.' }]);

    controller.abort();
    expect(await exit).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops on SIGTERM and removes its signal listeners', async () => {
    const file = await script('empty.json', { rules: [] });
    const io = capture();
    const before = process.listeners('SIGTERM');
    const beforeInterrupt = process.listeners('SIGINT');
    const exit = runMockServerCommand(['--script', file, '--port', '0'], io);
    const url = await firstLine(io);
    const added = process.listeners('SIGTERM').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    // Call the command's own listener: emitting SIGTERM would reach the test runner's too.
    (added[0] as () => void)();
    expect(await exit).toBe(0);
    expect(process.listeners('SIGTERM')).toEqual(before);
    expect(process.listeners('SIGINT')).toEqual(beforeInterrupt);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('reports a bad script naming the field at fault', async () => {
    const file = await script('bad.json', { rules: [{ reply: { fault: { status: 200 } } }] });
    const io = capture();
    expect(await runMockServerCommand(['--script', file], io)).toBe(2);
    expect(io.err).toContain('rules[0].reply.fault.status');
    const io2 = capture();
    expect(await runMockServerCommand(['--script', join(dir, 'missing.json')], io2)).toBe(2);
    expect(io2.err).toContain('cannot be read');
  });

  it('reports usage mistakes with exit code 2 and prints its help', async () => {
    for (const args of [[], ['--script'], ['--port', 'abc', '--script', 'x.json'], ['--nope']]) {
      const io = capture();
      expect(await runMockServerCommand(args, io)).toBe(2);
      expect(io.err).toContain("Run 'tierup mock-server --help'");
    }
    const io = capture();
    expect(await runMockServerCommand(['--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: tierup mock-server --script FILE');
  });

  it('fails with exit code 1 when the port is taken', async () => {
    const taken = await startMockLlmServer({ rules: [] });
    try {
      const file = await script('port.json', { rules: [] });
      const io = capture();
      const port = new URL(taken.url).port;
      expect(await runMockServerCommand(['--script', file, '--port', port], io)).toBe(1);
      expect(io.err).toContain(`cannot listen on port ${port}`);
    } finally {
      await taken.close();
    }
  });
});
