/**
 * A cheap test that lets the router skip a cue pattern that cannot match: most cue patterns open
 * with a word boundary and one of a list of words or phrases (`\b(summari[sz]e|is this|...)`), so
 * they cannot match a text whose words hold none of those openings. The openings are read from
 * each pattern's own source (literal-openings.ts), so a pattern edited later stays gated
 * correctly; a pattern whose form proves no opening (it starts with a character class, a digit
 * escape or an optional group) is always run.
 */
import { literalOpenings, type Opening, type OpeningWord } from './literal-openings.ts';

/** What the words of one text may open: read once per distinct word and kept with it. */
export interface WordOpens {
  /** Bits of the patterns this word opens wherever it stands. */
  readonly anywhere: number;
  /** Bits of the patterns it opens as the text's first word. */
  readonly asFirst: number;
  /** Openings of several words this word starts. */
  readonly phrases: readonly PhraseStart[] | undefined;
}

interface PhraseStart {
  readonly bit: number;
  /** The opening's words after this one. */
  readonly rest: readonly OpeningWord[];
  readonly first: boolean;
}

/** Gated patterns, and the patterns the words of a text may open. */
export interface WordGate {
  /** What `word` (a word of `[a-z0-9]+`) may open. */
  opensOf(word: string): WordOpens;
  /**
   * `mask` with the bits of the patterns opened at `words[at]`, whose opens are `opens`: the
   * union over every word of a text is the mask {@link test} reads.
   */
  add(mask: number, opens: WordOpens, words: readonly string[], at: number): number;
  /**
   * `pattern.test(text)`, skipped (false) when the pattern is gated and `mask`, read from every
   * word of `text` by {@link add}, has not its bit.
   */
  test(pattern: RegExp, text: string, mask: number): boolean;
  /** False when the pattern is gated and `mask` has not its bit: it cannot match the text. */
  may(pattern: RegExp, mask: number): boolean;
}

/** The most patterns one gate holds: one bit each of a 32-bit integer. */
const MAX_PATTERNS = 31;

interface Entry {
  readonly bit: number;
  readonly opening: Opening;
}

/**
 * A gate over `patterns` (at most 31; the others, and those without literal openings, are
 * always run).
 */
export function createWordGate(patterns: readonly RegExp[]): WordGate {
  const bits = new Map<RegExp, number>();
  const byWhole = new Map<string, Entry[]>();
  const byStart = new Map<string, Entry[]>();
  for (const pattern of patterns) {
    if (bits.size >= MAX_PATTERNS || bits.has(pattern)) continue;
    const openings = literalOpenings(pattern);
    if (openings === undefined) continue;
    const bit = 1 << bits.size;
    bits.set(pattern, bit);
    for (const opening of openings) {
      const head = opening.words[0] as OpeningWord;
      const map = head.whole ? byWhole : byStart;
      const list = map.get(head.literal);
      if (list === undefined) map.set(head.literal, [{ bit, opening }]);
      else list.push({ bit, opening });
    }
  }
  const lengths = [...new Set([...byStart.keys()].map((o) => o.length))].sort((a, b) => a - b);
  return {
    opensOf(word) {
      const entries = [...(byWhole.get(word) ?? [])];
      for (const length of lengths) {
        if (length > word.length) break;
        entries.push(...(byStart.get(word.slice(0, length)) ?? []));
      }
      let anywhere = 0;
      let asFirst = 0;
      const phrases: PhraseStart[] = [];
      for (const { bit, opening } of entries) {
        if (opening.words.length > 1) {
          phrases.push({ bit, rest: opening.words.slice(1), first: opening.first });
        } else if (opening.first) asFirst |= bit;
        else anywhere |= bit;
      }
      return { anywhere, asFirst, phrases: phrases.length > 0 ? phrases : undefined };
    },
    add(mask, opens, words, at) {
      let out = mask | opens.anywhere;
      if (at === 0) out |= opens.asFirst;
      if (opens.phrases === undefined) return out;
      for (const phrase of opens.phrases) {
        if ((out & phrase.bit) !== 0 || (phrase.first && at !== 0)) continue;
        if (followedBy(words, at + 1, phrase.rest)) out |= phrase.bit;
      }
      return out;
    },
    test(pattern, text, mask) {
      return this.may(pattern, mask) && pattern.test(text);
    },
    may(pattern, mask) {
      const bit = bits.get(pattern);
      return bit === undefined || (mask & bit) !== 0;
    },
  };
}

/** The words from `at` on are those of `rest`. */
function followedBy(words: readonly string[], at: number, rest: readonly OpeningWord[]): boolean {
  if (at + rest.length > words.length) return false;
  for (let k = 0; k < rest.length; k++) {
    const { literal, whole } = rest[k] as OpeningWord;
    const word = words[at + k] as string;
    if (whole ? word !== literal : !word.startsWith(literal)) return false;
  }
  return true;
}
