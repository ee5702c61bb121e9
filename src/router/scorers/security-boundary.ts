import { mayMatchCue, testCue } from '../analysis.ts';
import {
  asksOnlyToRead,
  COMPARED,
  followedBy,
  MESSAGE_LENGTH,
  OTHERS,
  OUTSIDE_ORIGIN,
  RESTRICTED,
  WIDE_AUDIENCE,
} from '../features/security-features.ts';
import type { Scorer, SignalScore, ToolNeed } from '../scorer.ts';
import { joinWords } from '../wording.ts';

// The hand-weighted default scorer of the securityBoundary signal; see docs/routing.md.

/** A tool counts towards a leg of the Rule of Two from this score: weaker evidence than "needed". */
const CANDIDATE_FLOOR = 0.2;

interface Leg {
  readonly strength: number;
  readonly evidence: string;
}

/**
 * Default `securityBoundary` scorer: one agent would break the Rule of Two, holding together
 * (A) untrusted content, (B) sensitive data and (C) side effects or outward communication,
 * judged over the needed tools and cues in the text; or the request mixes data of different
 * clearance levels or tenants in one context that is then sent on.
 */
export const securityBoundaryScorer: Scorer = {
  name: 'rule-of-two',
  signal: 'securityBoundary',
  score({ analysis, candidateTools }): SignalScore {
    const { cues } = analysis;
    const untrusted =
      strongest(candidateTools, (n) => n.tool.untrustedInput, 'untrusted') ??
      (analysis.material.length >= MESSAGE_LENGTH && testCue(analysis, OUTSIDE_ORIGIN)
        ? { strength: 0.8, evidence: 'outside content pasted into the request' }
        : undefined);
    const sensitive = strongest(candidateTools, (n) => n.tool.sensitiveData, 'sensitive');
    // A request that only asks to be told ("How many reviews did we get in April?") needs no
    // side effect, whatever acting tools are on offer. Read only when an acting tool is.
    const offered = cues.holdAction
      ? undefined
      : strongest(candidateTools, (n) => n.tool.sideEffects, 'acting');
    const readOnly = offered !== undefined && asksOnlyToRead(analysis);
    const acting = readOnly ? undefined : offered;

    const reasons: string[] = [];
    let score = 0;
    const legs = [untrusted, sensitive, acting];
    const held = legs.filter((leg): leg is Leg => leg !== undefined);
    if (held.length === 3) {
      score = Math.min(...held.map((leg) => leg.strength));
      reasons.push(
        `would ${joinWords(held.map((leg) => leg.evidence))}: all three of the Rule of Two`,
      );
    } else if (held.length > 0) {
      score = held.length === 2 ? 0.3 * Math.min(...held.map((leg) => leg.strength)) : 0;
      const missing = [
        untrusted ? undefined : 'no untrusted content',
        sensitive ? undefined : 'no sensitive data',
        acting
          ? undefined
          : cues.holdAction
            ? 'no side effect (asked not to act)'
            : readOnly
              ? 'no side effect (only asks to be told)'
              : 'no side effect',
      ].filter((x): x is string => x !== undefined);
      reasons.push(`Rule of Two holds: ${joinWords(missing)}`);
    }

    const mix = sensitive !== undefined || acting !== undefined;
    if (
      mix &&
      mayMatchCue(analysis, RESTRICTED) &&
      followedBy(analysis.instruction, RESTRICTED, WIDE_AUDIENCE)
    ) {
      score = Math.max(score, 0.8);
      reasons.push('moves restricted data to a wider audience');
    } else if (
      acting !== undefined &&
      sensitive !== undefined &&
      mayMatchCue(analysis, COMPARED) &&
      followedBy(analysis.instruction, COMPARED, OTHERS)
    ) {
      score = Math.max(score, 0.6);
      reasons.push("would combine different tenants' data and send it on");
    }
    return { score, reasons };
  },
};

function strongest(
  needs: readonly ToolNeed[],
  has: (need: ToolNeed) => boolean,
  kind: 'untrusted' | 'sensitive' | 'acting',
): Leg | undefined {
  const need = needs.find((n) => n.score >= CANDIDATE_FLOOR && has(n));
  if (need === undefined) return undefined;
  const verb =
    kind === 'untrusted'
      ? 'read untrusted'
      : kind === 'sensitive'
        ? 'touch sensitive'
        : 'act through';
  return {
    strength: Math.min(1, need.score + 0.3),
    evidence: `${verb} ${need.tool.name} (${need.tool.domain})`,
  };
}
