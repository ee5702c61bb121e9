import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMockLlmServer } from 'tierup/testing';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `examples/demo.ts` as `npm run demo` does, with no provider key but those given. */
function runDemo(extraEnv: Record<string, string> = {}): Promise<Outcome> {
  const env = { ...process.env };
  for (const name of [
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'ANTHROPIC_API_KEY',
    'TIERUP_DEMO_MODEL',
  ]) {
    delete env[name];
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', 'examples/demo.ts'],
      { cwd: root, env: { ...env, ...extraEnv }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The printed blocks, one per request, keyed by the request's number. */
function blocks(stdout: string): string[] {
  return stdout.split(/^\[\d+\/\d+\] /m).slice(1);
}

/** The text of one labelled field of a block, continuation lines included. */
function field(block: string, label: string): string {
  const lines = block.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${label.padEnd(11)}`));
  if (start === -1) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !l.startsWith(' '.repeat(13)));
  return [lines[start], ...rest.slice(0, end === -1 ? rest.length : end)]
    .map((l) => l?.trim())
    .join('\n')
    .slice(label.length)
    .trim();
}

describe('npm run demo', () => {
  it('with no key, runs every request on the mock server and prints what each run did', async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [first] = stdout.split('\n');
    expect(first).toMatch(/^Running on the local mock LLM server with a scripted model/);
    expect(first).toContain('OPENAI_API_KEY, ANTHROPIC_API_KEY or OPENAI_BASE_URL');

    const [direct, agent, escalated, team, triage, ...more] = blocks(stdout);
    expect(more).toEqual([]);

    expect(field(direct ?? '', 'decision')).toMatch(/^direct:/);
    expect(field(direct ?? '', 'finished')).toBe('direct');
    expect(field(direct ?? '', 'escalated')).toBe('no');
    expect(field(direct ?? '', 'tool calls')).toBe('none');

    expect(field(agent ?? '', 'decision')).toMatch(/^agent: needs get_order/);
    expect(field(agent ?? '', 'finished')).toBe('agent');
    expect(field(agent ?? '', 'agents')).toBe('agent (2 calls)');
    expect(field(agent ?? '', 'tool calls')).toBe('agent → get_order {"orderId":"30418"}');
    expect(field(agent ?? '', 'answer')).toContain('Thursday');

    expect(field(escalated ?? '', 'decision')).toMatch(/^direct:/);
    expect(field(escalated ?? '', 'finished')).toBe('agent');
    expect(field(escalated ?? '', 'escalated')).toMatch(
      /^direct → agent, tool-unavailable: needs the tool `search_help_center`/,
    );
    expect(field(escalated ?? '', 'agents')).toBe('direct (1 call, escalated) · agent (2 calls)');
    expect(field(escalated ?? '', 'tool calls')).toContain('agent → search_help_center');
    expect(field(escalated ?? '', 'cost')).toMatch(
      /^\$0\.\d+ \(direct \$0\.\d+, agent \$0\.\d+\)$/,
    );

    expect(field(team ?? '', 'decision')).toMatch(/^multi-agent:/);
    expect(field(team ?? '', 'finished')).toBe('multi-agent');
    for (const name of ['manager', 'commerce', 'knowledge', 'payments', 'support']) {
      expect(field(team ?? '', 'agents')).toContain(`${name} (2 calls)`);
    }
    const calls = field(team ?? '', 'tool calls').split('\n');
    expect(calls).toHaveLength(4);
    expect(calls).toContain(
      'payments → refund_payment {"chargeId":"ch_3Pq88123","amount":349,"reason":"damaged"}',
    );
    expect(calls.some((c) => c.startsWith('support → send_email {"to":"mara.lindqvist'))).toBe(
      true,
    );

    expect(field(triage ?? '', 'finished')).toBe('direct');
    expect(JSON.parse(field(triage ?? '', 'answer'))).toMatchObject({
      category: 'delivery',
      urgency: 'high',
      needsHuman: true,
    });

    for (const block of blocks(stdout)) {
      expect(field(block, 'tokens')).toMatch(/^[\d,]+ in \(0 cached\), \d+ out, \d+ model calls?$/);
      expect(field(block, 'cost')).toMatch(/^\$0\.\d{6}/);
    }
  });

  it('runs on the server OPENAI_BASE_URL names, and exits 1 when requests fail', async () => {
    const server = await startMockLlmServer({
      rules: [
        { match: { lastMessage: 'sounds friendlier' }, reply: { text: 'Sorry, no refund.' } },
        { reply: { fault: { status: 400, message: 'model not found' } } },
      ],
    });
    try {
      const { code, stdout, stderr } = await runDemo({
        OPENAI_BASE_URL: server.baseURL.openai,
        TIERUP_DEMO_MODEL: 'llama3.1',
      });
      expect(stdout.split('\n')[0]).toBe(
        `Running on the OpenAI-compatible server at ${server.baseURL.openai} with llama3.1 (Chat Completions); TIERUP_DEMO_MODEL picks another model.`,
      );
      expect(server.requests.length).toBeGreaterThanOrEqual(5);
      expect(server.requests.every((r) => r.path === '/v1/chat/completions')).toBe(true);
      const [answered, ...failed] = blocks(stdout);
      expect(field(answered ?? '', 'answer')).toBe('Sorry, no refund.');
      expect(field(answered ?? '', 'cost')).toBe('unknown (no price for openai/llama3.1)');
      expect(failed).toHaveLength(4);
      for (const block of failed) {
        expect(field(block, 'FAILED')).toContain('model not found');
        expect(field(block, 'finished')).toMatch(/^failed on (direct|agent|multi-agent)$/);
      }
      expect(stderr).toContain('4 of 5 requests failed.');
      expect(code).toBe(1);
    } finally {
      await server.close();
    }
  });
});
