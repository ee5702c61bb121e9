import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runDocExample } from './doc-example.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tierup-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README', () => {
  it('has a quick start that runs as written and prints what its comments say', async () => {
    const section = readme.slice(readme.indexOf('## Quick start'));
    const code = section.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(code).toBeDefined();
    const file = join(dir, 'quick-start.ts');
    writeFileSync(file, code ?? '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import(file);
    const printed = log.mock.calls.map((args) => args[0]);
    log.mockRestore();
    // Each `console.log(x); // value` line states what it prints.
    const expected = [...(code ?? '').matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map(
      (m) => m[1],
    );
    expect(printed).toHaveLength(expected.length);
    expect(printed[0]).toBe(JSON.parse((expected[0] ?? '').replaceAll("'", '"')));
    expect(printed[1]?.[0]).toBe('needs get_order (commerce)');
    expect(printed[2]).toBe(JSON.parse((expected[2] ?? '').replaceAll("'", '"')));
    expect(printed[3]).toEqual([]);
  });
});

describe('docs/testing.md', () => {
  it('has an example that runs as written', async () => {
    const doc = readFileSync(new URL('../docs/testing.md', import.meta.url), 'utf8');
    const code = doc.match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
    const file = join(dir, 'testing-example.ts');
    // The example's comments state values; make them checks.
    writeFileSync(file, `${code}\nexport const results = { first, calls: model.calls.length };\n`);
    const { results } = await import(file);
    expect(results.first.toolCalls).toEqual([
      { id: 'call_1_1', name: 'get_order', arguments: { orderId: '30418' } },
    ]);
    expect(results.calls).toBe(1);
  });
});

describe('docs/providers.md', () => {
  it('has an offline example that runs as written and prints what it says', async () => {
    const doc = readFileSync(new URL('../docs/providers.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Try it offline'));
    const code = section.match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
    const file = join(dir, 'providers-example.ts');
    writeFileSync(file, code);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import(file);
    const printed = log.mock.calls.map((args) => args[0]);
    log.mockRestore();
    expect(printed).toEqual(['Order 30418 ships tomorrow.', 'Order 30418 ships tomorrow.']);
  });
});

async function checkDocExample(doc: string, heading: string) {
  const { printed, expected } = await runDocExample(doc, heading);
  expect(expected.length).toBeGreaterThan(0);
  expect(printed).toEqual(expected);
}

describe('docs/executors.md and docs/escalation.md', () => {
  it('have examples that run as written and print what their comments say', async () => {
    await checkDocExample('docs/executors.md', '## An example that runs');
    await checkDocExample('docs/escalation.md', '## An example that runs');
  });
});
