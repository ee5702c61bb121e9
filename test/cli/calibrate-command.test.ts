import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../src/cli/calibrate-command.ts';
import { loadConfig } from '../../src/cli/load-config.ts';
import { routeCommand } from '../../src/cli/route-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { SIGNALS } from '../../src/core/decision.ts';
import type { TaskInput } from '../../src/core/task.ts';
import { createRouter } from '../../src/router/create-router.ts';
import { evaluate } from '../../src/router/evaluate.ts';
import { fixture, parseLines, runInProcess, runProcess } from './cli-harness.ts';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'tierup-calibrate-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The task of a labeled record: the router refuses the label's fields (`id`, `expected`). */
function taskOf(record: Record<string, unknown>): TaskInput {
  const { input, tools, hints } = record as unknown as TaskInput;
  return { input, tools, hints };
}

/** The records of a labeled fixture, routed by a router of `thresholds` and evaluated. */
function evaluateAt(file: string, thresholds: Record<string, number>) {
  const router = createRouter({ thresholds });
  const records = parseLines(readFileSync(file, 'utf8'));
  return evaluate(
    records.map((record) => ({
      id: String(record.id),
      expected: record.expected as Parameters<typeof evaluate>[0][number]['expected'],
      decision: router.route(taskOf(record)),
    })),
  );
}

/** The `start` or `chosen` row of the printed summary: four thresholds, then four shares. */
function summaryRow(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label} `));
  return line?.trim().split(/\s+/).slice(1) ?? [];
}

describe('tierup calibrate', () => {
  it('chooses thresholds at least as accurate as the current ones within the target, prints the trade-off of each and writes a config that route --config and createRouter accept', async () => {
    const file = fixture('calibration.jsonl');
    const out = join(directory, 'config.json');
    const { code, stdout, stderr } = await runInProcess(runCli, ['calibrate', file, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^35 labeled requests; target: under-escalation at most 2\.0% \(0 of 35\)\n/,
    );
    expect(stdout).toContain('(130,321 settings)');
    expect(stdout).toMatch(
      /^\s+toolUse\s+crossDomain\s+securityBoundary\s+parallelism\s+accuracy\s+under\s+over\s+cost$/m,
    );
    for (const signal of SIGNALS) {
      const section = stdout.split(`\n${signal} (`)[1]?.split('\n\n')[0] ?? '';
      const rows = section.split('\n').filter((line) => /^\s+0\.\d\d\s/.test(line));
      expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(
        Array.from({ length: 19 }, (_, i) => ((i + 1) * 0.05).toFixed(2)),
      );
      expect(rows.filter((row) => row.endsWith('<'))).toHaveLength(1);
    }
    expect(stdout).toContain(`wrote ${out}\n`);

    const config = await loadConfig(out);
    expect(Object.keys(config.thresholds ?? {})).toEqual([...SIGNALS]);
    const chosen = summaryRow(stdout, 'chosen');
    expect(chosen.slice(0, 4).map(Number)).toEqual(SIGNALS.map((s) => config.thresholds?.[s]));
    // The printed figures are those of routing with the written thresholds.
    const report = evaluateAt(file, config.thresholds ?? {});
    expect(chosen[4]).toBe(`${(report.accuracy * 100).toFixed(1)}%`);
    expect(chosen[5]).toBe(`${(report.underEscalation * 100).toFixed(1)}%`);
    expect(report.underEscalation).toBeLessThanOrEqual(0.02);
    expect(report.accuracy).toBeGreaterThanOrEqual(evaluateAt(file, {}).accuracy);

    const routed = await runInProcess(routeCommand, [file, '--config', out]);
    expect(routed.code).toBe(0);
    expect(parseLines(routed.stdout)).toHaveLength(35);
    expect(createRouter(config).config.thresholds).toEqual(config.thresholds);
  });

  it('names a signal no record is labeled with and exits 2; --keep holds its threshold instead', async () => {
    const file = fixture('labeled.jsonl');
    const refused = await runInProcess(calibrateCommand, [file, '--max-under', '0.25']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `tierup calibrate: ${file}: expected.securityBoundary: no record is labeled true, so the securityBoundary threshold cannot be chosen (label some, or pass --keep securityBoundary to keep its threshold)\n`,
    );

    const kept = await runInProcess(calibrateCommand, [
      file,
      '--max-under',
      '0.25',
      '--keep',
      'securityBoundary',
      '--config',
      fixture('strict-tool-use.json'),
    ]);
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('keeping securityBoundary at 0.5');
    expect(summaryRow(kept.stdout, 'start')[0]).toBe('1.00');
    expect(summaryRow(kept.stdout, 'chosen')[2]).toBe('0.50');
    // A kept signal's table has the one threshold.
    const section = kept.stdout.split('\nsecurityBoundary (')[1]?.split('\n\n')[0] ?? '';
    expect(section.split('\n').filter((line) => /^\s+\d\.\d\d\s/.test(line))).toHaveLength(1);
  });

  it('says so when no setting meets the target, prints the closest and writes no config (exit 1)', async () => {
    // Capped at direct by its own hint, this agent request is under-escalated whatever the thresholds.
    const capped = JSON.stringify({
      id: 'capped',
      input: 'Where is order 30418?',
      tools: [{ name: 'get_order', description: 'Look up a shop order by id.' }],
      hints: { maxTier: 'direct' },
      expected: {
        tier: 'agent',
        toolUse: true,
        crossDomain: false,
        securityBoundary: false,
        parallelism: false,
      },
    });
    const input = `${readFileSync(fixture('calibration.jsonl'), 'utf8')}${capped}\n`;
    const out = join(directory, 'config.json');
    const { code, stdout, stderr } = await runInProcess(
      calibrateCommand,
      ['-', '--max-under', '0', '--out', out],
      input,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^tierup calibrate: no thresholds keep under-escalation at or below 0\.0%; the closest setting reaches 2\.8%; .*config\.json not written\n$/,
    );
    expect(summaryRow(stdout, 'closest')[5]).toBe('2.8%');
    expect(existsSync(out)).toBe(false);
  });

  it('starts from --config, routes under its maxTier and writes its other settings to --out', async () => {
    const config = join(directory, 'start.json');
    writeFileSync(config, JSON.stringify({ maxTier: 'agent', thresholds: { toolUse: 0.6 } }));
    const out = join(directory, 'config.json');
    const { code, stdout } = await runInProcess(calibrateCommand, [
      fixture('calibration.jsonl'),
      '--config',
      config,
      '--max-under',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(summaryRow(stdout, 'start').slice(0, 4)).toEqual(['0.60', '0.50', '0.50', '0.50']);
    // Nothing goes above agent, so no request is over-escalated to multi-agent.
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.maxTier).toBe('agent');
    const capped = createRouter(written);
    const report = evaluate(
      parseLines(readFileSync(fixture('calibration.jsonl'), 'utf8')).map((record) => ({
        id: String(record.id),
        expected: record.expected as Parameters<typeof evaluate>[0][number]['expected'],
        decision: capped.route(taskOf(record)),
      })),
    );
    expect(summaryRow(stdout, 'chosen')[4]).toBe(`${(report.accuracy * 100).toFixed(1)}%`);
    expect(report.confusion['multi-agent']['multi-agent']).toBe(0);
  });

  it('draws the trade-off as a self-contained SVG with --svg', async () => {
    const svg = join(directory, 'curve.svg');
    const { code } = await runInProcess(calibrateCommand, [
      fixture('calibration.jsonl'),
      '--svg',
      svg,
    ]);
    expect(code).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*>\n/);
    expect(text.trimEnd().endsWith('</svg>')).toBe(true);
    expect(text).not.toMatch(/href|<script|@import/);
    for (const signal of SIGNALS) expect(text).toContain(`data-signal="${signal}"`);
    expect(text).toContain('class="frontier"');
    expect(text).toMatch(/class="chosen"[^>]*><title>chosen: toolUse /);
  });

  it('rejects a --max-under that is not a share, a --keep that is not a signal and an input without records', async () => {
    const file = fixture('calibration.jsonl');
    const share = await runInProcess(calibrateCommand, [file, '--max-under', '5%']);
    expect(share.code).toBe(2);
    expect(share.stderr).toContain('--max-under must be a share between 0 and 1, got "5%"');
    const keep = await runInProcess(calibrateCommand, [file, '--keep', 'speed']);
    expect(keep.code).toBe(2);
    expect(keep.stderr).toContain('--keep takes a signal');
    const none = await runInProcess(calibrateCommand, []);
    expect(none.stderr).toContain('tierup calibrate: expected one FILE, got 0');
    const empty = await runInProcess(calibrateCommand, ['-'], '\n');
    expect(empty).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tierup calibrate: no labeled record to calibrate on\n',
    });
  });

  it('runs as the tierup executable (src/cli/main.ts in a child process)', async () => {
    const out = join(directory, 'config.json');
    const { code, stdout, stderr } = await runProcess([
      'calibrate',
      fixture('calibration.jsonl'),
      '--max-under',
      '0.05',
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '35 labeled requests; target: under-escalation at most 5.0% (1 of 35)',
    );
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')).thresholds)).toEqual([...SIGNALS]);
  });
});
