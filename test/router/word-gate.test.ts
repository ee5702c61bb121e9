import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeRequest, testCue } from '../../src/router/analysis.ts';
import * as cues from '../../src/router/cues.ts';
import * as crossDomainFeatures from '../../src/router/features/cross-domain-features.ts';
import * as parallelismFeatures from '../../src/router/features/parallelism-features.ts';
import * as securityFeatures from '../../src/router/features/security-features.ts';
import { literalOpenings } from '../../src/router/literal-openings.ts';
import { normalize, words } from '../../src/router/text.ts';
import { createWordGate } from '../../src/router/word-gate.ts';

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

/** The openings of a pattern written as text: `^` for a first word, `*` after a word it starts with. */
function openings(pattern: RegExp): string[] | undefined {
  return literalOpenings(pattern)?.map(
    (o) =>
      (o.first ? '^' : '') + o.words.map((w) => (w.whole ? w.literal : `${w.literal}*`)).join(' '),
  );
}

describe('literalOpenings', () => {
  it('reads the words a pattern opens with, through groups, anchors and look-arounds', () => {
    expect(openings(/\b(summari[sz]e|ideas?|re-?word|tl;?dr|is this)\b/)).toEqual([
      'summari*',
      'idea*',
      're word',
      'reword',
      'tl dr',
      'tldr',
      'is this',
    ]);
    expect(openings(/^(if|when) |\bhow (do|can)\b/)).toEqual(['^if', '^when', 'how']);
    expect(openings(/^(if|when) /m)).toEqual(['if', 'when']);
    // A phrase ends with its group: the words after it are not read.
    expect(openings(/(?<!\bthe\s)\b(?:e-?mail|text)\s+them/)).toEqual(['e mail', 'email', 'text']);
    expect(openings(/\b((who|what year) did|why)\b/)).toEqual(['who', 'what year', 'why']);
    expect(openings(/\b(real[- ]?time|up to date|what'?s (new|up))\b/)).toEqual([
      'real time',
      'realtime',
      'up to date',
      'what s',
      'whats',
    ]);
    expect(openings(/\b(ab|cd)+x/)).toEqual(['ab*', 'cd*']);
    expect(openings(/\b(ab|cd)x/)).toEqual(['ab*', 'cd*']);
    expect(openings(/\bfoo\s*bar/)).toEqual(['foo bar*', 'foobar*']);
    // After characters that are never letters or digits, one at least, a literal starts a word.
    expect(openings(/[.?!]\s+(how|why)\b/)).toEqual(['how', 'why']);
  });

  it('proves nothing for a pattern that may open otherwise', () => {
    expect(openings(/[.?!a]\s+how\b/)).toBeUndefined();
    expect(openings(/[.?!]?\s*how\b/)).toBeUndefined();
    expect(openings(/summary/)).toBeUndefined();
    expect(openings(/\b(ab)?cd/)).toBeUndefined();
    expect(openings(/\b(ab|\d+)/)).toBeUndefined();
    expect(openings(/\b(ab|)/)).toBeUndefined();
    expect(openings(/\bs?um/)).toBeUndefined();
    expect(openings(/\bsummary/i)).toBeUndefined();
    expect(openings(/\bsummary/g)).toBeUndefined();
    expect(openings(/\b[(|]a|b/)).toBeUndefined();
  });
});

describe('createWordGate', () => {
  const patterns = [cues, crossDomainFeatures, parallelismFeatures, securityFeatures]
    .flatMap((module) => Object.values(module))
    .filter((value): value is RegExp => value instanceof RegExp && !value.global);
  const gate = createWordGate(patterns);
  const maskOf = (text: string) =>
    words(text).reduce((mask, w, i, all) => gate.add(mask, gate.opensOf(w), all, i), 0);

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

  it("reads a request's cues as the patterns do: testCue on every labeled request", () => {
    for (const input of labeledInputs()) {
      const analysis = analyzeRequest(input);
      for (const pattern of patterns) {
        if (testCue(analysis, pattern) !== pattern.test(analysis.instruction))
          throw new Error(`${pattern} on ${JSON.stringify(analysis.instruction)}`);
      }
    }
  });

  it('answers as each cue pattern does on texts strung from the openings themselves', () => {
    // Near misses are where a wrong gate would show: words of the openings, cut short or run on,
    // between separators of every kind.
    const pieces = [
      ...new Set(
        patterns
          .flatMap((p) => literalOpenings(p) ?? [])
          .flatMap((o) => o.words.map((w) => w.literal)),
      ),
    ];
    const separators = [' ', '  ', '-', "'", '. ', ', ', '_', '\n', '', ':', '?', ' « » '];
    let seed = 12;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pick = <T>(list: readonly T[]) => list[random(list.length)] as T;
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = random(4) === 0 ? pick(separators) : '';
      const length = 1 + random(6);
      for (let k = 0; k < length; k++) {
        const piece = pick(pieces);
        const cut = random(5) === 0 ? piece.slice(0, Math.max(1, piece.length - 1)) : piece;
        text += cut + (random(6) === 0 ? pick(['s', 'ly', 'ed', 'x']) : '') + pick(separators);
      }
      const mask = maskOf(text);
      for (const pattern of patterns) {
        const expected = pattern.test(text);
        if (expected) matched++;
        if (gate.test(pattern, text, mask) !== expected)
          throw new Error(`${pattern} on ${JSON.stringify(text)}`);
      }
    }
    expect(matched).toBeGreaterThan(10_000);
  });

  it('skips a pattern whose openings the words of the text do not hold', () => {
    const summary = /\b(summari[sz]e|tl;?dr|is this)\b/;
    const only = createWordGate([summary]);
    const mask = (text: string) =>
      words(text).reduce((m, w, i, all) => only.add(m, only.opensOf(w), all, i), 0);
    expect(mask('please summarize')).toBe(1);
    expect(mask('tldr')).toBe(1);
    expect(mask('tl dr')).toBe(1);
    expect(mask('is this ok')).toBe(1);
    expect(mask('this is ok')).toBe(0);
    expect(mask('sum it up, tl')).toBe(0);
    expect(only.test(summary, 'please summarize', 0)).toBe(false);
    expect(only.test(summary, 'please summarize', 1)).toBe(true);
    expect(only.test(/\bx/, 'x', 0)).toBe(true);
    const first = createWordGate([/^(what|how)\b/]);
    const firstMask = (text: string) =>
      words(text).reduce((m, w, i, all) => first.add(m, first.opensOf(w), all, i), 0);
    expect(firstMask('what now')).toBe(1);
    expect(firstMask('so what')).toBe(0);
  });
});
