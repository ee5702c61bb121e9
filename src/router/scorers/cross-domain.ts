import type { Scorer, SignalScore, ToolNeed } from '../scorer.ts';
import { countWord, joinWords } from '../wording.ts';

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
/** A tool of another domain counts when its score reaches this share of the top tool's... */
const SECOND_DOMAIN_SHARE = 0.4;
/** ...and this much. */
const SECOND_DOMAIN_FLOOR = 0.2;
/** The top tool's score from which the second domain's evidence counts fully. */
const FULL_NEED = 0.5;
/** crossDomain = (this + the second domain's own word match), scaled down while the top tool's score is under FULL_NEED. */
const SECOND_DOMAIN_BASE = 0.2;
const REVIEW =
  /\b(reviews?|assessments?|opinions?|sign[- ]?offs?|audits?|analys[ie]s|evaluations?|perspectives?|angles?|standpoints?|lens|point of view|pr[uü]fung\w*|revision\w*|revue|avis|parecer\w*|valutazion\w*)\b/;

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
    const byDomain = strongestPerDomain(
      candidateTools.filter(
        (c) => c.score >= Math.max(SECOND_DOMAIN_FLOOR, top * SECOND_DOMAIN_SHARE),
      ),
    );
    if (byDomain.length >= 2) {
      const second = byDomain[1];
      const evidence = second?.relevance ?? second?.score ?? 0;
      score = Math.max(
        score,
        Math.min(1, Math.min(1, top / FULL_NEED) * (SECOND_DOMAIN_BASE + evidence)),
      );
      const listed = byDomain.map((n) => `${n.tool.name} (${n.tool.domain})`);
      reasons.push(`draws on ${joinWords(listed)}: ${countWord(byDomain.length)} domains`);
    } else if (byDomain.length === 1 && byDomain[0] !== undefined) {
      reasons.push(`needed tools stay in one domain (${byDomain[0].tool.domain})`);
    }

    const disciplines = reviewedDisciplines(analysis.instruction);
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

function strongestPerDomain(needs: readonly ToolNeed[]): ToolNeed[] {
  const best = new Map<string, ToolNeed>();
  const strength = (n: ToolNeed) => n.relevance ?? n.score;
  for (const need of needs) {
    const domain = need.tool.domain;
    if (domain === 'general') continue;
    const current = best.get(domain);
    if (current === undefined || strength(need) > strength(current)) best.set(domain, need);
  }
  return [...best.values()].sort((a, b) => strength(b) - strength(a));
}

/**
 * Disciplines named as reviews: "a security review and a separate legal review", or "three
 * separate reviews: legal (...), security (...), finance (...)". A discipline counts when a review
 * word follows it closely, or when it is listed shortly after a plural review word.
 */
function reviewedDisciplines(text: string): string[] {
  const review = REVIEW.exec(text);
  if (review === null) return [];
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
