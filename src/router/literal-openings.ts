/**
 * The literal openings of a regular expression, read from its source: the words every match
 * starts with (word-gate.ts skips a cue pattern whose openings a text does not hold).
 *
 * The words are a text's runs of `[a-z0-9]` (text.ts `words`). An opening is a phrase of one or
 * more such words in a row: each a literal the word must equal, or (the last) one it must start with.
 */

/** One word of an opening. */
export interface OpeningWord {
  readonly literal: string;
  /** The word is the literal; otherwise it starts with it. */
  readonly whole: boolean;
}

/** A phrase every match of a pattern starts with, read as the text's words. */
export interface Opening {
  readonly words: readonly OpeningWord[];
  /** The pattern is anchored at the text's start: the phrase starts at its first word. */
  readonly first: boolean;
}

/**
 * The openings of a pattern: every match starts at the start of a word (a `\b`, a `^` or a
 * character that is never a letter or digit before a literal) and its words there follow one of
 * them. `undefined` when the source does not prove that: a branch that opens with anything else,
 * or a flag that changes matching (`i`, `v`) or makes `test` stateful (`g`, `y`).
 */
export function literalOpenings(pattern: RegExp): Opening[] | undefined {
  if (!/^[dmsu]*$/.test(pattern.flags)) return undefined;
  const source = pattern.source;
  const found: Opening[] = [];
  const context: Context = {
    source,
    bounded: false,
    first: false,
    wholeAtEnd: false,
    multiline: pattern.multiline,
  };
  const end = alternatives(context, 0, found);
  return end === source.length ? found : undefined;
}

/** The pattern being read, and what holds where the reading stands. */
interface Context {
  readonly source: string;
  /** A `\b` or `^` stands before: a literal here starts a word. */
  readonly bounded: boolean;
  /** A `^` (without the `m` flag) stands before: that word is the text's first. */
  readonly first: boolean;
  /** What follows the enclosing group is sure to end a word (`\b`, a space). */
  readonly wholeAtEnd: boolean;
  readonly multiline: boolean;
}

/**
 * Reads the alternatives from `i` up to the `)` that closes them (or the end), adding each one's
 * openings to `out`. Returns where they end, or -1 when one of them has no provable opening.
 */
function alternatives(context: Context, i: number, out: Opening[]): number {
  let at = i;
  for (;;) {
    if (!opening(context, at, out)) return -1;
    at = alternativeEnd(context.source, at);
    if (context.source[at] !== '|') return at;
    at++;
  }
}

/** Adds the openings of the alternative at `i` to `out`; false when it has none. */
function opening(context: Context, i: number, out: Opening[]): boolean {
  const { source } = context;
  let at = i;
  let here = context;
  for (;;) {
    if (source.startsWith('\\b', at)) {
      here = { ...here, bounded: true };
      at += 2;
    } else if (source[at] === '^') {
      here = { ...here, bounded: true, first: here.first || !here.multiline };
      at++;
    } else if (/^\(\?<?[=!]/.test(source.slice(at, at + 4))) {
      // A look-around matches nothing: what follows it opens the match.
      const close = groupEnd(source, at);
      if (close < 0) return false;
      at = close + 1;
    } else if (source[at] === '(') {
      const close = groupEnd(source, at);
      const after = source[close + 1];
      if (close < 0 || after === '?' || after === '*' || after === '{') return false;
      const inner = source.startsWith('(?:', at)
        ? at + 3
        : source.startsWith('(?<', at)
          ? source.indexOf('>', at) + 1
          : at + 1;
      // Repeated, the group may be followed by itself: its words end nowhere sure.
      const wholeAtEnd = after !== '+' && endsWord(here, close + 1);
      return alternatives({ ...here, wholeAtEnd }, inner, out) === close;
    } else if (isLiteral(source.charCodeAt(at))) {
      return here.bounded && phrases(here, at, [], '', out);
    } else {
      // Characters that are never letters or digits, one at least ("[.?!]\s+"): a literal after
      // them starts a word.
      const separator = separatorAt(source, at);
      if (separator === undefined || !separator.required) return false;
      here = { ...here, bounded: true };
      at = separator.end;
    }
  }
}

/**
 * Reads the words of a phrase from `at`, a literal's start (after `words`, and `pending`
 * letters of a word begun before an optional separator), and adds each reading to `out`; false
 * when a reading has no word.
 */
function phrases(
  context: Context,
  at: number,
  words: readonly OpeningWord[],
  pending: string,
  out: Opening[],
): boolean {
  const { source } = context;
  let end = at;
  while (end < source.length && isLiteral(source.charCodeAt(end))) end++;
  let literal = pending + source.slice(at, end);
  const done = (whole: boolean) => {
    const all = literal === '' ? words : [...words, { literal, whole }];
    if (all.length === 0) return false;
    out.push({ words: all, first: context.first });
    return true;
  };
  const next = source[end];
  if (end > at && (next === '?' || next === '*' || next === '{')) {
    // A letter made optional or repeatable is not part of the word: the word starts with the rest.
    literal = literal.slice(0, -1);
    return done(false);
  }
  if (literal === '' || next === '+') return done(false);
  if (source.startsWith('\\b', end) || next === '$') return done(true);
  if (end === source.length || next === '|' || next === ')') return done(context.wholeAtEnd);
  const separator = separatorAt(source, end);
  if (separator === undefined) return done(false);
  const word = { literal, whole: true };
  if (separator.required) return phrases(context, separator.end, [...words, word], '', out);
  // An optional separator: the words as two, and as one.
  return (
    phrases(context, separator.end, [...words, word], '', out) &&
    phrases(context, separator.end, words, literal, out)
  );
}

/** A run of characters at `at` that are never letters or digits: where it ends, and whether one must be there. */
function separatorAt(source: string, at: number): { end: number; required: boolean } | undefined {
  let end = at;
  let required = false;
  for (;;) {
    const atom = separatorAtom(source, end);
    if (atom === undefined) break;
    const quantified = quantifier(source, atom);
    if (quantified === undefined) return undefined;
    required ||= quantified.required;
    end = quantified.end;
  }
  return end === at ? undefined : { end, required };
}

/** Where a single non-letter, non-digit atom at `at` ends (a space, `-`, `\s`, `[- ]`). */
function separatorAtom(source: string, at: number): number | undefined {
  const c = source[at];
  if (c === undefined) return undefined;
  if (c === '\\') {
    const d = source[at + 1] ?? '';
    return 'sWntr'.includes(d) || /^[^A-Za-z0-9]$/.test(d) ? at + 2 : undefined;
  }
  if (c === '[') {
    const close = source.indexOf(']', at + 1);
    const members = source.slice(at + 1, close);
    // Plain members only: no negation, escape or range, and none a letter or digit.
    if (close < 0 || !/^-?[^-^\\\]A-Za-z0-9]*-?$/.test(members) || members === '') return undefined;
    return close + 1;
  }
  if ('^$.|?*+()]{}'.includes(c) || /[a-z0-9]/.test(c)) return undefined;
  return at + 1;
}

/** The quantifier after an atom ending at `at`: where it ends and whether the atom must occur. */
function quantifier(source: string, at: number): { end: number; required: boolean } | undefined {
  const c = source[at];
  const lazy = (end: number) => (source[end] === '?' ? end + 1 : end);
  if (c === '?' || c === '*') return { end: lazy(at + 1), required: false };
  if (c === '+') return { end: lazy(at + 1), required: true };
  if (c === '{') {
    const bound = /^\{(\d+)(,\d*)?\}/.exec(source.slice(at));
    if (bound === null) return undefined;
    return { end: lazy(at + bound[0].length), required: Number(bound[1]) > 0 };
  }
  return { end: at, required: true };
}

/** Whether what stands at `at` (after a group) is sure to end the word before it. */
function endsWord(context: Context, at: number): boolean {
  const { source } = context;
  if (source.startsWith('\\b', at) || source[at] === '$') return true;
  if (source[at] === '|' || source[at] === ')') return context.wholeAtEnd;
  return separatorAt(source, at)?.required === true;
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
  let at = alternativeEnd(source, i + 1);
  while (source[at] === '|') at = alternativeEnd(source, at + 1);
  return source[at] === ')' ? at : -1;
}

/** The `]` that closes the character class opening at `i`. */
function classEnd(source: string, i: number): number {
  let at = i + 1;
  while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
  return at;
}

/** `[a-z0-9]`: what the words of the text are made of. */
function isLiteral(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
