import type { RequestAnalysis } from '../analysis.ts';
import { oneAnswer } from './answer-forms.ts';
import { NUMBER_WORDS } from './number-words.ts';

const COUNTED = new RegExp(
  `\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}) +([a-z][a-z-]{2,})`,
  'g',
);
/** Units and calendar words after a number: "12 May", "3 nights", "25 years" count nothing. */
const NOT_ITEMS =
  /^(am|pm|h|hours?|hrs?|minutes?|mins?|seconds?|days?|nights?|weeks?|months?|years?|times|percent|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|kg|cm|km|mm|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?|miles?|people|persons?|guests?|seats?|users?|shares?|units?|pieces?|tickets? for|travell?ers|students|employees|customers|participants|members|hosts|players|kids|children|adults|individuals|attendees|blocks|meters|metres|feet|inches|pounds|lbs|dollars|euros|letter|characters|digits|numbers|points|games|rounds|stars|tage|tagen|wochen|monate|jahre|stunden|minuten|jours|semaines|mois|ans|heures|dias|semanas|meses|anos|horas|minutos|giorni|settimane|mesi|anni|ore|dagen|weken|maanden|jaar|uur|personen|personnes|personas|persone|studenten|etudiants|estudiantes|studenti)$/;
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
  const each = EACH.test(text);
  const items = countItems(text, analysis.original, each);
  // Without three items of work, what the work per item is does not matter.
  if (items < 3) return own;
  const steps = new Set(text.match(STEP) ?? []).size;
  const substantial = SUBSTANTIAL.test(text) || steps >= 2;
  const trivial = TRIVIAL.test(text);
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

/** How many items of work the request counts ("five vendors"), lists or numbers. */
export function countItems(instruction: string, original: string, each: boolean): number {
  let best = 0;
  // A counted noun: "five vendors", "4 modules", but not "3 nights", "4 on Friday", "20% down".
  for (const match of instruction.matchAll(COUNTED)) {
    const token = match[1] ?? '';
    const n = /^\d/.test(token) ? Number(token) : (NUMBER_WORDS[token] ?? 0);
    const next = match[2] ?? '';
    if (n >= 3 && n <= 50 && !NOT_ITEMS.test(next) && !FUNCTION_WORD.test(next)) {
      best = Math.max(best, n);
    }
  }
  // Lists are read on the original text, where capitals tell names from aspects.
  best = Math.max(best, longestList(original, each));
  const numbered = instruction.match(/^[ \t]*(\d+[.)]|[-*•])[ \t]+\S/gm)?.length ?? 0;
  return Math.max(best, numbered);
}

/** The longest list of three or more short items, mostly names, codes or ids: "DE, FR, NL and ES". */
function longestList(original: string, each: boolean): number {
  let best = 0;
  if (original.indexOf(',') < 0) return 0;
  for (const clause of original.split(CLAUSE_BREAK)) {
    if (clause.indexOf(',') < 0) continue;
    const parts = clause.split(LIST_SEPARATOR);
    if (parts.length < 3) continue;
    const items: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = (parts[i] ?? '').trim().split(/\s+/);
      // The first item ends the clause's opening words, the last starts its closing words.
      const item = i === 0 ? part.slice(-3) : i === parts.length - 1 ? part.slice(0, 3) : part;
      if (item.length > 4 || item[0] === '') break;
      items.push(item.join(' ').replace(/[.,;:!?]+$/, ''));
    }
    const entities = items.filter((item) => ENTITY_ITEM.test(item)).length;
    // Named things (DE, FR, NL; api-gateway, billing-svc) are items of work; after "each" any
    // list is, while a bare list of lower-case words is usually aspects of one task.
    if (items.length >= 3 && (each || (entities >= 2 && entities * 2 >= items.length))) {
      best = Math.max(best, items.length);
    }
  }
  return best;
}
