import type { RequestAnalysis } from '../analysis.ts';

/** The instruction's opening carries its form (ask, act, write); reading no further bounds the cost. */
const WORD_LIMIT = 40;
/** Letters of scripts written without spaces: read as overlapping pairs of characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * The sparse features of a request's text that the signal models weigh: the instruction's first
 * word (`f:`), its words (`w:`) and pairs of adjacent words (`b:`), pairs of characters of
 * scripts written without spaces (`c:`), and its form (`m:` material pasted, `q:` a question).
 * Keys are strings, each once; a model holds weights for the keys it was fitted on and ignores the rest.
 */
export function requestTokens(analysis: RequestAnalysis): string[] {
  const keys = new Set<string>();
  const text =
    analysis.original.length > 2_000 ? analysis.original.slice(0, 2_000) : analysis.original;
  const raw = text.toLowerCase().match(TOKEN) ?? [];
  let previous = '^';
  let count = 0;
  for (const token of raw) {
    if (count >= WORD_LIMIT) break;
    if (token.charCodeAt(0) >= 0x2e80 && UNSPACED.test(token)) {
      for (let i = 0; i + 1 < token.length && count < WORD_LIMIT * 2; i++, count++) {
        keys.add(`c:${token.slice(i, i + 2)}`);
      }
      if (token.length === 1) keys.add(`c:${token}`);
      previous = '~';
      continue;
    }
    const word = /\d/.test(token) ? '0' : token;
    if (count === 0) keys.add(`f:${word}`);
    keys.add(`w:${word}`);
    keys.add(`b:${previous}_${word}`);
    previous = word;
    count++;
  }
  if (analysis.material !== '') keys.add('m:material');
  if (analysis.original.includes('?') || analysis.original.includes('？')) keys.add('q:question');
  return [...keys];
}
