import { addCjkConcepts, hasCjk } from './cjk-concepts.ts';
import {
  ACTION,
  ARITHMETIC,
  COMPOSE,
  COMPUTATION,
  DEICTIC,
  FRESH,
  HOLD_ACTION,
  IDENTIFIER,
  KNOWLEDGE,
  LATER_QUESTION,
  LOOKUP,
  OWNED,
  PERSONAL,
  PRECISE,
  REQUEST,
  SMALL_TALK,
  TEMPLATE,
  TRANSFORM,
} from './cues.ts';
import { REVIEW } from './features/cross-domain-features.ts';
import { EACH } from './features/parallelism-features.ts';
import { COMPARED, OUTSIDE_ORIGIN, RESTRICTED } from './features/security-features.ts';
import { withoutFormatInstructions } from './format-instructions.ts';
import { splitRequest } from './material.ts';
import { normalize, words } from './text.ts';
import { familiesOf, type WordKey, wordKey } from './vocabulary.ts';
import { createWordGate, type WordGate } from './word-gate.ts';

/** Cues read from the instruction part of a request. */
export interface RequestCues {
  /** Transform or explain given content: summarize, translate, rewrite, explain. */
  readonly transform: boolean;
  /** Write something new: a draft, a template, ideas. */
  readonly compose: boolean;
  /** Points at content in the request ("this", "below"). */
  readonly deictic: boolean;
  /** A general-knowledge or how-to question. */
  readonly knowledge: boolean;
  /** Refers to the user's own organisation or records ("our", "my"). */
  readonly owned: boolean;
  /** Asks for current or recent state ("today", "latest", "still"). */
  readonly fresh: boolean;
  /** Names a concrete record (order 30418, INV-2291, #4410). */
  readonly identifier: boolean;
  /** An imperative to act or fetch. */
  readonly action: boolean;
  /** Asks about the state of specific things ("where is", "how many"). */
  readonly lookup: boolean;
  /** Holds back any action ("don't send yet", "draft only"). */
  readonly holdAction: boolean;
  /** The user speaks of themself ("my card", "book me"). */
  readonly personal: boolean;
  /** A polite request for someone to act ("can you", "please", "bitte"). */
  readonly request: boolean;
  /** Names a person, company or place (a capitalized word inside a sentence). */
  readonly properNoun: boolean;
  /** Thanks, greetings, goodbyes. */
  readonly smallTalk: boolean;
  /** Asks for a template, names, a checklist or other new text from what is given. */
  readonly template: boolean;
  /** A calculation or textbook fact (maths, physics, conversions, formulas). */
  readonly computation: boolean;
  /** Asks for an exact, verified result ("to the cent", "run it, don't guess"). */
  readonly precise: boolean;
}

/** Everything the default scorers read from the request text, computed once per route. */
export interface RequestAnalysis {
  /** The normalized instruction: what the user asks, without pasted material. */
  readonly instruction: string;
  /** The instruction as written (case and accents kept), for cues that need capitals. */
  readonly original: string;
  /**
   * The pasted material (email, table, log, code) as written, or ''. Its words are not matched
   * against tools: what a request carries is weak evidence of what it needs, and matching it would
   * make routing cost grow with the size of a pasted document.
   */
  readonly material: string;
  /**
   * Most of the instruction's letters are outside the Latin script (Japanese, Chinese, Arabic,
   * Cyrillic...), which the lexicon does not cover: its words cannot be matched to tools.
   */
  readonly unreadable: boolean;
  /** The instruction's words, in order (normalized). */
  readonly words: readonly string[];
  /** Stems of the instruction's words. */
  readonly stems: ReadonlySet<string>;
  /** Concept ids of the instruction's words. */
  readonly concepts: ReadonlySet<string>;
  /** Concept families of the instruction's words (weather for rain). */
  readonly families: ReadonlySet<string>;
  /**
   * Each stem of the instruction's words once, in the order first used, with its concepts and
   * families (stop words left out): what a word gives the matching depends on its stem alone.
   */
  readonly stemKeys: readonly WordKey[];
  readonly cues: RequestCues;
  /**
   * Which gated cue patterns the instruction's words may open (word-gate.ts): read by
   * `testCue`, which skips a pattern that cannot match.
   */
  readonly cueGate: number;
}

/** Analyzes a request's text for the default scorers. */
export function analyzeRequest(input: string): RequestAnalysis {
  const parts = splitRequest(input);
  // What the answer should look like ("Wrap your entire response in JSON") is no part of the task.
  const split = { ...parts, instruction: withoutFormatInstructions(parts.instruction) };
  const instruction = normalize(
    withCountryNames(
      split.instruction.length > INSTRUCTION_LIMIT
        ? split.instruction.slice(0, INSTRUCTION_LIMIT)
        : split.instruction,
    ),
  ).trim();
  const material = split.material;
  const tokens = words(instruction);
  const [stems, concepts, families, gate, stemKeys] = index(tokens);
  // Each cue below is the pattern's own test on the instruction; the gate only skips a pattern
  // that no word of the instruction can open (word-gate.ts).
  const cue = (pattern: RegExp) => cueGate().test(pattern, instruction, gate);
  // Most requests are in Latin letters: one scan says so, and then neither a CJK script nor an
  // unreadable one is there to look for.
  const beyondLatin = BEYOND_LATIN.test(split.instruction);
  // On the text as written: normalizing decomposes kana with voicing marks (ダ to タ and a mark).
  const cjk = beyondLatin && hasCjk(split.instruction);
  if (cjk) {
    const found = new Set<string>();
    addCjkConcepts(split.instruction, found);
    for (const id of found) concepts.add(id);
    for (const family of familiesOf([...found]) ?? []) families.add(family);
  }
  // "email them", "message the team": a channel named as the verb asks to send on it.
  if (cue(CHANNEL_AS_VERB)) concepts.add('send');
  const hasMaterial = material.length > 0;
  const unquoted = withoutShortQuotes(instruction);
  const cues: RequestCues = {
    transform: cue(TRANSFORM),
    compose: cue(COMPOSE),
    deictic: hasMaterial && cue(DEICTIC),
    knowledge: cue(KNOWLEDGE) || cue(LATER_QUESTION),
    owned: cue(OWNED) && (unquoted === instruction || OWNED.test(unquoted)),
    fresh: cue(FRESH) && (unquoted === instruction || FRESH.test(unquoted)),
    identifier: cue(IDENTIFIER),
    action: cue(ACTION),
    lookup: cue(LOOKUP),
    holdAction: cue(HOLD_ACTION),
    personal: cue(PERSONAL) && (unquoted === instruction || PERSONAL.test(unquoted)),
    request: cue(REQUEST),
    properNoun: PROPER_NOUN.test(split.instruction),
    smallTalk:
      (instruction.length <= SMALL_TALK_MAX_LENGTH && cue(SMALL_TALK)) ||
      (cjk && isCjkClosing(split.instruction)),
    template: cue(TEMPLATE),
    computation: cue(COMPUTATION) || ARITHMETIC.test(instruction),
    precise: cue(PRECISE),
  };
  return {
    instruction,
    original: split.instruction,
    words: tokens,
    unreadable: beyondLatin && isUnreadable(split.instruction),
    material,
    stems,
    concepts,
    families,
    cues,
    cueGate: gate,
    stemKeys,
  };
}

/**
 * `pattern.test(analysis.instruction)`, skipped when no word of the instruction can open the
 * pattern (word-gate.ts): for the cue patterns the features read on the instruction.
 */
export function testCue(analysis: RequestAnalysis, pattern: RegExp): boolean {
  return cueGate().test(pattern, analysis.instruction, analysis.cueGate);
}

/** False when no word of the instruction can open the pattern: it cannot match there. */
export function mayMatchCue(analysis: RequestAnalysis, pattern: RegExp): boolean {
  return cueGate().may(pattern, analysis.cueGate);
}

/**
 * Characters of the instruction the cues and the tool matching read. What a request asks fits in
 * its opening; reading no further bounds the cost of routing an outsized request.
 */
const INSTRUCTION_LIMIT = 20_000;
/**
 * Small talk is short: a greeting, thanks or a closing with a few more words ("No, I'm all set,
 * thanks!"). A longer instruction that says "that's all" asks for something; the pattern is not
 * run on it (the longest small talk in the labeled data has 131 characters).
 */
const SMALL_TALK_MAX_LENGTH = 160;

/** Thanks or a goodbye in Chinese or Japanese: 谢谢, 感谢, 再见, ありがとう, さようなら. */
const CJK_THANKS = /谢谢|感谢|多谢|谢了|再见|拜拜|ありがとう|さようなら|お疲れ/;
/**
 * An ask in Chinese or Japanese: help, find, look up, want, book, recommend, a question, please, or
 * an order to send, call, forward, cancel or arrange ("谢谢，请叫一辆出租车", "ありがとう、タクシーを
 * お願いします", "メールを送って"); "よろしくお願いします" closes a conversation, it asks for nothing.
 */
const CJK_ASK =
  /帮|找|查|请|想|要|预订|订|推荐|吗|[？?]|ください|たい|教えて|か。|发|送|叫|转|取消|预约|安排|(?<!よろしく)お願い|して|って/;
/** Most characters of a closing in those scripts ("好的，谢谢，没有问题了！" has 12). */
const CJK_CLOSING_MAX_LENGTH = 30;

/** A short thanks or goodbye in Chinese or Japanese that asks for nothing: small talk. */
function isCjkClosing(text: string): boolean {
  return text.length <= CJK_CLOSING_MAX_LENGTH && CJK_THANKS.test(text) && !CJK_ASK.test(text);
}

/**
 * A channel used as a verb, with its addressee: "email them", "message the team", "text me". Not
 * after a determiner, where it is a noun ("the message the customer sent").
 */
const CHANNEL_AS_VERB = new RegExp(
  `${channelVerb(/(?:e-?mail|message|sms|slack|dm|fax|text)/, /(?:them|him|her|me|us|everyone|everybody)\b/)}|${channelVerb(/(?:e-?mail|message|sms|slack|fax)/, /(?:the|our|their|his|all|each|every)\s+\w+/)}`,
);

/**
 * `channels` at a word's start, not after a determiner, then white space and `then`. The
 * look-ahead for a channel word comes first: it spares the look-behind at every other position
 * (the same matches as with the look-behind first, at half the time on the bench request).
 */
function channelVerb(channels: RegExp, then: RegExp): string {
  const determiner =
    /(?<!\b(?:the|a|an|this|that|these|those|my|your|our|their|his|her|its|each|every|no)\s)/;
  return `\\b(?=${channels.source})${determiner.source}${channels.source}\\s+${then.source}`;
}

let gate: WordGate | undefined;

/**
 * The cue patterns read on the instruction, gated by the words that can open them: a pattern none
 * of the instruction's words can open is not run (those that prove no opening always are). Made
 * on first use, as the features whose patterns it holds import this module.
 */
function cueGate(): WordGate {
  gate ??= createWordGate([
    CHANNEL_AS_VERB,
    TRANSFORM,
    COMPOSE,
    DEICTIC,
    KNOWLEDGE,
    LATER_QUESTION,
    OWNED,
    FRESH,
    IDENTIFIER,
    ACTION,
    LOOKUP,
    HOLD_ACTION,
    PERSONAL,
    REQUEST,
    SMALL_TALK,
    TEMPLATE,
    COMPUTATION,
    PRECISE,
    // Read by the scorers through testCue.
    EACH,
    REVIEW,
    OUTSIDE_ORIGIN,
    RESTRICTED,
    COMPARED,
  ]);
  return gate;
}

/** A capitalized word after a lower-case word: a name, not a sentence start. */
const PROPER_NOUN = /[a-z\u00df-\u00ff,]\s+(?!I\b)[A-Z\u00c0-\u00de][\w\u00c0-\u024f]+/;

/**
 * A character past the Latin blocks (U+0250 and up): every CJK character the lexicon covers
 * (U+3040 and up, `hasCjk`) and every letter of another script is one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: testing for the Latin range
const BEYOND_LATIN = /[^\u0000-\u024f]/;

/** More letters outside the Latin script than inside it (for a text with a {@link BEYOND_LATIN} character). */
function isUnreadable(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters - latin > latin;
}

/** The stems, concepts and concept families of a normalized text: what tools are matched on. */
export function termsOf(
  normalized: string,
): Pick<RequestAnalysis, 'stems' | 'concepts' | 'families'> {
  const [stems, concepts, families] = index(words(normalized));
  return { stems, concepts, families };
}

/**
 * The stems, concepts and families of the words, the cue patterns they may open ({@link cueGate}),
 * and each stem's word key once.
 */
function index(
  tokens: readonly string[],
): [Set<string>, Set<string>, Set<string>, number, WordKey[]] {
  const stems = new Set<string>();
  const concepts = new Set<string>();
  const families = new Set<string>();
  const keys: WordKey[] = [];
  const words = cueGate();
  let mask = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const key = wordKey(word);
    key.cueGate ??= words.opensOf(word);
    mask |= key.cueGate.anywhere;
    // The rest (a first word's openings, phrases) only where there is any.
    if (i === 0 || key.cueGate.phrases !== undefined)
      mask = words.add(mask, key.cueGate, tokens, i);
    // A stop word, and every word shorter than two characters, carries no meaning for matching.
    if (key.stop) continue;
    // One hash lookup, not two: a stem already there leaves the set's size as it was.
    const before = stems.size;
    stems.add(key.stem);
    if (stems.size === before) continue;
    keys.push(key);
    if (key.concepts !== undefined) for (const id of key.concepts) concepts.add(id);
    if (key.families !== undefined) for (const id of key.families) families.add(id);
  }
  return [stems, concepts, families, mask, keys];
}

/** A short quotation in the instruction: a phrase to use, a title, a name (a long one is material). */
const SHORT_QUOTE = /"[^"\n]{1,80}"|“[^”\n]{1,80}”|”[^"”\n]{1,80}["”]/g;

/**
 * The instruction without its short quotations, whose words are someone else's ("answer with
 * 'My answer is yes'", "translate 'Today is a beautiful day'"): a "my" or a "today" there says
 * nothing of the user's data or of the present. The instruction itself when it has none, or when
 * little is left outside them (a request wrapped whole in quotation marks).
 */
function withoutShortQuotes(instruction: string): string {
  if (!instruction.includes('"') && !instruction.includes('”')) return instruction;
  const rest = instruction.replace(SHORT_QUOTE, ' ');
  return words(rest).length >= 3 ? rest : instruction;
}

/**
 * "US" in capitals, in text that is not shouting, is the country ("in the US public domain", "a
 * US employer"), not "us": read as "usa", it is no cue of the user's own data.
 */
const COUNTRY_US = /(?<![A-Z]{2,}[\s,.!?]*)\bU\.?S\.?(?![\s,.!?]*[A-Z]{2,})(?![\w.])/g;

function withCountryNames(text: string): string {
  return text.includes('US') || text.includes('U.S') ? text.replace(COUNTRY_US, 'USA') : text;
}
