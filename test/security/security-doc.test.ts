import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tierup-security-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/security.md', () => {
  it('has an example that runs as written and prints what its comments say', async () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## An example that runs'));
    const code = section.match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
    const file = join(dir, 'security-example.ts');
    writeFileSync(file, code);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import(file);
    const printed = log.mock.calls.map(([value]) =>
      typeof value === 'string' ? value : inspect(value, { breakLength: Infinity }),
    );
    log.mockRestore();
    // Each `console.log(x); // value` line states what it prints.
    const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(expected).toHaveLength(4);
    expect(printed).toEqual(expected);
  });

  it('gives the figures that `npm run bench:security` prints', async () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const { runAll } = await import('./run-case.ts');
    const { INJECTION_CASES } = await import('./injection-cases.ts');
    const { attacks, benign } = await runAll();
    const n = INJECTION_CASES.length;
    for (const [setup, label] of [
      ['boundary', 'multi-agent with the boundary'],
      ['routed', "`createTierup`, the router's tier"],
      ['single-agent', 'single agent holding every tool, no policy'],
      ['single-agent-default-policy', 'single agent holding every tool, default policy'],
    ] as const) {
      const list = attacks.get(setup) ?? [];
      const clean = benign.get(setup) ?? [];
      const count = (test: (o: (typeof list)[number]) => boolean) => list.filter(test).length;
      const row = [
        `${count((o) => o.attackSucceeded)}/${n}`,
        `${count((o) => o.damage.length > 0)}/${n}`,
        `${count((o) => o.acted)}/${n}`,
        `${clean.filter((o) => o.done).length}/${clean.length}`,
      ].join(' | ');
      expect(doc, setup).toMatch(
        new RegExp(`\\| ${escapeRegExp(label)}[^|]*\\| ${escapeRegExp(row)} \\|`),
      );
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
