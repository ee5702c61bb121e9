import { CONCEPTS } from './lexicon.ts';
import { stem } from './text.ts';
import type { WordOpens } from './word-gate.ts';

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
    'filter filtered status type name number amount id ids using based specific all multiple optional ' +
    // Words a description qualifies with ("at today's rate") and its everyday verbs ("Helps you
    // make the best...", "Provides...").
    'today provide provides providing help helps assist assists make makes best allow allows offer offers'
  ).split(' '),
);

let conceptsByStem: Map<string, readonly string[]> | undefined;

/**
 * Families of related concepts: rain and temperature are both weather, a refund and a charge are
 * both payments. A match within a family is weaker evidence than a shared concept.
 */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  weather: ['precipitation', 'temperature', 'wind', 'air_quality', 'sun'],
  payment: ['charge', 'refund', 'chargeback', 'transaction', 'transfer', 'bank'],
  stock_market: ['investment', 'crypto'],
  travel: [
    'flight',
    'hotel',
    'booking',
    'luggage',
    'rental',
    'transit',
    'ride',
    'route',
    'parking',
    'vehicle',
    'fuel',
    'visa',
  ],
  math: [
    'calculate',
    'sum',
    'arithmetic',
    'average',
    'statistics',
    'probability',
    'factorial',
    'prime',
    'number_theory',
    'equation',
    'calculus',
    'exponent',
    'matrix',
    'sequence',
    'percentage',
    'geometry_2d',
    'geometry_3d',
    'area',
    'perimeter',
    'angle',
  ],
  physics: ['electricity_physics', 'pressure', 'density', 'speed'],
  hr: [
    'employee',
    'salary',
    'payroll',
    'leave',
    'benefits',
    'working_hours',
    'departure',
    'onboarding',
    'candidate',
    'job',
    'interview',
  ],
  medical: [
    'patient',
    'doctor',
    'nurse',
    'hospital',
    'prescription',
    'lab',
    'diagnosis',
    'symptom',
    'imaging',
    'procedure',
    'medical_record',
    'referral',
  ],
  code: ['repository', 'pull_request', 'test', 'ci', 'debug', 'programming_language', 'dependency'],
  monitoring: ['incident', 'latency', 'availability', 'metrics', 'oncall', 'error'],
  security: [
    'vulnerability',
    'fraud',
    'malware',
    'password',
    'secret',
    'login',
    'access',
    'firewall',
    'breach',
  ],
  entertainment: ['music', 'movie', 'event_ticket', 'tv'],
  sport: ['match'],
  sales: ['lead', 'deal', 'crm', 'quote', 'contact'],
  order: ['shipment', 'track', 'cart', 'return_item'],
  legal: ['contract', 'clause', 'litigation', 'statute', 'compliance', 'liability'],
  food: ['restaurant', 'recipe', 'drink'],
  unit: ['length', 'weight', 'volume', 'distance'],
  energy: ['utility_meter'],
  maintenance: ['fix'],
  tax: ['customs'],
  document: ['folder', 'attachment'],
  database: ['table'],
  calendar: ['weekday'],
  purchasing: ['vendor', 'procurement', 'payable', 'invoice'],
  customer_support: ['ticket', 'support', 'helpcenter', 'complaint', 'reply'],
  business_metrics: [
    'revenue',
    'churn',
    'conversion',
    'signup',
    'trial',
    'analytics',
    'engagement',
  ],
};

const familyOf = new Map<string, string>();
for (const [family, members] of Object.entries(FAMILIES)) {
  familyOf.set(family, family);
  for (const member of members) familyOf.set(member, family);
}

/** A word's stem and concepts, as the matcher uses them. */
export interface WordKey {
  /** The word carries no meaning for matching (see `isStopWord`). */
  readonly stop: boolean;
  readonly stem: string;
  readonly concepts: readonly string[] | undefined;
  /** The families of its concepts. */
  readonly families: readonly string[] | undefined;
  /**
   * A slot for analysis.ts: the cue patterns this word may open (word-gate.ts), read on first
   * use. Kept here so that a request's words are looked up once.
   */
  cueGate: WordOpens | undefined;
}

const wordKeys = new Map<string, WordKey>();
const WORD_KEY_CACHE_LIMIT = 50_000;

/** The stem and concepts of a word, memoized: requests reuse a small vocabulary. */
export function wordKey(word: string): WordKey {
  let key = wordKeys.get(word);
  if (key === undefined) {
    const s = stem(word);
    const concepts = conceptsOf(s);
    key = {
      stop: isStopWord(word),
      stem: s,
      concepts,
      families: familiesOf(concepts),
      cueGate: undefined,
    };
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

/** The families the given concepts belong to, or none. */
export function familiesOf(concepts: readonly string[] | undefined): readonly string[] | undefined {
  if (concepts === undefined) return undefined;
  const families: string[] = [];
  for (const concept of concepts) {
    const family = familyOf.get(concept);
    if (family !== undefined && !families.includes(family)) families.push(family);
  }
  return families.length > 0 ? families : undefined;
}

/** True for words that should be ignored entirely. */
export function isStopWord(word: string): boolean {
  return word.length < 2 || STOP_WORDS.has(word);
}

/** True for words too common in tool descriptions to identify a tool. */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}
