import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as cues from '../../src/router/cues.ts';
import { normalize, words } from '../../src/router/text.ts';
import { createWordGate, literalOpenings } from '../../src/router/word-gate.ts';

const ROUTING = new URL('../../data/routing/', import.meta.url);
const FIXTURES = new URL('../fixtures/routing/', import.meta.url);

/** Every labeled request's text: dev.jsonl, the sources and the test fixtures. */
function labeledInputs(): string[] {
  const texts = [readFileSync(new URL('dev.jsonl', ROUTING), 'utf8')];
  const sources = new URL('sources/', ROUTING);
  for (const file of readdirSync(sources).sort()) {
    if (file.endsWith('.jsonl.gz'))
      texts.push(gunzipSync(readFileSync(new URL(file, sources))).toString('utf8'));
  }
  for (const file of readdirSync(FIXTURES).sort()) {
    if (file.endsWith('.jsonl')) texts.push(readFileSync(new URL(file, FIXTURES), 'utf8'));
  }
  return texts.flatMap((text) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => String((JSON.parse(line) as { input: unknown }).input)),
  );
}

/** Texts where a word edge and a `[a-z0-9]` word part ways. */
const EDGE_CASES = [
  'foo_summary of it',
  'Hsummary',
  'ℌsummary',
  'résumé please',
  "don't send it yet",
  'e-mail them now',
  'email them',
  'the email them',
  '#summary',
  'x-summary',
  '9summary',
  'summary9',
  'tl;dr',
  '請幫我 summarize 一下',
  '',
  'what',
  'i',
];

describe('literalOpenings', () => {
  it('reads the words a pattern opens with, through groups, anchors and look-arounds', () => {
    expect(literalOpenings(/\b(summari[sz]e|ideas?|re-?word|tl;?dr)\b/)).toEqual([
      'summari',
      'idea',
      're',
      'tl',
    ]);
    expect(literalOpenings(/^(if|when) |\bhow (do|can)\b/)).toEqual(['if', 'when', 'how']);
    expect(literalOpenings(/(?<!\bthe\s)\b(?:e-?mail|text)\s+them/)).toEqual(['e', 'text']);
    expect(literalOpenings(/\b((who|what year) did|why)\b/)).toEqual(['who', 'what', 'why']);
  });

  it('proves nothing for a pattern that may open otherwise', () => {
    expect(literalOpenings(/[.?!]\s+how\b/)).toBeUndefined();
    expect(literalOpenings(/summary/)).toBeUndefined();
    expect(literalOpenings(/\b(ab)?cd/)).toBeUndefined();
    expect(literalOpenings(/\b(ab|\d+)/)).toBeUndefined();
    expect(literalOpenings(/\b(ab|)/)).toBeUndefined();
    expect(literalOpenings(/\bs?um/)).toBeUndefined();
    expect(literalOpenings(/\bsummary/i)).toBeUndefined();
    expect(literalOpenings(/\bsummary/g)).toBeUndefined();
    expect(literalOpenings(/\b[(|]a|b/)).toBeUndefined();
  });
});

describe('createWordGate', () => {
  const patterns = Object.values(cues).filter(
    (value): value is RegExp => value instanceof RegExp && !value.global,
  );
  const gate = createWordGate(patterns);
  const maskOf = (text: string) => words(text).reduce((mask, w) => mask | gate.maskOf(w), 0);

  it('gates most cue patterns', () => {
    const gated = patterns.filter((p) => literalOpenings(p) !== undefined);
    expect(gated.length).toBeGreaterThanOrEqual(15);
  });

  it('answers as each cue pattern does, on every labeled request and on word-edge cases', () => {
    const texts = [...labeledInputs(), ...EDGE_CASES].flatMap((t) => [t, normalize(t)]);
    expect(texts.length).toBeGreaterThan(20_000);
    let skipped = 0;
    for (const text of texts) {
      const mask = maskOf(text);
      for (const pattern of patterns) {
        const expected = pattern.test(text);
        const gated = gate.test(pattern, text, mask);
        if (gated !== expected) throw new Error(`${pattern} on ${JSON.stringify(text)}`);
        if (!gated && !expected) skipped++;
      }
    }
    // The gate must also skip: most patterns match few requests.
    expect(skipped).toBeGreaterThan(texts.length);
  });

  it('skips a pattern whose openings no word of the text starts with', () => {
    const summary = /\b(summari[sz]e|tl;?dr)\b/;
    const only = createWordGate([summary]);
    expect(only.maskOf('summarize')).toBe(1);
    expect(only.maskOf('tldr')).toBe(1);
    expect(only.maskOf('sum')).toBe(0);
    expect(only.test(summary, 'please summarize', 0)).toBe(false);
    expect(only.test(summary, 'please summarize', 1)).toBe(true);
    expect(only.test(/\bx/, 'x', 0)).toBe(true);
  });
});
