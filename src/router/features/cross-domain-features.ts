import { memoizeWeak } from '../../core/memoize-weak.ts';
import type { ToolSpec } from '../../core/task.ts';
import { type RequestAnalysis, testCue } from '../analysis.ts';
import { hasCjk } from '../cjk-concepts.ts';
import type { ToolNeed } from '../scorer.ts';
import { type SpecificTerms, specificTerms } from '../specific-terms.ts';
import { words } from '../text.ts';
import { anchorsFamilies, toolProfile } from '../tool-profile.ts';
import { type WordKey, wordKey } from '../vocabulary.ts';
import { askedSentences } from './asked-sentences.ts';
import { inSeparateAsks } from './separate-asks.ts';

const DISCIPLINES: readonly (readonly [string, RegExp])[] = [
  ['legal', /\b(legal|law|lawyer|counsel|juridi\w*|rechtlich\w*|legale)\b/],
  ['security', /\b(security|infosec|securite|sicherheit\w*|seguridad|sicurezza)\b/],
  ['privacy', /\b(privacy|data protection|gdpr|datenschutz\w*|confidentialite|privacidad)\b/],
  ['finance', /\b(financ\w*|accounting|tax|fiscal\w*|finanz\w*)\b/],
  ['medical', /\b(medical|clinical|medizinisch\w*|medic\w*|clinique)\b/],
  ['engineering', /\b(engineering|technical|architecture|technisch\w*|technique)\b/],
  ['hr', /\b(hr|human resources|people team)\b/],
  ['compliance', /\b(compliance|regulatory|konformitat)\b/],
  ['brand', /\b(brand|marketing)\b/],
];
export const REVIEW =
  /\b(reviews?|assessments?|opinions?|sign[- ]?offs?|audits?|analys[ie]s|evaluations?|perspectives?|angles?|standpoints?|lens|point of view|pr[uü]fung\w*|revision\w*|revue|avis|parecer\w*|valutazion\w*)\b/;

/**
 * A tool that only delivers, records or schedules a result (send, post, notify, invite, file a
 * ticket, add to a calendar): a channel, not a specialist domain.
 */
const CHANNEL =
  /\b(send|sends|email|e-mail|mail|message|messages|notify|notification|post|posts|publish|sms|text|slack|teams|chat|calendar|schedule|invite|remind|reminder|ticket|tickets|log|record|share|forward)\b/;

/** Whether a tool only delivers, records or schedules (by its name and the start of its description). */
export const isChannel: (tool: ToolSpec) => boolean = memoizeWeak(channelOf);

function channelOf(tool: ToolSpec): boolean {
  const words = `${tool.name.replace(/[^A-Za-z0-9]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')} ${tool.description.slice(0, 60)}`;
  return tool.sideEffects && CHANNEL.test(words.toLowerCase());
}

/** What the `crossDomain` model weighs besides the request's words. */
export interface CrossDomainEvidence {
  readonly features: Record<string, number>;
  /** The strongest needed tool of each domain, strongest first. */
  readonly domains: readonly ToolNeed[];
  readonly disciplines: readonly string[];
}

/**
 * How many distinct domains the needed tools span (all of them, and without channels), how
 * strongly the second domain is needed, how many disciplines the request asks to review, and
 * whether the domains are separate asks (read against `catalog`, the offered tools).
 */
export function crossDomainEvidence(
  analysis: RequestAnalysis,
  neededTools: readonly ToolNeed[],
  candidateTools: readonly ToolNeed[],
  toolUse: number,
  catalog?: readonly ToolSpec[],
): CrossDomainEvidence {
  const domains = strongestPerDomain(neededTools);
  const specialist = strongestPerDomain(neededTools.filter((n) => !isChannel(n.tool)));
  const candidates = strongestPerDomain(candidateTools.filter((n) => !isChannel(n.tool)));
  // The same spread judged by word relevance alone: a tool of another domain that matches the
  // request's words nearly as well as the best one.
  const best = Math.max(0, ...candidateTools.map((n) => n.relevance ?? 0));
  const matching = strongestPerDomain(
    candidateTools
      .filter((n) => !isChannel(n.tool) && (n.relevance ?? 0) >= Math.max(0.2, best * 0.4))
      .map((n) => ({ ...n, score: n.relevance ?? 0 })),
  );
  const disciplines = reviewedDisciplines(analysis);
  const b = (x: boolean) => (x ? 1 : 0);
  const [first, second] = specialist;
  // Read against the whole catalog: its index is the one the route already built and cached.
  const separate =
    first !== undefined &&
    second !== undefined &&
    inSeparateAsks(analysis, catalog ?? specialist.map((n) => n.tool), first.tool, second.tool);
  return {
    domains,
    disciplines,
    features: {
      toolUse,
      domains2: b(domains.length >= 2),
      specialistDomains2: b(specialist.length >= 2),
      specialistDomains3: b(specialist.length >= 3),
      secondDomainNeed: specialist[1]?.score ?? 0,
      candidateDomains2: b(candidates.length >= 2),
      secondCandidate: candidates[1]?.score ?? 0,
      matchingDomains2: b(matching.length >= 2),
      secondMatch: matching[1]?.score ?? 0,
      disciplines2: b(disciplines.length >= 2),
      disciplines3: b(disciplines.length >= 3),
      separateAsks: b(separate),
    },
  };
}

/**
 * Disciplines named as reviews: "a security review and a separate legal review", or "three
 * separate reviews: legal (...), security (...), finance (...)". A discipline counts when a review
 * word follows it closely, or when it is listed shortly after a plural review word.
 */
export function reviewedDisciplines(analysis: RequestAnalysis): string[] {
  // No review word, no reviewed discipline: the gate skips the pattern when none can be there.
  if (!testCue(analysis, REVIEW)) return [];
  const text = analysis.instruction;
  const named: string[] = [];
  for (const [name, pattern] of DISCIPLINES) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    for (const match of text.matchAll(new RegExp(pattern.source, flags))) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
      const before = text.slice(Math.max(0, match.index - 120), match.index);
      if (CLOSE_REVIEW.test(after) || LISTED_AFTER_REVIEWS.test(before)) {
        named.push(name);
        break;
      }
    }
  }
  return named;
}

/** A review word within two words after a discipline: "security review", "legal and privacy sign-off". */
const CLOSE_REVIEW =
  /^[\s/-]*(?:\S+\s+){0,2}?(reviews?|assessments?|opinions?|sign[- ]?offs?|audits?|analys[ie]s|evaluations?|angles?|perspectives?|standpoints?|lens|point of view|pr[uü]fung\w*|revision\w*|revue|avis|parecer\w*|valutazion\w*)\b/;
/** A plural review word before a list of disciplines: "three separate reviews: legal, security". */
const LISTED_AFTER_REVIEWS =
  /\b(reviews|assessments|opinions|sign[- ]?offs|audits|evaluations|perspectives)\b[^.?!]*$/;

/** The strongest tool of each domain other than `general`, strongest first. */
export function strongestPerDomain(
  needs: readonly ToolNeed[],
  strength: (need: ToolNeed) => number = (need) => need.score,
): ToolNeed[] {
  const best = new Map<string, ToolNeed>();
  for (const need of needs) {
    const domain = need.tool.domain;
    if (domain === 'general') continue;
    const current = best.get(domain);
    if (current === undefined || strength(need) > strength(current)) best.set(domain, need);
  }
  return [...best.values()].sort((a, b) => strength(b) - strength(a));
}

/**
 * The domains of `byDomain` (strongest first) that have evidence of their own: the first, and each
 * other whose tool matches a word of the request (by stem, concept or concept family) that the
 * first domain's tool does not match by stem or concept. "A moderately priced Chinese restaurant"
 * matches a flight search by "price", a word the restaurant search matches too: the flight search
 * rides on the restaurant's need (GUIDE: tools the request could use but does not need). Words
 * every tool uses ("get", "search") are no evidence here either. A request in Chinese or Japanese,
 * whose words are found as substrings, keeps every domain.
 */
export function withOwnEvidence(
  byDomain: readonly ToolNeed[],
  analysis: RequestAnalysis,
): readonly ToolNeed[] {
  const first = byDomain[0];
  if (byDomain.length < 2 || first === undefined || hasCjk(analysis.original)) return byDomain;
  // The stems the first domain's tool matches; each other domain needs one it matches besides.
  const firstTerms = specificTerms(toolProfile(first.tool));
  const explained = new Set<string>();
  for (const key of analysis.stemKeys) {
    if (matchesSpecific(key, firstTerms, false)) explained.add(key.stem);
  }
  // A family link is evidence only in a request anchored to data, as in toolUse (matchedWeights).
  const family = anchorsFamilies(analysis);
  return byDomain.filter((need) => {
    if (need === first) return true;
    const terms = specificTerms(toolProfile(need.tool));
    for (const key of analysis.stemKeys) {
      if (!explained.has(key.stem) && matchesSpecific(key, terms, family)) return true;
    }
    return false;
  });
}

/**
 * Whether the two strongest domains of `byDomain` both have a tool that matches a word of the
 * sentences that ask (`askedSentences`, questions included), as `withOwnEvidence` matches: in a
 * request of three sentences or more, a domain named only in the scene between does not count.
 * Always true for a shorter request, and for one in Chinese or Japanese, whose words are found as
 * substrings.
 */
export function namedWhereAsked(byDomain: readonly ToolNeed[], analysis: RequestAnalysis): boolean {
  const ask = askedSentences(analysis.instruction, true);
  if (ask === analysis.instruction || hasCjk(analysis.original)) return true;
  const keys = words(ask).map(wordKey);
  return byDomain.slice(0, 2).every((need) => {
    const terms = specificTerms(toolProfile(need.tool));
    return keys.some((key) => !key.stop && matchesSpecific(key, terms, true));
  });
}

/**
 * Whether a stem of the request (each once, with its concepts and families: every word of a stem
 * has the same) matches one of the tool's specific terms by stem, concept or (with `family`)
 * concept family.
 */
function matchesSpecific(key: WordKey, terms: SpecificTerms, family: boolean): boolean {
  return (
    terms.stems.has(key.stem) ||
    anyIn(key.concepts, terms.concepts) ||
    (family && anyIn(key.families, terms.families))
  );
}

function anyIn(items: readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  if (items === undefined) return false;
  for (const item of items) if (set.has(item)) return true;
  return false;
}
