import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

describe('the command from source, as the README says to run it', () => {
  const root = new URL('../../', import.meta.url);
  const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

  it('is an npm script, whose node is the Node 24 of node_modules/.bin', () => {
    // `npm run` puts node_modules/.bin first on the PATH, so the script works where the system
    // Node is older than the engines field allows (Node 20 has no type stripping).
    const run = spawnSync('npm', ['run', '-s', 'tierup', '--', '--version'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(run.stdout).toBe(`${version}\n`);
  });

  it('is never given in the README or docs as `node src/…`, which the system Node may not run', () => {
    const pages = ['README.md', ...readdirSync(new URL('docs/', root)).map((f) => `docs/${f}`)];
    // `node` followed by flags, then a file of the repository: in a shell block or inline code.
    const direct = /(^|[`|]\s*)node\s+(--\S+\s+)*(src|scripts|bench)\//m;
    for (const page of pages.filter((p) => p.endsWith('.md'))) {
      const lines = read(page).split('\n');
      expect(
        lines.filter((line) => direct.test(line)),
        page,
      ).toEqual([]);
    }
  });
});
