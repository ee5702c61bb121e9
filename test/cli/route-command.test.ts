import { describe, expect, it } from 'vitest';
import { routeCommand } from '../../src/cli/route-command.ts';
import { fixture, parseLines, runInProcess } from './cli-harness.ts';

const SIGNAL_NAMES = ['toolUse', 'crossDomain', 'securityBoundary', 'parallelism'];

describe('tierup route', () => {
  it('writes one JSON decision per record, ignoring other fields such as expected', async () => {
    const { code, stdout, stderr } = await runInProcess(routeCommand, [fixture('requests.jsonl')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = parseLines(stdout);
    expect(lines.map((line) => line.id)).toEqual(['translate', 'order', 'refund', 'line-5']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['id', 'tier', 'signals', 'tools', 'reasons']),
      );
      const signals = line.signals as Record<string, { score: number; set: boolean }>;
      expect(Object.keys(signals)).toEqual(SIGNAL_NAMES);
      for (const signal of Object.values(signals)) {
        expect(Object.keys(signal)).toEqual(['score', 'set']);
        expect(signal.score).toBeGreaterThanOrEqual(0);
        expect(signal.score).toBeLessThanOrEqual(1);
      }
      expect(Array.isArray(line.reasons)).toBe(true);
      expect(line).not.toHaveProperty('expected');
    }
    const [translate, order, refund, hinted] = lines;
    expect(translate).toMatchObject({ tier: 'direct', tools: [] });
    expect(order?.tier).toBe('agent');
    expect(order?.tools).toContain('get_order');
    expect(refund?.tier).toBe('multi-agent');
    expect(translate).not.toHaveProperty('override');
    expect(hinted).toMatchObject({
      tier: 'agent',
      override: { by: 'hint', from: 'direct', to: 'agent' },
    });
  });

  it('reads stdin when no FILE is given', async () => {
    const input = '{"id": "a", "input": "Say hello."}\n{"id": "b", "input": "Say goodbye."}\n';
    const { code, stdout } = await runInProcess(routeCommand, [], input);
    expect(code).toBe(0);
    expect(parseLines(stdout).map((line) => [line.id, line.tier])).toEqual([
      ['a', 'direct'],
      ['b', 'direct'],
    ]);
  });

  it('prints a readable table with --explain: ids, tiers, set marks, tools and reasons', async () => {
    const { code, stdout } = await runInProcess(routeCommand, [
      fixture('requests.jsonl'),
      '--explain',
    ]);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout.split('\n')[0] ?? '')).toThrow();
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^id\s+tier\s+toolUse\s+crossDomain\s+securityBoundary\s+parallelism\s+tools$/,
    );
    expect(lines.find((l) => l.startsWith('translate '))).toMatch(/^translate\s+direct\s/);
    const order = lines.find((l) => l.startsWith('order ')) ?? '';
    expect(order).toMatch(/^order\s+agent\s+\d\.\d{3}\*/);
    expect(order).toContain('get_order');
    expect(lines.find((l) => l.startsWith('refund '))).toMatch(/^refund\s+multi-agent\s/);
    expect(lines.find((l) => l.startsWith('line-5 '))).toMatch(/^line-5\s+agent \(hint\)/);
    const reasons = lines.slice(lines.indexOf(order) + 1);
    expect(reasons[0]).toMatch(/^ {4}- needs get_order \(commerce\)/);
    expect(stdout).toContain('4 requests: 1 direct, 2 agent, 1 multi-agent.');
  });

  it('reports bad lines on stderr naming the field, routes the rest and exits 2', async () => {
    const { code, stdout, stderr } = await runInProcess(routeCommand, [fixture('bad-lines.jsonl')]);
    expect(code).toBe(2);
    expect(parseLines(stdout).map((line) => line.id)).toEqual(['first', 'last']);
    const errors = stderr.trimEnd().split('\n');
    expect(errors[0]).toMatch(/^line 2: invalid JSON: /);
    expect(errors[1]).toBe('line 3: input: must be a string');
    expect(errors[2]).toMatch(/^line 5: tools\[0\]\.name: /);
    expect(errors.every((line) => /^line [235]: /.test(line))).toBe(true);
  });

  it('rejects a record that is not an object or has an unusable id', async () => {
    const input = '[1]\n{"id": true, "input": "Say hello."}\n{"id": 7, "input": "Say hello."}\n';
    const { code, stdout, stderr } = await runInProcess(routeCommand, [], input);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'line 1: must be a JSON object\nline 2: id: must be a non-empty string or a number\n',
    );
    expect(parseLines(stdout).map((line) => line.id)).toEqual(['7']);
  });

  it('applies a --config file: toolUse threshold 1.0 routes direct unless another signal is set', async () => {
    const loose = parseLines(
      (await runInProcess(routeCommand, [fixture('requests.jsonl')])).stdout,
    );
    const strict = await runInProcess(routeCommand, [
      fixture('requests.jsonl'),
      '--config',
      fixture('strict-tool-use.json'),
    ]);
    expect(strict.code).toBe(0);
    const lines = parseLines(strict.stdout);
    expect(loose.find((line) => line.id === 'order')?.tier).toBe('agent');
    expect(lines.find((line) => line.id === 'order')?.tier).toBe('direct');
    for (const line of lines) {
      const signals = line.signals as Record<string, { score: number; set: boolean }>;
      expect(signals.toolUse?.set).toBe((signals.toolUse?.score ?? 0) >= 1);
      const multi = SIGNAL_NAMES.slice(1).some((name) => signals[name]?.set);
      if (!multi && line.override === undefined) expect(line.tier).toBe('direct');
    }
  });

  it('exits 2 naming the path for an unknown key in --config, before reading input', async () => {
    const { code, stdout, stderr } = await runInProcess(
      routeCommand,
      ['--config', fixture('unknown-key.json')],
      '{"id": "a", "input": "Say hello."}\n',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`config ${fixture('unknown-key.json')}: maxTeir: is not a known option\n`);
  });

  it('exits 2 naming thresholds.parallelism when it is out of range', async () => {
    const file = fixture('out-of-range.json');
    const { code, stdout, stderr } = await runInProcess(routeCommand, ['--config', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`config ${file}: thresholds.parallelism: must be <= 1\n`);
  });

  it('exits 2 with a clear message for a config that is not JSON or not there', async () => {
    const invalid = await runInProcess(routeCommand, ['--config', fixture('invalid-json.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^config .*invalid-json\.json: invalid JSON: /);
    const missing = await runInProcess(routeCommand, ['--config', fixture('missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^config .*missing\.json: cannot be read: ENOENT/);
  });

  it('exits 2 on an unknown option, extra arguments or an unreadable FILE', async () => {
    const option = await runInProcess(routeCommand, ['--explian']);
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toContain("tierup route: unknown option '--explian'");
    const extra = await runInProcess(routeCommand, ['a.jsonl', 'b.jsonl']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('expected at most one FILE, got 2');
    const missing = await runInProcess(routeCommand, [fixture('missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tierup route: cannot read .*missing\.jsonl: ENOENT/);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await runInProcess(routeCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: tierup route \[FILE\]/);
    expect(stdout).toContain('--explain');
  });
});
