import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report-command.ts';
import { runInProcess } from '../cli/cli-harness.ts';
import { failedRunJson, finishedRunJson } from './saved-runs.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierup-report-'));

function save(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('tierup report', () => {
  it('draws a finished run: decision, escalation, timeline, audit, output', async () => {
    const saved = JSON.parse(await finishedRunJson());
    const file = save('run.json', JSON.stringify(saved));
    const out = join(dir, 'run.html');
    const result = await runInProcess(reportCommand, [file, '-o', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `tierup report: wrote ${out}\n` });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<div class="figure" id="fig-tier"><b class="">agent</b>');
    expect(html).toContain('<code>needs-capability</code>');
    // One timeline row per span of the trace.
    expect(html.match(/<g class="span"/g)).toHaveLength(saved.trace.length);
    expect(saved.trace.length).toBeGreaterThan(4);
    // The refund waited for an approver the run did not have.
    expect(html).toContain('<span class="tag bad">not-approved</span>');
    expect(html).toContain('<div class="figure" id="fig-refused"><b class="warn">1</b>');
    // What tools and models wrote is text, never markup.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    // No network: nothing is loaded from anywhere.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('draws a failed run from the JSON of its error, with the partial trace', async () => {
    const { json, error } = await failedRunJson();
    expect(JSON.parse(json)).toMatchObject({
      name: error.name,
      code: error.code,
      message: error.message,
    });
    const result = await runInProcess(reportCommand, ['-'], json);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`<b>${error.name}</b>`);
    expect(result.stdout).toContain('failed on the agent tier');
    expect(result.stdout).toContain('<span class="tag ok">allowed</span>');
    expect(result.stdout.match(/<g class="span"/g)).toHaveLength(error.partial?.trace.length ?? -1);
  });

  it('refuses a file that is not a saved run, naming the field', async () => {
    const file = save(
      'bad.json',
      JSON.stringify({ tier: 'agent', escalations: [], trace: [], audit: [] }),
    );
    const result = await runInProcess(reportCommand, [file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`tierup report: ${file}: not a saved run: usage:`);
    const notJson = await runInProcess(reportCommand, [save('x.json', '{')]);
    expect(notJson).toMatchObject({ code: 2 });
    expect(notJson.stderr).toContain('is not JSON');
    expect((await runInProcess(reportCommand, [])).code).toBe(2);
  });
});
