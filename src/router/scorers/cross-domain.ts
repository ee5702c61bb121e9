import type { RequestAnalysis } from '../analysis.ts';
import { hasCjk } from '../cjk-concepts.ts';
import {
  namedWhereAsked,
  reviewedDisciplines,
  strongestPerDomain,
  withOwnEvidence,
} from '../features/cross-domain-features.ts';
import { inSeparateAsks } from '../features/separate-asks.ts';
import type { Scorer, SignalScore } from '../scorer.ts';
import { toolProfile } from '../tool-profile.ts';
import { countWord, joinWords, toolLabel } from '../wording.ts';

// The hand-weighted default scorer of the crossDomain signal; see docs/routing.md.

/** A tool of another domain counts when its score reaches this share of the top tool's... */
const SECOND_DOMAIN_SHARE = 0.4;
/** ...and this much. */
const SECOND_DOMAIN_FLOOR = 0.2;
/** The top tool's score from which the second domain's evidence counts fully. */
const FULL_NEED = 0.5;
/** crossDomain = (this + the second domain's own word match), scaled down while the top tool's score is under FULL_NEED. */
const SECOND_DOMAIN_BASE = 0.2;
/** Requests shorter than this many words keep a share of the domain-spread score in proportion. */
const FULL_LENGTH = 20;
/** Separate asks are checked only for a score this high (below, the signal is not set anyway)... */
const SEPARATE_MIN = 0.3;
/** ...and keep this share of it. */
const SEPARATE_SHARE = 0.4;
/**
 * Default `crossDomain` scorer: the needed tools span two or more domains, the request asks for
 * separate expert reviews from two or more named disciplines, or the caller's hints name two
 * or more domains.
 */
export const crossDomainScorer: Scorer = {
  name: 'domain-spread',
  signal: 'crossDomain',
  score({ task, analysis, neededTools, candidateTools }): SignalScore {
    const reasons: string[] = [];
    let score = 0;

    const top = neededTools[0]?.score ?? 0;
    // A calculator or code runner does arithmetic for the answer: no specialist domain (GUIDE).
    const spread = strongestPerDomain(
      candidateTools.filter(
        (c) =>
          c.score >= Math.max(SECOND_DOMAIN_FLOOR, top * SECOND_DOMAIN_SHARE) &&
          !toolProfile(c.tool).kinds.compute,
      ),
      (n) => n.relevance ?? n.score,
    );
    // A second domain counts only on words of its own, not on words the first domain's tool matches.
    const byDomain = withOwnEvidence(spread, analysis);
    // In a long request, the two domains must both be named where it asks, not only in its scene.
    if (byDomain.length >= 2 && !namedWhereAsked(byDomain, analysis)) {
      reasons.push(
        `draws on ${joinWords(byDomain.slice(0, 2), toolLabel)}, but the sentences that ask name only one of them; the other is in the scene the request sets`,
      );
    } else if (byDomain.length >= 2) {
      const second = byDomain[1];
      const evidence = second?.relevance ?? second?.score ?? 0;
      score = Math.max(
        score,
        Math.min(1, Math.min(1, top / FULL_NEED) * (SECOND_DOMAIN_BASE + evidence)),
      );
      // Two substantive pieces of work, combined, take words to ask for: a short request that
      // matches tools of two domains is one ask with a weak second match, or two quick look-ups.
      const length = wordsIn(analysis);
      if (length < FULL_LENGTH) score *= length / FULL_LENGTH;
      const first = byDomain[0];
      if (
        score >= SEPARATE_MIN &&
        first &&
        second &&
        inSeparateAsks(analysis, task.tools, first.tool, second.tool)
      ) {
        score *= SEPARATE_SHARE;
        reasons.push(
          `draws on ${joinWords(byDomain, toolLabel)}, asked for in separate asks that use nothing of each other: one agent makes those calls`,
        );
      } else {
        const short = length < FULL_LENGTH ? `, in a request of ${Math.round(length)} words` : '';
        reasons.push(
          `draws on ${joinWords(byDomain, toolLabel)}: ${countWord(byDomain.length)} domains${short}`,
        );
      }
    } else if (byDomain.length === 1 && byDomain[0] !== undefined) {
      reasons.push(`needed tools stay in one domain (${byDomain[0].tool.domain})`);
    }

    const disciplines = reviewedDisciplines(analysis);
    if (disciplines.length >= 2) {
      score = Math.max(score, 0.9);
      reasons.push(`asks for reviews from ${joinWords(disciplines)}`);
    }

    const hinted = new Set(
      (task.hints?.domains ?? []).map((d) => d.toLowerCase()).filter((d) => d !== 'general'),
    );
    if (hinted.size >= 2) {
      score = 1;
      reasons.push(`hints name ${hinted.size} domains: ${joinWords([...hinted])}`);
    }
    return { score, reasons };
  },
};

/** Words of the instruction; in scripts written without spaces, one word per 1.5 characters. */
function wordsIn(analysis: RequestAnalysis): number {
  const { words } = analysis;
  // Only the length below FULL_LENGTH matters; most requests in spaced scripts are past it.
  if (words.length >= FULL_LENGTH || !hasCjk(analysis.original)) return words.length;
  const han = analysis.original.match(WITHOUT_SPACES);
  return words.length + (han === null ? 0 : han.length / 1.5);
}

/** Scripts written without spaces between words: Chinese, Japanese kana and Korean syllables. */
const WITHOUT_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
