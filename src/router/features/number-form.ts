import type { RequestAnalysis } from '../analysis.ts';
import { NUMBER_WORDS } from './number-words.ts';

/** How a request writes numbers and sentences: what tells a word problem in any script. */
export interface NumberForm {
  /** Numbers written with digits, sentences, and whether the text ends with a question mark. */
  readonly numbers: number;
  readonly sentences: number;
  readonly endsAsking: boolean;
  /**
   * Quantities a story gives: numbers in digits and number words ("four times as many"), and
   * whether its last sentence asks for one, as a question or as an order ("Calculate the total").
   */
  readonly quantities: number;
  readonly endsSolving: boolean;
  /** Digits of the longest number. */
  readonly longestNumber: number;
}

/** The {@link NumberForm} of a request. */
export function numberForm(analysis: RequestAnalysis): NumberForm {
  const original = firstChars(analysis.original);
  const numbers = original.match(DIGITS)?.length ?? 0;
  const thai = THAI.test(original);
  const endsAsking = asksAtEnd(original, thai);
  const marked = original.match(SENTENCE_END)?.length ?? 0;
  return {
    numbers,
    sentences: thai ? Math.max(marked, original.trim().split(/\s+/).length - 1) : marked,
    endsAsking,
    longestNumber: longestNumber(analysis.instruction),
    quantities: numbers + countNumberWords(analysis.words),
    endsSolving: endsAsking || endsSolving(original),
  };
}

/**
 * Whether the request ends by asking for a result, with a question or an order ("Calculate the
 * total."): what a word problem must do, read before the rest of its {@link NumberForm}.
 */
export function endsAskingForResult(analysis: RequestAnalysis): boolean {
  const original = firstChars(analysis.original);
  return asksAtEnd(original, THAI.test(original)) || endsSolving(original);
}

function firstChars(text: string): string {
  return text.length > 2_000 ? text.slice(0, 2_000) : text;
}

/**
 * A question mark at the end. Thai writes no sentence marks: a space ends a clause, and a question
 * ends with its question word ("กี่ชิ้น", how many pieces; "เท่าใด", how much).
 */
function asksAtEnd(original: string, thai: boolean): boolean {
  return ASKING_END.test(original) || (thai && THAI_ASKING_END.test(original));
}

/**
 * Whether the last sentence orders a result worked out ("Calculate the total distance he drives.",
 * "..., find the area"): read on the last sentence alone, so that the cost stays linear however
 * many commas a long sentence has.
 */
function endsSolving(text: string): boolean {
  let body = text.trimEnd();
  if (/[.!。]$/.test(body)) body = body.slice(0, -1);
  let start = 0;
  for (const end of SENTENCE_ENDS) start = Math.max(start, body.lastIndexOf(end));
  const last = body.slice(start);
  return SOLVING_ORDER.test(last) || SOLVING_END_JA.test(last);
}

const SENTENCE_ENDS = ['.', '!', '?', '。'];
/** An order to work a result out, opening the last sentence or a clause of it. */
const SOLVING_ORDER =
  /(?:^|[.!?。]\s+|,\s*)(?:(?:calculate|compute|determine|work out|(?:find|figure out) (?:the|how)|calcula|calcule[zr]?|berechne|bestimme|calcola|bereken)\b|(?:сосчитайте|посчитайте|вычислите|найдите|определите))/i;
/** Japanese's orders to calculate or answer, closing the text. */
const SOLVING_END_JA = /(?:計算|求め|答え)(?:しなさい|なさい|てください)$/;

function countNumberWords(words: readonly string[]): number {
  let count = 0;
  for (const word of words) if (NUMBER_WORDS[word] !== undefined || PAIR_WORDS.has(word)) count++;
  return count;
}

/** Two, half, twice and double in the languages the router reads: quantities a story gives. */
const PAIR_WORDS = new Set([
  'two',
  'half',
  'twice',
  'double',
  'zwei',
  'halb',
  'halbe',
  'halfte',
  'doppelt',
  'deux',
  'moitie',
  'dos',
  'mitad',
  'doble',
  'doppio',
  'dois',
  'duas',
  'metade',
  'dobro',
  'twee',
  'helft',
]);

const DIGITS = /\d+(?:[.,]\d+)*/g;
const SENTENCE_END = /[.?!。？！।](?=\s|$)|[。？！]/g;
const THAI = /[\u0e00-\u0e7f]/;
const THAI_ASKING_END = /(กี่\S{0,12}|เท่า(ใด|ไร|ไหร่)|หรือไม่|ไหม)\s*[?]?\s*$/;
/** A question mark at the end, or Japanese's question particle closing the last sentence. */
const ASKING_END = /[?？؟]\s*$|か[。．]?\s*$/;
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
