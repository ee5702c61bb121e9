import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDocExample } from '../doc-example.ts';

describe('docs/security.md', () => {
  it('has an example that runs as written and prints what its comments say', async () => {
    const { printed, expected } = await runDocExample(
      'docs/security.md',
      '## An example that runs',
    );
    // Each `console.log(x); // value` line states what it prints.
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
