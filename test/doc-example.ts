import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { vi } from 'vitest';

/**
 * Runs the first `ts` block of a doc after `heading`, as a user would paste it, and returns what
 * it printed next to what its `console.log(x); // value` comments say it prints: strings as they
 * are, other values as `util.inspect` shows them on one line.
 */
export async function runDocExample(
  doc: string,
  heading: string,
): Promise<{ printed: string[]; expected: string[] }> {
  const text = readFileSync(new URL(`../${doc}`, import.meta.url), 'utf8');
  const code = text.slice(text.indexOf(heading)).match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'tierup-doc-'));
  const file = join(dir, 'example.ts');
  writeFileSync(file, code);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  let calls: unknown[][];
  try {
    await import(file);
  } finally {
    calls = [...log.mock.calls];
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
  const printed = calls.map(([value]) =>
    typeof value === 'string' ? value : inspect(value, { breakLength: Infinity }),
  );
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1] ?? '');
  return { printed, expected };
}
