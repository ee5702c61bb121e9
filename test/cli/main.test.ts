import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, parseLines, runProcess } from './cli-harness.ts';

describe('the tierup executable (src/cli/main.ts in a child process)', () => {
  it('routes JSONL piped on stdin and exits 0', async () => {
    const input = readFileSync(fixture('requests.jsonl'), 'utf8');
    const { code, stdout, stderr } = await runProcess(['route'], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(parseLines(stdout).map((line) => [line.id, line.tier])).toEqual([
      ['translate', 'direct'],
      ['order', 'agent'],
      ['refund', 'multi-agent'],
      ['line-5', 'agent'],
    ]);
  });

  it('sets exit code 2 for bad lines piped on stdin and still routes the good ones', async () => {
    const input = readFileSync(fixture('bad-lines.jsonl'), 'utf8');
    const { code, stdout, stderr } = await runProcess(['route', '-'], input);
    expect(code).toBe(2);
    expect(parseLines(stdout).map((line) => line.id)).toEqual(['first', 'last']);
    expect(stderr).toContain('line 3: input: must be a string');
    expect(stderr).toMatch(/line 5: tools\[0\]\.name: /);
  });

  it('evaluates labeled JSONL from stdin with --json', async () => {
    const input = readFileSync(fixture('labeled.jsonl'), 'utf8');
    const { code, stdout } = await runProcess(['eval', '-', '--json'], input);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.accuracy).toBe(0.75);
    expect(report.misrouted).toEqual([
      { id: 'mislabeled', expected: 'multi-agent', actual: 'direct' },
    ]);
  });

  it('prints the package version and exits 2 on an unknown command', async () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect((await runProcess(['--version'])).stdout).toBe(`${version}\n`);
    const unknown = await runProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });
});
