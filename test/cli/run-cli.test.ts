import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { fixture, runInProcess } from './cli-harness.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('runCli', () => {
  it('dispatches to the route and eval commands', async () => {
    const route = await runInProcess(runCli, ['route', fixture('requests.jsonl')]);
    expect(route.code).toBe(0);
    expect(route.stdout.split('\n')[0]).toMatch(/^\{"id":"translate","tier":"direct"/);
    const evaluation = await runInProcess(runCli, ['eval', fixture('labeled.jsonl')]);
    expect(evaluation.stdout).toMatch(/tier accuracy\s+75\.0%/);
  });

  it('prints usage for --help, -h and help, and a command usage for help COMMAND', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const { code, stdout } = await runInProcess(runCli, args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: tierup <command>/);
      expect(stdout).toContain('route [FILE]');
      expect(stdout).toContain('eval FILE');
    }
    const help = await runInProcess(runCli, ['help', 'eval']);
    expect(help.stdout).toMatch(/^Usage: tierup eval FILE/);
  });

  it('prints the version of package.json', async () => {
    const { code, stdout } = await runInProcess(runCli, ['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it('exits 2 on an unknown command or option, and on no command', async () => {
    const command = await runInProcess(runCli, ['rout']);
    expect(command).toMatchObject({ code: 2, stdout: '' });
    expect(command.stderr).toMatch(/^tierup: unknown command 'rout'\n/);
    const option = await runInProcess(runCli, ['--verbose']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^tierup: unknown option '--verbose'\n/);
    const topic = await runInProcess(runCli, ['help', 'nope']);
    expect(topic.code).toBe(2);
    const none = await runInProcess(runCli, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: tierup/);
  });
});

describe('tierup mock-server', () => {
  it('is a command with its own help', async () => {
    const { runCli } = await import('../../src/cli/run-cli.ts');
    const { PassThrough } = await import('node:stream');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    const code = await runCli(['help', 'mock-server'], {
      stdin: new PassThrough(),
      stdout,
      stderr,
    });
    expect(code).toBe(0);
    expect(out).toContain('tierup mock-server --script FILE');
    const missing = await runCli(['mock-server'], { stdin: new PassThrough(), stdout, stderr });
    expect(missing).toBe(2);
  });
});
