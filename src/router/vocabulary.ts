import { CONCEPTS } from './lexicon.ts';
import { stem } from './text.ts';

/** Words that carry no meaning for tool matching. */
const STOP_WORDS = new Set(
  (
    'a an the of for with and or to from in on at by as is are be been was were it its this that these those ' +
    'their his her our your my we you they them he she i me us one all any each such including into over per ' +
    'via about given named than then also only just some other more most can could would should will may might ' +
    'do does did not no yes if so up out off what which who whom whose when where why how s t de la le les des ' +
    'du el los las un una der die das und oder den dem des ein eine het een van en et ou il y e o di da na'
  ).split(' '),
);

/** Verbs and nouns common to most tool descriptions: weak evidence on their own. */
const GENERIC_WORDS = new Set(
  (
    'get list fetch return returns read look lookup query show find search retrieve pull give check view ' +
    'current new company companys user users data information info details record records item items value ' +
    'values result results service services system tool api request requesting range date time period ' +
    'filter filtered status type name number amount id ids using based specific all multiple optional'
  ).split(' '),
);

let conceptsByStem: Map<string, readonly string[]> | undefined;

/** A word's stem and concepts, as the matcher uses them. */
export interface WordKey {
  /** The word carries no meaning for matching (see {@link isStopWord}). */
  readonly stop: boolean;
  readonly stem: string;
  readonly concepts: readonly string[] | undefined;
}

const wordKeys = new Map<string, WordKey>();
const WORD_KEY_CACHE_LIMIT = 50_000;

/** The stem and concepts of a word, memoized: requests reuse a small vocabulary. */
export function wordKey(word: string): WordKey {
  let key = wordKeys.get(word);
  if (key === undefined) {
    const s = stem(word);
    key = { stop: isStopWord(word), stem: s, concepts: conceptsOf(s) };
    if (wordKeys.size >= WORD_KEY_CACHE_LIMIT) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

/** Concept ids a word stem belongs to (from the lexicon), or none. */
export function conceptsOf(wordStem: string): readonly string[] | undefined {
  if (conceptsByStem === undefined) conceptsByStem = buildConceptIndex();
  return conceptsByStem.get(wordStem);
}

function buildConceptIndex(): Map<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const [id, members] of CONCEPTS) {
    for (const member of members) {
      const key = stem(member);
      const ids = index.get(key);
      if (ids === undefined) index.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  }
  return index;
}

/** True for words that should be ignored entirely. */
export function isStopWord(word: string): boolean {
  return word.length < 2 || STOP_WORDS.has(word);
}

/** True for words too common in tool descriptions to identify a tool. */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}
