import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../../src/cli/eval-command.ts';
import { fixture, runInProcess } from './cli-harness.ts';

describe('tierup eval', () => {
  it('prints accuracy, escalation, per-signal quality, the confusion matrix and misroutes', async () => {
    const { code, stdout, stderr } = await runInProcess(evalCommand, [fixture('labeled.jsonl')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^4 requests evaluated\n/);
    // "mislabeled" asks for nothing but is labeled multi-agent: an under-escalation.
    expect(stdout).toMatch(/tier accuracy\s+75\.0%\s+\(3\/4\)/);
    expect(stdout).toMatch(/under-escalation\s+25\.0%\s+\(1\/4\)/);
    expect(stdout).toMatch(/over-escalation\s+0\.0%\s+\(0\/4\)/);
    expect(stdout).toMatch(/^signal\s+precision\s+recall\s+f1\s+tp\s+fp\s+fn$/m);
    expect(stdout).toMatch(/^parallelism\s+1\.000\s+0\.000\s+0\.000\s+0\s+0\s+1$/m);
    expect(stdout).toContain('confusion matrix (rows expected, columns routed)');
    expect(stdout).toMatch(/^expected \\ routed\s+direct\s+agent\s+multi-agent$/m);
    expect(stdout).toMatch(/^direct\s+1\s+0\s+0$/m);
    expect(stdout).toMatch(/^agent\s+0\s+1\s+0$/m);
    expect(stdout).toMatch(/^multi-agent\s+1\s+0\s+1$/m);
    expect(stdout).toMatch(/misrouted \(1\):\n\s+mislabeled\s+multi-agent\s+->\s+direct\n/);
  });

  it('prints the EvaluationReport as JSON with --json', async () => {
    const { code, stdout } = await runInProcess(evalCommand, [fixture('labeled.jsonl'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      total: 4,
      accuracy: 0.75,
      underEscalation: 0.25,
      overEscalation: 0,
      misrouted: [{ id: 'mislabeled', expected: 'multi-agent', actual: 'direct' }],
    });
    expect(report.signals.toolUse.f1).toBeTypeOf('number');
    expect(report.signals.parallelism).toMatchObject({ falseNegatives: 1, recall: 0 });
    expect(report.confusion['multi-agent'].direct).toBe(1);
  });

  it('reports bad lines and bad labels naming the field, evaluates the rest and exits 2', async () => {
    const input = `{"id": "x", "expected": {}}\n${readFileSync(fixture('bad-labels.jsonl'), 'utf8')}`;
    const { code, stdout, stderr } = await runInProcess(evalCommand, ['-', '--json'], input);
    expect(code).toBe(2);
    const errors = stderr.trimEnd().split('\n');
    expect(errors[0]).toBe('line 1: input: must be a string');
    expect(errors.find((line) => line.startsWith('line 3: '))).toMatch(
      /^line 3: expected\.tier: must be one of "direct", "agent", "multi-agent"$/,
    );
    expect(errors).toContain('line 4: expected: must be an object');
    expect(JSON.parse(stdout)).toMatchObject({ total: 1, accuracy: 1 });
  });

  it('applies --config and rejects a bad one before reading input', async () => {
    const strict = await runInProcess(evalCommand, [
      fixture('labeled.jsonl'),
      '--json',
      '--config',
      fixture('strict-tool-use.json'),
    ]);
    expect(strict.code).toBe(0);
    expect(JSON.parse(strict.stdout).misrouted).toContainEqual({
      id: 'order',
      expected: 'agent',
      actual: 'direct',
    });
    const file = fixture('out-of-range.json');
    const bad = await runInProcess(evalCommand, [fixture('labeled.jsonl'), '--config', file]);
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: `config ${file}: thresholds.parallelism: must be <= 1\n`,
    });
  });

  it('needs exactly one FILE', async () => {
    const { code, stderr } = await runInProcess(evalCommand, []);
    expect(code).toBe(2);
    expect(stderr).toContain('tierup eval: expected one FILE, got 0');
  });
});
