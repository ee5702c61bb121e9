import type { RequestCues } from '../analysis.ts';
import type { Scorer, SignalScore, ToolNeed } from '../scorer.ts';
import { asksForAction, catalogIndex, matchedWeight } from '../tool-profile.ts';

/** Matched weight at which a tool's relevance reaches 1 - 1/e. */
const RELEVANCE_SCALE = 1.2;
/** A tool with side effects whose action the request does not ask for keeps this share of its relevance. */
const UNASKED_ACTION = 0.4;
/** A tool is needed when its score reaches this share of the best tool's score... */
const RELATIVE_CUT = 0.55;
/** ...and at least this much. */
const ABSOLUTE_CUT = 0.3;

/**
 * Default `toolUse` scorer: how strongly the request needs one of the offered tools.
 * Each tool's relevance comes from the request's words against the tool's name and description,
 * by stem and by multilingual concept; the shape of the request then raises it (it asks to act,
 * names a record, wants current state, speaks of "our" data) or lowers it (it transforms or
 * explains content it carries, or asks a general question).
 */
export const toolUseScorer: Scorer = {
  name: 'tool-match',
  signal: 'toolUse',
  score({ task, analysis }): SignalScore {
    if (task.tools.length === 0)
      return { score: 0, reasons: ['no tools are offered'], neededTools: [] };
    const { profiles, sharedBy } = catalogIndex(task.tools);
    const intent = intentFactor(analysis.cues, analysis.material !== '');
    const needs: ToolNeed[] = [];
    for (let i = 0; i < task.tools.length; i++) {
      const tool = task.tools[i];
      const profile = profiles[i];
      if (tool === undefined || profile === undefined) continue;
      const matched = 1 - Math.exp(-matchedWeight(profile, analysis, sharedBy) / RELEVANCE_SCALE);
      const relevance = asksForAction(profile, analysis) ? matched : matched * UNASKED_ACTION;
      const score = clamp(relevance * intent.scale + (relevance > 0.15 ? intent.boost : 0));
      needs.push({ tool, score });
    }
    needs.sort((a, b) => b.score - a.score);
    const best = needs[0]?.score ?? 0;
    const neededTools = needs.filter((n) => n.score >= Math.max(ABSOLUTE_CUT, best * RELATIVE_CUT));
    return { score: best, reasons: [...intent.reasons], neededTools };
  },
};

interface Intent {
  readonly scale: number;
  readonly boost: number;
  readonly reasons: readonly string[];
}

function intentFactor(cues: RequestCues, hasMaterial: boolean): Intent {
  const reasons: string[] = [];
  let scale = 1;
  let boost = 0;
  const needsLiveData = cues.identifier || cues.fresh || cues.lookup;
  if (hasMaterial && (cues.deictic || cues.transform)) {
    scale *= 0.45;
    reasons.push('works on content the request carries');
  } else if (cues.transform && !needsLiveData) {
    scale *= 0.55;
    reasons.push('asks to transform or explain text');
  }
  if (cues.knowledge && !cues.owned && !needsLiveData) {
    scale *= 0.6;
    reasons.push('reads as a general question');
  }
  if (cues.compose && !needsLiveData && !cues.owned) scale *= 0.7;
  if (cues.identifier) boost += 0.2;
  if (cues.fresh) boost += 0.15;
  if (cues.owned) boost += 0.1;
  if (cues.action) boost += 0.15;
  if (cues.lookup) boost += 0.1;
  if (boost > 0) reasons.push(describeNeed(cues));
  return { scale, boost: Math.min(boost, 0.45) * scale, reasons };
}

function describeNeed(cues: RequestCues): string {
  const parts: string[] = [];
  if (cues.identifier) parts.push('names a specific record');
  if (cues.fresh) parts.push('asks for current state');
  if (cues.owned) parts.push("speaks of the user's own data");
  if (cues.action) parts.push('asks to act or fetch');
  if (cues.lookup) parts.push('asks about the state of something');
  return `the request ${parts.join(', ')}`;
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
