import { memoizeWeak } from '../core/memoize-weak.ts';
import type { ToolSpec } from '../core/task.ts';
import type { RequestAnalysis } from './analysis.ts';
import { type ToolKinds, toolKinds } from './features/tool-kinds.ts';
import { identifierWords, normalize, stem, words } from './text.ts';
import { conceptsOf, familiesOf, isGenericWord, isStopWord } from './vocabulary.ts';

/** One meaningful word of a tool's name or description. */
interface ToolTerm {
  readonly stem: string;
  readonly concepts: readonly string[];
  readonly families: readonly string[];
  /** Evidence the word gives when the request mentions it. */
  readonly weight: number;
  /** A word common to most tool descriptions ("get", "search", "time"): support, never evidence alone. */
  readonly generic: boolean;
}

/** A tool's words, prepared once and cached for as long as the tool object lives. */
export interface ToolProfile {
  readonly terms: readonly ToolTerm[];
  /**
   * The action words of a tool with side effects: the verbs its description opens with
   * ("Book, move or cancel a patient appointment") and the first word of its name. A request
   * needs such a tool only if it asks for that action.
   */
  readonly verbs: readonly ToolTerm[];
  /** The first word of the tool's name when it is a specific action (`run`, `translate`, `book`), not `get` or `list`. */
  readonly nameVerb: ToolTerm | undefined;
  /** The general-purpose capabilities the tool offers (web search, calculator, database query, shell). */
  readonly kinds: ToolKinds;
}

const NAME_WEIGHT = 1;
const DESCRIPTION_WEIGHT = 0.5;
const DOMAIN_WEIGHT = 0.4;
const GENERIC_FACTOR = 0.25;
/** A synonym or translation is weaker evidence than the same word. */
const CONCEPT_MATCH = 0.75;
/** Related concepts (rain and weather) are weaker evidence still. */
const FAMILY_MATCH = 0.45;
/** Share of the evidence beyond the strongest match that counts. */
const SUPPORTING_FACTOR = 0.5;

/** Most tool profiles {@link toolProfile} keeps by content: a few kilobytes each. */
export const PROFILE_CACHE_SIZE = 4096;

/** The latest profiles by content, oldest first (a `Map` keeps insertion order). */
const byContent = new Map<string, ToolProfile>();

/**
 * The profile of a tool, built on first use. Tool metadata is read once: tools are immutable.
 * The same tool object is found by identity; a new object with the same metadata (each line of
 * a JSONL file, or a service that builds its tool list per request) is found by its content
 * among the {@link PROFILE_CACHE_SIZE} latest, so a stream of distinct tools cannot grow the
 * cache without limit.
 */
export const toolProfile: (tool: ToolSpec) => ToolProfile = memoizeWeak(profileByContent);

function profileByContent(tool: ToolSpec): ToolProfile {
  const key = contentKey(tool);
  const found = byContent.get(key);
  if (found !== undefined) {
    // Seen again: make it the latest, so the least recently used is evicted first.
    byContent.delete(key);
    byContent.set(key, found);
    return found;
  }
  const profile = buildProfile(tool);
  byContent.set(key, profile);
  if (byContent.size > PROFILE_CACHE_SIZE) {
    const oldest = byContent.keys().next().value;
    if (oldest !== undefined) byContent.delete(oldest);
  }
  return profile;
}

/** Everything a profile is built from: the name, description, domain and the three flags. */
function contentKey(tool: ToolSpec): string {
  const flags =
    (tool.untrustedInput ? 1 : 0) | (tool.sensitiveData ? 2 : 0) | (tool.sideEffects ? 4 : 0);
  // A name has no white space, so the line break ends it; the flags are one digit, and the
  // domain's length says where the description starts.
  return `${tool.name}\n${flags}${tool.domain.length}\n${tool.domain}${tool.description}`;
}

function buildProfile(tool: ToolSpec): ToolProfile {
  const byStem = new Map<string, ToolTerm>();
  const add = (word: string, weight: number) => {
    if (isStopWord(word) || /^\d+$/.test(word)) return;
    const s = stem(word);
    const generic = isGenericWord(word);
    const w = generic ? weight * GENERIC_FACTOR : weight;
    const existing = byStem.get(s);
    if (existing !== undefined && existing.weight >= w) return;
    const concepts = conceptsOf(s);
    byStem.set(s, {
      stem: s,
      concepts: concepts ?? [],
      families: familiesOf(concepts) ?? [],
      weight: w,
      generic,
    });
  };
  const nameWords = identifierWords(tool.name);
  const descriptionWords = words(normalize(tool.description));
  for (const word of nameWords) add(word, NAME_WEIGHT);
  for (const word of descriptionWords) add(word, DESCRIPTION_WEIGHT);
  const ownSpecific = [...byStem.values()].some((term) => !term.generic);
  for (const word of identifierWords(tool.domain)) add(word, DOMAIN_WEIGHT);
  const verbs = tool.sideEffects ? actionWords(tool.name, nameWords, descriptionWords) : [];
  const first = nameWords[0];
  const nameVerb =
    first !== undefined && nameWords.length > 1 && !isStopWord(first) && !isGenericWord(first)
      ? byStem.get(stem(first))
      : undefined;
  return {
    nameVerb,
    kinds: toolKinds(tool),
    // A tool named and described only in words every tool uses ("search", "get the current time")
    // has no other words to be matched by: there, those words are its evidence.
    terms: ownSpecific
      ? [...byStem.values()]
      : [...byStem.values()].map((term) => ({ ...term, generic: false })),
    verbs: verbs.map((word) => {
      const s = stem(word);
      const concepts = conceptsOf(s);
      const generic = isGenericWord(word);
      return {
        stem: s,
        concepts: concepts ?? [],
        families: familiesOf(concepts) ?? [],
        weight: 1,
        generic,
      };
    }),
  };
}

/**
 * "Book, move or cancel a ..." gives book, move, cancel; `reply_to_ticket` gives reply;
 * `flight.book` gives flight and book.
 */
function actionWords(
  name: string,
  nameWords: readonly string[],
  descriptionWords: readonly string[],
): string[] {
  const verbs: string[] = [];
  const first = descriptionWords[0];
  if (first !== undefined && !isStopWord(first)) {
    verbs.push(first);
    for (let i = 1; i < Math.min(descriptionWords.length - 1, 5); i++) {
      const word = descriptionWords[i] ?? '';
      if (word !== 'or' && word !== 'and') continue;
      verbs.push(descriptionWords[i - 1] ?? '', descriptionWords[i + 1] ?? '');
      break;
    }
  }
  if (nameWords[0] !== undefined) verbs.push(nameWords[0]);
  const last = nameWords[nameWords.length - 1];
  if (last !== undefined && /[./]/.test(name)) verbs.push(last);
  return [...new Set(verbs)].filter((word) => !isStopWord(word));
}

/** True when the request uses the specific action word that opens the tool's name ("run it" for `run_python`). */
export function namesAction(profile: ToolProfile, request: RequestAnalysis): boolean {
  const verb = profile.nameVerb;
  return verb !== undefined && request.stems.has(verb.stem);
}

/** True when the request asks for one of the tool's actions (always true for tools without side effects). */
export function asksForAction(profile: ToolProfile, request: RequestAnalysis): boolean {
  if (profile.verbs.length === 0) return true;
  for (const verb of profile.verbs) if (matches(verb, request.stems, request.concepts)) return true;
  return false;
}

function matches(
  term: ToolTerm,
  stems: ReadonlySet<string>,
  concepts: ReadonlySet<string>,
): boolean {
  if (stems.has(term.stem)) return true;
  for (const concept of term.concepts) if (concepts.has(concept)) return true;
  return false;
}

/**
 * A catalog's tool profiles with an inverted index of their terms: matching a request costs in
 * proportion to the request's words and the catalog's size, with no lookup per tool term.
 */
export interface CatalogIndex {
  /** The profile of each tool, in the catalog's order. */
  readonly profiles: readonly ToolProfile[];
  /** Every tool's terms, flattened: tool i owns terms `termStart[i]` to `termStart[i + 1]`. */
  readonly termStart: Int32Array;
  /** Each term's weight, discounted by how many tools of the catalog share its stem. */
  readonly termWeight: Float64Array;
  /** 1 for a term that is a generic word (see {@link ToolTerm.generic}). */
  readonly termGeneric: Uint8Array;
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly byConcept: ReadonlyMap<string, readonly number[]>;
  readonly byFamily: ReadonlyMap<string, readonly number[]>;
}

/** Catalog indexes by the profile of their first tool: one entry lives as long as that profile. */
const catalogs = new WeakMap<ToolProfile, CatalogIndex>();

/**
 * The index of a tool catalog, reused while tools of the same content come in the same order:
 * equal tools share a profile (see {@link toolProfile}), so the profiles identify the catalog.
 */
export function catalogIndex(tools: readonly ToolSpec[]): CatalogIndex {
  const profiles = tools.map(toolProfile);
  const first = profiles[0];
  const cached = first === undefined ? undefined : catalogs.get(first);
  if (cached !== undefined && sameProfiles(cached.profiles, profiles)) return cached;
  const index = buildIndex(profiles);
  if (first !== undefined) catalogs.set(first, index);
  return index;
}

function buildIndex(profiles: readonly ToolProfile[]): CatalogIndex {
  const sharedBy = new Map<string, number>();
  for (const profile of profiles) {
    for (const term of profile.terms) sharedBy.set(term.stem, (sharedBy.get(term.stem) ?? 0) + 1);
  }
  const termStart = new Int32Array(profiles.length + 1);
  const weights: number[] = [];
  const generic: number[] = [];
  const byStem = new Map<string, number[]>();
  const byConcept = new Map<string, number[]>();
  const byFamily = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, term: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [term]);
    else list.push(term);
  };
  profiles.forEach((profile, i) => {
    termStart[i] = weights.length;
    for (const term of profile.terms) {
      const id = weights.length;
      weights.push(term.weight / (1 + 0.5 * ((sharedBy.get(term.stem) ?? 1) - 1)));
      generic.push(term.generic ? 1 : 0);
      post(byStem, term.stem, id);
      for (const concept of term.concepts) post(byConcept, concept, id);
      for (const family of term.families) post(byFamily, family, id);
    }
  });
  termStart[profiles.length] = weights.length;
  return {
    profiles,
    termStart,
    termWeight: Float64Array.from(weights),
    termGeneric: Uint8Array.from(generic),
    byStem,
    byConcept,
    byFamily,
  };
}

/**
 * Whether the request is anchored to data a tool holds, so that a loose concept-family link counts
 * as evidence of a tool (see {@link matchedWeights}): it names a record, asks for current state,
 * speaks of "my" or "our" data, or asks about the state of something.
 */
export function anchorsFamilies({ cues }: Pick<RequestAnalysis, 'cues'>): boolean {
  return cues.identifier || cues.fresh || cues.owned || cues.lookup;
}

/**
 * How much of each tool's vocabulary the request uses, by stem (1), shared concept
 * ({@link CONCEPT_MATCH}) or concept family ({@link FAMILY_MATCH}): per tool, the strongest
 * matched term plus part of the others.
 *
 * A family link is loose (a film and a ticket are both entertainment; an answer and a helpdesk
 * are both customer support), so it counts only in a request anchored to the catalog: one of its
 * words matches a specific word of some tool by stem or concept, or `anchored` says the request
 * names a record, asks for current state, speaks of "my" or "our" data or asks about the state of
 * something. Alone, in an everyday prompt,
 * such links named a needed tool 8% of the time in the labeled data (426 of 5,383).
 */
export function matchedWeights(
  index: CatalogIndex,
  request: Pick<RequestAnalysis, 'stems' | 'concepts' | 'families'>,
  anchored = true,
): Float64Array {
  const evidence = evidenceFor(index.termWeight.length);
  mark(evidence, request.stems, index.byStem, 1);
  mark(evidence, request.concepts, index.byConcept, CONCEPT_MATCH);
  if (anchored || matchesSpecificTerm(index, evidence))
    mark(evidence, request.families, index.byFamily, FAMILY_MATCH);
  const out = new Float64Array(index.profiles.length);
  for (let tool = 0; tool < out.length; tool++) {
    let total = 0;
    let strongest = 0;
    let specific = false;
    const end = index.termStart[tool + 1] ?? 0;
    for (let term = index.termStart[tool] ?? 0; term < end; term++) {
      const weight = (index.termWeight[term] ?? 0) * (evidence[term] ?? 0);
      total += weight;
      if (weight > strongest) strongest = weight;
      if (weight > 0 && index.termGeneric[term] === 0) specific = true;
    }
    // The strongest match counts fully, the others partly: one exact name match outweighs
    // several loose synonyms from a long description. Words every tool uses ("get", "find",
    // "search", "time") only support a specific word: alone, they are everyday speech.
    out[tool] = specific ? strongest + SUPPORTING_FACTOR * (total - strongest) : 0;
  }
  return out;
}

/**
 * The evidence of each term, one scratch array reused by every call (zeroed first): a typed
 * array this size is allocated outside the heap, which costs more than the matching itself.
 */
let scratch = new Float64Array(1024);

function evidenceFor(terms: number): Float64Array {
  if (scratch.length < terms) scratch = new Float64Array(Math.max(terms, scratch.length * 2));
  scratch.fill(0, 0, terms);
  return scratch;
}

/** Whether a specific (not generic) term of some tool has evidence. */
function matchesSpecificTerm(index: CatalogIndex, evidence: Float64Array): boolean {
  for (let term = 0; term < index.termWeight.length; term++) {
    if ((evidence[term] ?? 0) > 0 && index.termGeneric[term] === 0) return true;
  }
  return false;
}

/** Raises the evidence of every term posted under one of `keys` to `strength`. */
function mark(
  evidence: Float64Array,
  keys: ReadonlySet<string>,
  postings: ReadonlyMap<string, readonly number[]>,
  strength: number,
): void {
  for (const key of keys) {
    const terms = postings.get(key);
    if (terms === undefined) continue;
    for (const term of terms) if ((evidence[term] ?? 0) < strength) evidence[term] = strength;
  }
}

function sameProfiles(a: readonly ToolProfile[], b: readonly ToolProfile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
