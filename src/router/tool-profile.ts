import type { ToolSpec } from '../core/task.ts';
import type { RequestAnalysis } from './analysis.ts';
import { identifierWords, normalize, stem, words } from './text.ts';
import { conceptsOf, familiesOf, isGenericWord, isStopWord } from './vocabulary.ts';

/** One meaningful word of a tool's name or description. */
interface ToolTerm {
  readonly stem: string;
  readonly concepts: readonly string[];
  readonly families: readonly string[];
  /** Evidence the word gives when the request mentions it. */
  readonly weight: number;
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

const profiles = new WeakMap<ToolSpec, ToolProfile>();

/** The profile of a tool, built on first use. Tool metadata is read once: tools are immutable. */
export function toolProfile(tool: ToolSpec): ToolProfile {
  let profile = profiles.get(tool);
  if (profile === undefined) {
    profile = buildProfile(tool);
    profiles.set(tool, profile);
  }
  return profile;
}

function buildProfile(tool: ToolSpec): ToolProfile {
  const byStem = new Map<string, ToolTerm>();
  const add = (word: string, weight: number) => {
    if (isStopWord(word) || /^\d+$/.test(word)) return;
    const s = stem(word);
    const w = isGenericWord(word) ? weight * GENERIC_FACTOR : weight;
    const existing = byStem.get(s);
    if (existing !== undefined && existing.weight >= w) return;
    const concepts = conceptsOf(s);
    byStem.set(s, {
      stem: s,
      concepts: concepts ?? [],
      families: familiesOf(concepts) ?? [],
      weight: w,
    });
  };
  const nameWords = identifierWords(tool.name);
  const descriptionWords = words(normalize(tool.description));
  for (const word of nameWords) add(word, NAME_WEIGHT);
  for (const word of descriptionWords) add(word, DESCRIPTION_WEIGHT);
  for (const word of identifierWords(tool.domain)) add(word, DOMAIN_WEIGHT);
  const verbs = tool.sideEffects ? actionWords(tool.name, nameWords, descriptionWords) : [];
  const first = nameWords[0];
  const nameVerb =
    first !== undefined && nameWords.length > 1 && !isStopWord(first) && !isGenericWord(first)
      ? byStem.get(stem(first))
      : undefined;
  return {
    nameVerb,
    terms: [...byStem.values()],
    verbs: verbs.map((word) => {
      const s = stem(word);
      const concepts = conceptsOf(s);
      return { stem: s, concepts: concepts ?? [], families: familiesOf(concepts) ?? [], weight: 1 };
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

/**
 * How much of the tool's vocabulary the request uses, by stem, shared concept or concept family:
 * the strongest matched term plus part of the others, each divided by how many tools of the
 * catalog share it.
 */
export function matchedWeight(
  profile: ToolProfile,
  request: RequestAnalysis,
  sharedBy: ReadonlyMap<string, number>,
): number {
  let total = 0;
  let strongest = 0;
  for (const term of profile.terms) {
    const share = 1 / (1 + 0.5 * ((sharedBy.get(term.stem) ?? 1) - 1));
    const evidence = matchStrength(term, request.stems, request.concepts, request.families);
    const weight = term.weight * share * evidence;
    total += weight;
    if (weight > strongest) strongest = weight;
  }
  // The strongest match counts fully, the others partly: one exact name match outweighs
  // several loose synonyms from a long description.
  return strongest + SUPPORTING_FACTOR * (total - strongest);
}

/** 1 for the same stem, {@link CONCEPT_MATCH} for a shared concept (a synonym or translation), else 0. */
function matchStrength(
  term: ToolTerm,
  stems: ReadonlySet<string>,
  concepts: ReadonlySet<string>,
  families: ReadonlySet<string>,
): number {
  if (stems.has(term.stem)) return 1;
  for (const concept of term.concepts) if (concepts.has(concept)) return CONCEPT_MATCH;
  for (const family of term.families) if (families.has(family)) return FAMILY_MATCH;
  return 0;
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

/** A catalog's tool profiles and how many of its tools use each stem. */
export interface CatalogIndex {
  readonly tools: readonly ToolSpec[];
  readonly profiles: readonly ToolProfile[];
  /** How many tools of the catalog use each stem, to discount words every tool shares. */
  readonly sharedBy: ReadonlyMap<string, number>;
}

const catalogs = new WeakMap<ToolSpec, CatalogIndex>();

/** The index of a tool catalog, reused while the same tools come in the same order. */
export function catalogIndex(tools: readonly ToolSpec[]): CatalogIndex {
  const first = tools[0];
  if (first === undefined) return { tools, profiles: [], sharedBy: new Map() };
  const cached = catalogs.get(first);
  if (cached !== undefined && sameTools(cached.tools, tools)) return cached;
  const profiles = tools.map(toolProfile);
  const sharedBy = new Map<string, number>();
  for (const profile of profiles) {
    for (const term of profile.terms) sharedBy.set(term.stem, (sharedBy.get(term.stem) ?? 0) + 1);
  }
  const index = { tools: [...tools], profiles, sharedBy };
  catalogs.set(first, index);
  return index;
}

function sameTools(a: readonly ToolSpec[], b: readonly ToolSpec[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
