import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('optional peer dependencies', () => {
  it('importing tierup loads neither openai nor @anthropic-ai/sdk', () => {
    const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { seen.push(specifier); return next(specifier, context); } });
      await import(${JSON.stringify(entry)});
      console.log(JSON.stringify(seen));`;
    const out = execFileSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const seen = JSON.parse(out) as string[];
    expect(seen.some((s) => s.includes('zod'))).toBe(true);
    expect(seen.filter((s) => /^(openai|@anthropic-ai\/sdk)(\/|$)/.test(s))).toEqual([]);
  });
});
