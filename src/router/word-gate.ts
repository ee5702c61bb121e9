/**
 * A cheap test that lets the router skip a cue pattern that cannot match: most cue patterns open
 * with a word boundary and one of a list of words (`\b(summari[sz]e|translat\w*|...)`), so they
 * cannot match a text none of whose words starts with one of those literal openings. The openings
 * are read from each pattern's own source, so a pattern edited later stays gated correctly; a
 * pattern whose form proves no opening (it starts with a character class, a digit escape or an
 * optional group) is simply always run.
 */

/**
 * The literal openings of a pattern: strings of `[a-z0-9]` such that every match starts where a
 * word of `[a-z0-9]+` starts (at a `\b` or `^` before the literal, so the character before is not a
 * letter or digit) and that word begins with one of them. `undefined` when the source does not
 * prove that: a branch that opens with anything else, a flag that changes matching (`i`, `v`) or
 * makes `test` stateful (`g`, `y`).
 */
export function literalOpenings(pattern: RegExp): string[] | undefined {
  if (!/^[dmsu]*$/.test(pattern.flags)) return undefined;
  const source = pattern.source;
  const found = new Set<string>();
  const end = alternatives(source, 0, false, found);
  return end === source.length ? [...found] : undefined;
}

/** Gated patterns, and the patterns each word of a text may open. */
export interface WordGate {
  /** The bits of the gated patterns that `word` (a word of `[a-z0-9]+`) may open. */
  maskOf(word: string): number;
  /**
   * `pattern.test(text)`, skipped (false) when the pattern is gated and `mask`, the union of
   * {@link maskOf} over every word of `text`, has not its bit.
   */
  test(pattern: RegExp, text: string, mask: number): boolean;
}

/** The most patterns one gate holds: one bit each of a 32-bit integer. */
const MAX_PATTERNS = 31;

/**
 * A gate over `patterns` (at most 31; the others, and those without literal openings, are
 * always run).
 */
export function createWordGate(patterns: readonly RegExp[]): WordGate {
  const bits = new Map<RegExp, number>();
  const byOpening = new Map<string, number>();
  for (const pattern of patterns) {
    if (bits.size >= MAX_PATTERNS || bits.has(pattern)) continue;
    const openings = literalOpenings(pattern);
    if (openings === undefined) continue;
    const bit = 1 << bits.size;
    bits.set(pattern, bit);
    for (const opening of openings) byOpening.set(opening, (byOpening.get(opening) ?? 0) | bit);
  }
  const lengths = [...new Set([...byOpening.keys()].map((o) => o.length))].sort((a, b) => a - b);
  return {
    maskOf(word) {
      let mask = 0;
      for (const length of lengths) {
        if (length > word.length) break;
        mask |= byOpening.get(length === word.length ? word : word.slice(0, length)) ?? 0;
      }
      return mask;
    },
    test(pattern, text, mask) {
      const bit = bits.get(pattern);
      return (bit === undefined || (mask & bit) !== 0) && pattern.test(text);
    },
  };
}

/**
 * Reads the alternatives from `i` up to the `)` that closes them (or the end), adding each one's
 * opening to `out`. Returns where they end, or -1 when one of them has no provable opening.
 */
function alternatives(source: string, i: number, anchored: boolean, out: Set<string>): number {
  let at = i;
  for (;;) {
    if (!opening(source, at, anchored, out)) return -1;
    at = alternativeEnd(source, at);
    if (source[at] !== '|') return at;
    at++;
  }
}

/** Adds the literal opening of the alternative at `i` to `out`; false when it has none. */
function opening(source: string, i: number, anchored: boolean, out: Set<string>): boolean {
  let at = i;
  let bounded = anchored;
  for (;;) {
    if (source.startsWith('\\b', at)) {
      bounded = true;
      at += 2;
    } else if (source[at] === '^') {
      bounded = true;
      at++;
    } else if (/^\(\?<?[=!]/.test(source.slice(at, at + 4))) {
      // A look-around matches nothing: what follows it opens the match.
      at = groupEnd(source, at) + 1;
      if (at === 0) return false;
    } else if (source[at] === '(') {
      const close = groupEnd(source, at);
      if (close < 0 || isQuantifier(source[close + 1])) return false;
      const inner = source.startsWith('(?:', at)
        ? at + 3
        : source.startsWith('(?<', at)
          ? source.indexOf('>', at) + 1
          : at + 1;
      return alternatives(source, inner, bounded, out) === close;
    } else {
      if (!bounded) return false;
      let end = at;
      while (end < source.length && isLiteral(source.charCodeAt(end))) end++;
      // A letter made optional or repeatable by the quantifier after it is not part of the opening.
      if (end > at && isQuantifier(source[end])) end--;
      if (end === at) return false;
      out.add(source.slice(at, end));
      return true;
    }
  }
}

/** Where the alternative starting at `i` ends: at a `|` or `)` of its own depth, or the end. */
function alternativeEnd(source: string, i: number): number {
  let depth = 0;
  let at = i;
  while (at < source.length) {
    const c = source[at];
    if (c === '\\') at += 2;
    else if (c === '[') at = classEnd(source, at) + 1;
    else {
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return at;
        depth--;
      } else if (c === '|' && depth === 0) return at;
      at++;
    }
  }
  return source.length;
}

/** The `)` that closes the group opening at `i`, or -1. */
function groupEnd(source: string, i: number): number {
  const end = alternativeEnd(source, i + 1);
  let at = end;
  while (source[at] === '|') at = alternativeEnd(source, at + 1);
  return source[at] === ')' ? at : -1;
}

/** The `]` that closes the character class opening at `i`. */
function classEnd(source: string, i: number): number {
  let at = i + 1;
  while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
  return at;
}

function isQuantifier(c: string | undefined): boolean {
  return c === '?' || c === '*' || c === '{';
}

/** `[a-z0-9]`: what a word of the text starts with. */
function isLiteral(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
