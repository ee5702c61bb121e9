import type { RequestAnalysis } from '../analysis.ts';
import { hasCjk } from '../cjk-concepts.ts';
import { oneAnswer } from './answer-forms.ts';
import { askedSentences } from './asked-sentences.ts';
import { CJK_EACH, CJK_SUBSTANTIAL, CJK_TRIVIAL, countCjkItems } from './cjk-parallelism.ts';
import { NUMBER_WORDS } from './number-words.ts';

const COUNTED = new RegExp(
  `\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}) +([a-z][a-z-]{2,})`,
  'g',
);
/** Units and calendar words after a number: "12 May", "3 nights", "25 years" count nothing. */
const NOT_ITEMS =
  /^(am|pm|h|hours?|hrs?|minutes?|mins?|seconds?|days?|nights?|weeks?|months?|years?|times|percent|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|kg|cm|km|mm|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?|miles?|people|persons?|guests?|seats?|users?|shares?|units?|pieces?|tickets? for|travell?ers|students|employees|customers|participants|members|hosts|players|kids|children|adults|individuals|attendees|blocks|meters|metres|feet|inches|pounds|lbs|dollars|euros|letter|characters|digits|numbers|points|games|rounds|stars|words|sentences|paragraphs|sections|bullets|bullet|asterisks?|placeholders|lines|pages|responses|versions|hashtags|keywords|exclamation|capitali[sz]ed|symbols|tage|tagen|wochen|monate|jahre|stunden|minuten|jours|semaines|mois|ans|heures|dias|semanas|meses|anos|horas|minutos|giorni|settimane|mesi|anni|ore|dagen|weken|maanden|jaar|uur|personen|personnes|personas|persone|studenten|etudiants|estudiantes|studenti)$/;
/** Words after a number that show it counts nothing ("3 and", "4 on Friday", "5 of 8"). */
const FUNCTION_WORD =
  /^(and|or|of|to|at|on|in|for|by|with|from|per|x|than|times|out|plus|minus|you|they|the|are|was|were|she|her|him|his|its|our|but|not|y|et|und|e|en|o|ou|oder|de|du|la|le|el|il|van|von)$/;
/** Lists live within a clause. */
const CLAUSE_BREAK = /[()]|[.;:!?\n—–]+(?:\s|$)/;
const LIST_SEPARATOR = /,\s*(?:(?:and|et|und|y|e|en|&|or)\s+)?|\s(?:and|et|und|y|e|en|&|or)\s/;
/** A list item that names an entity (a name, a code, an id) rather than an aspect ("pricing"). */
const ENTITY_ITEM = /^([A-Z]|[^\s]*[\d_./#-])/;
export const EACH =
  /\b(each|every|per|for all|separately|separate|individually|one by one|apiece|jede\w*|jeweils|einzeln|chaque|respectivement|cada|por separado|ciascun\w*|ogni|separatamente|elk\w*|afzonderlijk|respectivamente)\b/;
/** Work per item big enough to deserve its own context. */
export const SUBSTANTIAL =
  /\b(research\w*|briefs?|review\w*|analy[sz]\w*|draft\w*|write|writ\w+|prepar\w*|prep|compar\w*|investigat\w*|root cause|propos\w*|plans?|reconcil\w*|profil\w*|assess\w*|audit\w*|evaluat\w*|diligence|migrat\w*|descriptions?|articles?|reports?|packets?|recommend\w*|process\w*|work through|repl(y|ies)|responses?|summar\w*|figure out|diagnos\w*|letters?|redact\w*|respuesta\w*|borrador\w*|analys\w*|recherch\w*|untersuch\w*|pruf\w*|verifi\w*|notes?|memos?|write-?ups?|packs?|briefings?|runbooks?|post-?mortems?|concili\w*|riconcili\w*|rapproch\w*|abgleich\w*|bericht\w*|rapport\w*|informe\w*|relatorio\w*|notitie\w*|verslag\w*)\b/;
/** Steps of a per-item workflow ("check the SLA, compute the credit, apply it and reply"). */
export const STEP =
  /\b(check|verify|find|look up|list|compute|calculate|apply|reply|respond|match|pay|compare|book|refund|send|draft|write|review|summari[sz]e|update|close|research|propose|recommend|busca\w*|revisa\w*|verifie\w*|prufe?)\b/g;
/** Work per item a single agent does with one parallel batch of tool calls. */
export const TRIVIAL =
  /\b(status|stock levels?|stock|rates?|prices?|weather|forecast|time zones?|balances?|tracking|one[- ]line|one word|label|translate|convert)\b/;

/**
 * What the `parallelism` model weighs: how many items of work the request counts or lists, whether
 * each is handled on its own ("for each", "per"), whether the work per item is substantial
 * (research, review, draft) or has several steps, or is a quick look-up or a light edit of given text.
 */
export function parallelismFeatures(analysis: RequestAnalysis): Record<string, number> {
  const text = analysis.instruction;
  const b = (x: boolean) => (x ? 1 : 0);
  const own = {
    compose: b(analysis.cues.compose || analysis.cues.template),
    knowledge: b(analysis.cues.knowledge),
    transformsCarried: b(
      analysis.material !== '' && analysis.cues.transform && !analysis.cues.identifier,
    ),
  };
  const cjk = cjkForm(analysis.original);
  const each = EACH.test(text) || cjk.each;
  const items = countItems(text, analysis.original, each, cjk);
  // Without three items of work, what the work per item is does not matter.
  if (items < 3) return own;
  const steps = new Set(text.match(STEP) ?? []).size;
  const substantial = SUBSTANTIAL.test(text) || steps >= 2 || cjk.substantial;
  const trivial = TRIVIAL.test(text) || cjk.trivial;
  return {
    ...own,
    items3: 1,
    items4: b(items >= 4),
    items6: b(items >= 6),
    eachItems: b(each),
    substantialItems: b(substantial),
    stepsItems: b(steps >= 2),
    trivialItems: b(trivial && !substantial),
    answerForm: b(oneAnswer(analysis) !== undefined),
  };
}

/**
 * How many items of work the request counts ("five vendors"), lists or numbers. Counted nouns and
 * lists are read in the sentences that ask (`askedSentences`), numbered lines anywhere.
 */
export function countItems(
  instruction: string,
  original: string,
  each: boolean,
  cjk = cjkForm(original),
): number {
  let best = 0;
  const ask = askedSentences(instruction);
  // A counted noun: "five vendors", "4 modules", but not "3 nights", "4 on Friday", "20% down".
  // `exec` from the start rather than `matchAll`, which copies the pattern on every call.
  COUNTED.lastIndex = 0;
  for (let match = COUNTED.exec(ask); match !== null; match = COUNTED.exec(ask)) {
    const token = match[1] ?? '';
    const n = /^\d/.test(token) ? Number(token) : (NUMBER_WORDS[token] ?? 0);
    const next = match[2] ?? '';
    if (n >= 3 && n <= 50 && !NOT_ITEMS.test(next) && !FUNCTION_WORD.test(next)) {
      best = Math.max(best, n);
    }
  }
  // Lists are read on the original text, where capitals tell names from aspects.
  best = Math.max(best, longestList(askedSentences(original), each));
  const numbered = instruction.match(/^[ \t]*(\d+[.)]|[-*•])[ \t]+\S/gm)?.length ?? 0;
  // In Chinese and Japanese, counted nouns and lists are read only when the work per item is
  // substantial (research, a review, a report): "東京、大阪、名古屋の天気" is one agent's look-ups.
  if (cjk.substantial) best = Math.max(best, countCjkItems(original));
  return Math.max(best, numbered);
}

/** "Each", substantial work and quick look-ups in Chinese and Japanese (none in other scripts). */
export function cjkForm(original: string): {
  each: boolean;
  substantial: boolean;
  trivial: boolean;
} {
  if (!hasCjk(original)) return NO_CJK;
  return {
    each: CJK_EACH.test(original),
    substantial: CJK_SUBSTANTIAL.test(original),
    trivial: CJK_TRIVIAL.test(original),
  };
}
const NO_CJK = { each: false, substantial: false, trivial: false } as const;

/** The longest list of three or more short items, mostly names, codes or ids: "DE, FR, NL and ES". */
function longestList(original: string, each: boolean): number {
  let best = 0;
  if (original.indexOf(',') < 0) return 0;
  for (const clause of original.split(CLAUSE_BREAK)) {
    if (clause.indexOf(',') < 0) continue;
    const parts = clause.split(LIST_SEPARATOR);
    if (parts.length < 3) continue;
    let items = 0;
    let entities = 0;
    for (let i = 0; i < parts.length; i++) {
      // The first item ends the clause's opening words, the last starts its closing words.
      const keep = i === 0 ? 'last' : i === parts.length - 1 ? 'first' : 'all';
      const item = listItem(parts[i] ?? '', keep);
      if (item === undefined) break;
      items++;
      if (ENTITY_ITEM.test(item)) entities++;
    }
    // Named things (DE, FR, NL; api-gateway, billing-svc) are items of work; after "each" any
    // list is, while a bare list of lower-case words is usually aspects of one task.
    if (items >= 3 && (each || (entities >= 2 && entities * 2 >= items))) {
      best = Math.max(best, items);
    }
  }
  return best;
}

/** Most words a list item may have. */
const MAX_ITEM_WORDS = 4;
/** Words kept of the first part (its last) and of the last part (its first). */
const EDGE_ITEM_WORDS = 3;
/** Where the words of a part start and end, reused: at most MAX_ITEM_WORDS + 1 are read. */
const wordStart = new Int32Array(MAX_ITEM_WORDS + 1);
const wordEnd = new Int32Array(MAX_ITEM_WORDS + 1);

/**
 * A list part's item: its words (split on white space) joined by one space, without trailing
 * punctuation; the last three words of the first part (`keep` 'last'), the first three of the
 * last ('first'), all of a middle one ('all'). `undefined` when the part has no word or a middle
 * one has more than four. Scans the part's characters rather than splitting it: every route with
 * a comma reads its clauses this way.
 */
function listItem(part: string, keep: 'first' | 'last' | 'all'): string | undefined {
  const limit = keep === 'all' ? MAX_ITEM_WORDS + 1 : EDGE_ITEM_WORDS;
  let count = 0;
  if (keep === 'last') {
    // From the end: the last words, stored last first.
    let i = part.length;
    while (count < limit) {
      while (i > 0 && isSpace(part.charCodeAt(i - 1))) i--;
      if (i === 0) break;
      const end = i;
      while (i > 0 && !isSpace(part.charCodeAt(i - 1))) i--;
      wordStart[count] = i;
      wordEnd[count] = end;
      count++;
    }
    if (count === 0) return undefined;
    let text = part.slice(wordStart[count - 1], wordEnd[count - 1]);
    for (let w = count - 2; w >= 0; w--) text += ` ${part.slice(wordStart[w], wordEnd[w])}`;
    return withoutTrailingPunctuation(text);
  }
  let i = 0;
  const n = part.length;
  while (count < limit) {
    while (i < n && isSpace(part.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    while (i < n && !isSpace(part.charCodeAt(i))) i++;
    wordStart[count] = start;
    wordEnd[count] = i;
    count++;
  }
  if (count === 0 || count > MAX_ITEM_WORDS) return undefined;
  let text = part.slice(wordStart[0], wordEnd[0]);
  for (let w = 1; w < count; w++) text += ` ${part.slice(wordStart[w], wordEnd[w])}`;
  return withoutTrailingPunctuation(text);
}

/** The text without the run of `.,;:!?` that ends it. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}
const TRAILING_PUNCTUATION = [0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f];

/** White space as `\s` and `String.prototype.trim` read it. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
