import type { RequestAnalysis } from '../analysis.ts';

/** How a request writes numbers and sentences: what tells a word problem in any script. */
export interface NumberForm {
  /** Numbers written with digits, sentences, and whether the text ends with a question mark. */
  readonly numbers: number;
  readonly sentences: number;
  readonly endsAsking: boolean;
  /** Digits of the longest number. */
  readonly longestNumber: number;
}

/** The {@link NumberForm} of a request. */
export function numberForm(analysis: RequestAnalysis): NumberForm {
  const original =
    analysis.original.length > 2_000 ? analysis.original.slice(0, 2_000) : analysis.original;
  return {
    numbers: original.match(DIGITS)?.length ?? 0,
    sentences: original.match(SENTENCE_END)?.length ?? 0,
    endsAsking: ASKING_END.test(original),
    longestNumber: longestNumber(analysis.instruction),
  };
}

const DIGITS = /\d+(?:[.,]\d+)*/g;
const SENTENCE_END = /[.?!。？！।](?=\s|$)|[。？！]/g;
const ASKING_END = /[?？؟]\s*$/;
const NUMBER = /\d[\d,.' ]*\d|\d/g;

/** Digits of the longest number in the text ("7,547,401" has 7), up to the first 200 numbers. */
function longestNumber(text: string): number {
  let longest = 0;
  let seen = 0;
  for (const match of text.matchAll(NUMBER)) {
    longest = Math.max(longest, match[0].replace(/\D/g, '').replace(/^0+/, '').length);
    if (++seen >= 200) break;
  }
  return longest;
}
