import type { ToolSpec } from '../../core/task.ts';
import type { RequestAnalysis } from '../analysis.ts';
import { asksForAction, catalogIndex, matchedWeights, namesAction } from '../tool-profile.ts';
import type { ToolRelevance } from './tool-use-features.ts';

/** Matched weight at which a tool's relevance reaches 1 - 1/e. */
const RELEVANCE_SCALE = 0.8;
/** A tool with side effects whose action the request does not ask for keeps this share of its relevance. */
const UNASKED_ACTION = 0.4;

/** Each offered tool's relevance to the request, from words alone. */
export interface ToolRelevances extends ToolRelevance {
  readonly perTool: readonly { readonly tool: ToolSpec; readonly relevance: number }[];
}

/**
 * How well each tool's name and description match the request, by stem and by multilingual
 * concept. A tool with side effects counts fully only when the request asks for its action.
 */
export function toolRelevances(
  tools: readonly ToolSpec[],
  analysis: RequestAnalysis,
): ToolRelevances {
  const index = catalogIndex(tools);
  const { profiles } = index;
  const weights = matchedWeights(index, analysis);
  const perTool: { tool: ToolSpec; relevance: number }[] = [];
  let best = 0;
  let bestRead = 0;
  let bestAskedAction = 0;
  let namesAnAction = false;
  for (let i = 0; i < tools.length; i++) {
    const tool = tools[i];
    const profile = profiles[i];
    if (tool === undefined || profile === undefined) continue;
    const matched = 1 - Math.exp(-(weights[i] ?? 0) / RELEVANCE_SCALE);
    const asked = asksForAction(profile, analysis);
    if (!namesAnAction && namesAction(profile, analysis)) namesAnAction = true;
    const relevance = asked ? matched : matched * UNASKED_ACTION;
    perTool.push({ tool, relevance });
    best = Math.max(best, relevance);
    if (!tool.sideEffects) bestRead = Math.max(bestRead, relevance);
    else if (asked) bestAskedAction = Math.max(bestAskedAction, relevance);
  }
  return {
    perTool,
    best,
    bestRead,
    bestAskedAction,
    namesAction: namesAnAction,
    toolCount: tools.length,
  };
}

/** The relevance of each offered tool, and the features the per-tool need model weighs for it. */
export function toolNeedFeatures(
  analysis: RequestAnalysis,
  relevances: ToolRelevances,
  index: number,
): Record<string, number> {
  const entry = relevances.perTool[index];
  if (entry === undefined) return {};
  const { tool, relevance: r } = entry;
  const { cues } = analysis;
  const best = relevances.best;
  let rank = 0;
  for (const other of relevances.perTool) if (other.relevance > r) rank++;
  const b = (x: boolean) => (x ? 1 : 0);
  return {
    relevance: r,
    relevanceSquared: r * r,
    share: best > 0 ? r / best : 0,
    first: b(rank === 0 && r > 0),
    second: b(rank === 1 && r > 0),
    none: b(r === 0),
    acts: b(tool.sideEffects),
    actsAsked: b(tool.sideEffects && cues.action),
    actsHeld: b(tool.sideEffects && cues.holdAction),
    sensitive: b(tool.sensitiveData),
    sensitiveOwned: b(tool.sensitiveData && (cues.owned || cues.personal || cues.identifier)),
    untrusted: b(tool.untrustedInput),
    readLookup: cues.lookup && !tool.sideEffects ? r : 0,
    readFresh: cues.fresh && !tool.sideEffects ? r : 0,
    actionRelevance: cues.action ? r : 0,
    many: Math.min(1, relevances.toolCount / 20),
  };
}
