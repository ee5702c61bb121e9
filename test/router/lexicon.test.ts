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

const CjkLexicon = z.strictObject({
  about: z.string().min(1),
  concepts: z.record(
    z.string(),
    z
      .array(
        z
          .string()
          .regex(
            /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}$/u,
            'two or more Han, Hiragana or Katakana characters',
          ),
      )
      .min(1),
  ),
});

describe('src/router/data/lexicon-cjk.json', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../src/router/data/${name}`, import.meta.url), 'utf8'));
  const raw = read('lexicon-cjk.json');

  it('matches its schema: concept ids to Chinese and Japanese terms of two characters or more', () => {
    const parsed = CjkLexicon.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('names only concepts of lexicon.json, each term once per concept', () => {
    const known = new Set(Object.keys(read('lexicon.json').concepts));
    const entries = Object.entries(raw.concepts as Record<string, string[]>);
    expect(entries.filter(([id]) => !known.has(id)).map(([id]) => id)).toEqual([]);
    expect(entries.filter(([, t]) => new Set(t).size !== t.length).map(([id]) => id)).toEqual([]);
  });
});
