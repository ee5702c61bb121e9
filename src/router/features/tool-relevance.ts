import type { ToolSpec } from '../../core/task.ts';
import type { RequestAnalysis } from '../analysis.ts';
import {
  anchorsFamilies,
  asksForAction,
  catalogIndex,
  matchedWeights,
  namesAction,
} from '../tool-profile.ts';
import { type FormCues, kindServes } from './form-features.ts';
import type { ToolKinds } from './tool-kinds.ts';
import type { ToolRelevance } from './tool-use-features.ts';

/** Matched weight at which a tool's relevance reaches 1 - 1/e. */
const RELEVANCE_SCALE = 0.8;
/** A tool with side effects whose action the request does not ask for keeps this share of its relevance. */
const UNASKED_ACTION = 0.4;

/** Each offered tool's relevance to the request, from words alone. */
export interface ToolRelevances extends ToolRelevance {
  readonly perTool: readonly {
    readonly tool: ToolSpec;
    readonly relevance: number;
    /** The tool's general-purpose capabilities (from its profile). */
    readonly kinds: ToolKinds;
  }[];
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
  // A family link counts alone when the request names a record, asks for current state, speaks of
  // the user's or the company's data ("my", "our") or asks about the state of something; otherwise
  // only beside a stem or concept match (matchedWeights).
  const weights = matchedWeights(index, analysis, anchorsFamilies(analysis));
  const perTool: { tool: ToolSpec; relevance: number; kinds: ToolKinds }[] = [];
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
    perTool.push({ tool, relevance, kinds: profile.kinds });
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

/** Names of the per-tool need model's features, in the order {@link toolNeedFeatures} writes them. */
export const TOOL_NEED_FEATURES = [
  'relevance',
  'relevanceSquared',
  'share',
  'first',
  'second',
  'none',
  'acts',
  'actsAsked',
  'actsHeld',
  'sensitive',
  'sensitiveOwned',
  'untrusted',
  'readLookup',
  'readFresh',
  'actionRelevance',
  'many',
  'kindServes',
] as const;

/**
 * The features the per-tool need model weighs for every offered tool, in the catalog's order: row
 * `t` (from `t * TOOL_NEED_FEATURES.length`) holds tool `t`'s features in the order of
 * {@link TOOL_NEED_FEATURES}: its relevance and rank among the catalog, its flags against the
 * request's cues, and whether it is a general-purpose tool that serves the request's form.
 */
export function toolNeedFeatures(
  analysis: RequestAnalysis,
  relevances: ToolRelevances,
  form: FormCues,
): Float64Array {
  const { perTool, best } = relevances;
  const width = TOOL_NEED_FEATURES.length;
  const rows = new Float64Array(perTool.length * width);
  const { cues } = analysis;
  const owned = cues.owned || cues.personal || cues.identifier;
  const many = Math.min(1, relevances.toolCount / 20);
  const b = (x: boolean) => (x ? 1 : 0);
  const relevance = Float64Array.from(perTool, (entry) => entry.relevance);
  for (let t = 0; t < perTool.length; t++) {
    const { tool, relevance: r, kinds } = perTool[t] as ToolRelevances['perTool'][number];
    let rank = 0;
    for (let o = 0; o < relevance.length; o++) if ((relevance[o] as number) > r) rank++;
    const at = t * width;
    rows[at] = r;
    rows[at + 1] = r * r;
    rows[at + 2] = best > 0 ? r / best : 0;
    rows[at + 3] = b(rank === 0 && r > 0);
    rows[at + 4] = b(rank === 1 && r > 0);
    rows[at + 5] = b(r === 0);
    rows[at + 6] = b(tool.sideEffects);
    rows[at + 7] = b(tool.sideEffects && cues.action);
    rows[at + 8] = b(tool.sideEffects && cues.holdAction);
    rows[at + 9] = b(tool.sensitiveData);
    rows[at + 10] = b(tool.sensitiveData && owned);
    rows[at + 11] = b(tool.untrustedInput);
    rows[at + 12] = cues.lookup && !tool.sideEffects ? r : 0;
    rows[at + 13] = cues.fresh && !tool.sideEffects ? r : 0;
    rows[at + 14] = cues.action ? r : 0;
    rows[at + 15] = many;
    rows[at + 16] = b(kindServes(kinds, analysis, form));
  }
  return rows;
}
