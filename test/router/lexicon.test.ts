import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const Lexicon = z.strictObject({
  about: z.string().min(1),
  concepts: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/),
    z.array(z.string().regex(/^[a-z0-9]+$/, 'lower case, no diacritics, one token')).min(1),
  ),
});

describe('src/router/data/lexicon.json', () => {
  const raw = JSON.parse(
    readFileSync(new URL('../../src/router/data/lexicon.json', import.meta.url), 'utf8'),
  );

  it('matches its schema: concept ids to single normalized words', () => {
    const parsed = Lexicon.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('lists no word twice within a concept', () => {
    const repeated = Object.entries(raw.concepts as Record<string, string[]>)
      .filter(([, words]) => new Set(words).size !== words.length)
      .map(([id]) => id);
    expect(repeated).toEqual([]);
  });
});
