import type { RequestAnalysis } from '../analysis.ts';

/** The instruction's opening carries its form (ask, act, write); reading no further bounds the cost. */
const WORD_LIMIT = 40;
/** Letters of scripts written without spaces: read as overlapping pairs of characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const TOKEN = /[\p{L}\p{N}]+/gu;
const DIGIT = /\d/;

/**
 * The words of a request's instruction as the signal models read them, in order: each word
 * (lower case, a number as `0`) with the one before it (`^` at the start, `~` after characters of a
 * script written without spaces), and the pairs of characters of such scripts.
 */
export interface RequestWords {
  readonly words: readonly string[];
  /** `previous[i]` is the word before `words[i]`. */
  readonly previous: readonly string[];
  /** The first word opens the instruction (no unspaced characters before it). */
  readonly opens: boolean;
  readonly chars: readonly string[];
  readonly material: boolean;
  readonly question: boolean;
  /** The words as numbers of the last vocabulary that scored them (see sparseScore). */
  numbered?: Numbered;
}

/** Reads the words of a request once; {@link requestTokens} and {@link sparseScore} share them. */
export function readWords(analysis: RequestAnalysis): RequestWords {
  const text =
    analysis.original.length > 2_000 ? analysis.original.slice(0, 2_000) : analysis.original;
  const raw = text.toLowerCase().match(TOKEN) ?? [];
  const words: string[] = [];
  const previous: string[] = [];
  const chars: string[] = [];
  let before = '^';
  let count = 0;
  let opens = true;
  for (const token of raw) {
    if (count >= WORD_LIMIT) break;
    if (token.charCodeAt(0) >= 0x2e80 && UNSPACED.test(token)) {
      for (let i = 0; i + 1 < token.length && count < WORD_LIMIT * 2; i++, count++) {
        chars.push(token.slice(i, i + 2));
      }
      if (token.length === 1) chars.push(token);
      if (words.length === 0) opens = false;
      before = '~';
      continue;
    }
    const word = DIGIT.test(token) ? '0' : token;
    words.push(word);
    previous.push(before);
    before = word;
    count++;
  }
  return {
    words,
    previous,
    opens,
    chars,
    material: analysis.material !== '',
    question: analysis.original.includes('?') || analysis.original.includes('？'),
  };
}

/**
 * The sparse features of a request's text that the signal models weigh: the instruction's first
 * word (`f:`), its words (`w:`) and pairs of adjacent words (`b:`), pairs of characters of
 * scripts written without spaces (`c:`), and its form (`m:` material pasted, `q:` a question).
 * Keys are strings, each once; a model holds weights for the keys it was fitted on and ignores the rest.
 */
export function requestTokens(analysis: RequestAnalysis): string[] {
  return tokenKeys(readWords(analysis));
}

/** The keys of {@link requestTokens} from words already read. */
export function tokenKeys(read: RequestWords): string[] {
  const keys = new Set<string>();
  const { words, previous } = read;
  for (const pair of read.chars) keys.add(`c:${pair}`);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (i === 0 && read.opens) keys.add(`f:${word}`);
    keys.add(`w:${word}`);
    keys.add(`b:${previous[i]}_${word}`);
  }
  if (read.material) keys.add('m:material');
  if (read.question) keys.add('q:question');
  return [...keys];
}

/** One sparse weight, with its key for explanations. */
export interface Entry {
  readonly key: string;
  readonly value: number;
  /**
   * The {@link sparseScore} call that last counted this weight: a key is counted once per request
   * without a set to look it up in. Scoring is synchronous, so calls never interleave.
   */
  counted: number;
}

let calls = 0;

/**
 * Numbers for the words that some weight names, shared by the models of one router: a request's
 * words are looked up once, and each model's weights are then found by number.
 */
export interface Vocabulary {
  readonly ids: Map<string, number>;
}

/** A vocabulary with the word markers `^` (start) and `~` (after unspaced characters). */
export function createVocabulary(): Vocabulary {
  return {
    ids: new Map([
      ['^', 0],
      ['~', 1],
    ]),
  };
}

function idOf(vocabulary: Vocabulary, word: string): number {
  let id = vocabulary.ids.get(word);
  if (id === undefined) {
    id = vocabulary.ids.size;
    vocabulary.ids.set(word, id);
  }
  return id;
}

/** A pair of word numbers as one map key (vocabularies stay far below 2^26 words). */
const pairKey = (earlier: number, later: number) => earlier * 67_108_864 + later;

/** A model's sparse weights indexed by word number, so that scoring builds no key strings. */
export interface SparseIndex {
  readonly size: number;
  readonly vocabulary: Vocabulary;
  readonly first: ReadonlyMap<number, Entry>;
  readonly word: ReadonlyMap<number, Entry>;
  readonly pair: ReadonlyMap<number, Entry>;
  readonly chars: ReadonlyMap<string, Entry>;
  readonly material: Entry | undefined;
  readonly question: Entry | undefined;
}

/** Indexes sparse weights keyed as {@link requestTokens} writes them, numbering their words in `vocabulary`. */
export function indexSparse(
  sparse: ReadonlyMap<string, number>,
  vocabulary: Vocabulary = createVocabulary(),
): SparseIndex {
  const first = new Map<number, Entry>();
  const word = new Map<number, Entry>();
  const pair = new Map<number, Entry>();
  const chars = new Map<string, Entry>();
  let material: Entry | undefined;
  let question: Entry | undefined;
  for (const [key, value] of sparse) {
    const entry = { key, value, counted: 0 };
    const body = key.slice(2);
    if (key.startsWith('f:')) first.set(idOf(vocabulary, body), entry);
    else if (key.startsWith('w:')) word.set(idOf(vocabulary, body), entry);
    else if (key.startsWith('c:')) chars.set(body, entry);
    else if (key === 'm:material') material = entry;
    else if (key === 'q:question') question = entry;
    else if (key.startsWith('b:')) {
      // Words hold letters and digits only, so the first underscore ends the earlier word.
      const cut = body.indexOf('_');
      const earlier = idOf(vocabulary, body.slice(0, cut));
      pair.set(pairKey(earlier, idOf(vocabulary, body.slice(cut + 1))), entry);
    }
  }
  return { size: sparse.size, vocabulary, first, word, pair, chars, material, question };
}

/** A request's words as numbers of one vocabulary (-1: no weight names it). */
interface Numbered {
  readonly vocabulary: Vocabulary;
  readonly words: Int32Array;
  readonly previous: Int32Array;
}

function numbersOf(read: RequestWords, vocabulary: Vocabulary): Numbered {
  const found = read.numbered;
  if (found !== undefined && found.vocabulary === vocabulary) return found;
  const { ids } = vocabulary;
  const count = read.words.length;
  const words = new Int32Array(count);
  const previous = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    words[i] = ids.get(read.words[i] as string) ?? -1;
    const before = read.previous[i] as string;
    // The earlier word is the one before, or a marker: `^` at the start, `~` after unspaced characters.
    previous[i] = before === '^' ? 0 : before === '~' ? 1 : (words[i - 1] as number);
  }
  const made = { vocabulary, words, previous };
  read.numbered = made;
  return made;
}

/**
 * The sum of the sparse weights of a request's words, each key counted once (as in
 * {@link requestTokens}); `keep` sees each weight that counted.
 */
export function sparseScore(
  index: SparseIndex,
  read: RequestWords,
  keep: (entry: Entry) => void,
): number {
  if (index.size === 0) return 0;
  const call = ++calls;
  let z = 0;
  const take = (entry: Entry | undefined) => {
    if (entry === undefined || entry.counted === call) return;
    entry.counted = call;
    z += entry.value;
    keep(entry);
  };
  if (index.chars.size > 0) for (const pair of read.chars) take(index.chars.get(pair));
  const { words, previous } = numbersOf(read, index.vocabulary);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number;
    if (word < 0) continue;
    if (i === 0 && read.opens) take(index.first.get(word));
    take(index.word.get(word));
    const earlier = previous[i] as number;
    if (earlier >= 0) take(index.pair.get(pairKey(earlier, word)));
  }
  if (read.material) take(index.material);
  if (read.question) take(index.question);
  return z;
}
