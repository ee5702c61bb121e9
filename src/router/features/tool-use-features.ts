import type { RequestAnalysis } from '../analysis.ts';

/** Relevance of the offered tools to a request, before the request's shape is weighed. */
export interface ToolRelevance {
  /** Best relevance over all tools. */
  readonly best: number;
  /** Best relevance over tools without side effects. */
  readonly bestRead: number;
  /** Best relevance over tools with side effects whose action the request asks for. */
  readonly bestAskedAction: number;
  /** The request uses the specific action word of a tool's name ("run it", "translate", "book"). */
  readonly namesAction: boolean;
  readonly toolCount: number;
}

/** Names of the features, in the order {@link toolUseFeatures} returns them (the default scorer's model). */
export const TOOL_USE_FEATURES = [
  'bias',
  'relevance',
  'readRelevance',
  'askedActionRelevance',
  'relevanceSquared',
  'material',
  'transform',
  'compose',
  'deictic',
  'knowledge',
  'owned',
  'personal',
  'fresh',
  'identifier',
  'action',
  'lookup',
  'request',
  'holdAction',
  'properNoun',
  'question',
  'short',
  'selfContainedRelevance',
  'needRelevance',
  'noRelevance',
  'weakRelevance',
  'smallTalk',
  'template',
  'identifierRelevance',
  'freshRelevance',
  'actionRelevance',
  'lookupRelevance',
  'ownedRelevance',
  'knowledgeRelevance',
  'composeRelevance',
  'unreadable',
  'namesAction',
  'computation',
  'computationRelevance',
  'precise',
] as const;

/**
 * The features the `toolUse` model weighs: the tools' relevance, and cues of the request's shape
 * that say whether it can be met from its own text (transform, explain, compose) or needs live,
 * private data or an action (a record id, "our", "today", an imperative).
 */
export function toolUseFeatures(analysis: RequestAnalysis, relevance: ToolRelevance): number[] {
  const { cues } = analysis;
  const hasMaterial = analysis.material !== '';
  // `deictic` is only set when the request carries material.
  const selfContained = cues.deictic || cues.transform || cues.knowledge;
  const need = cues.identifier || cues.fresh || cues.lookup || cues.owned || cues.personal;
  const b = (x: boolean) => (x ? 1 : 0);
  return [
    1,
    relevance.best,
    relevance.bestRead,
    relevance.bestAskedAction,
    relevance.best * relevance.best,
    b(hasMaterial),
    b(cues.transform),
    b(cues.compose),
    b(cues.deictic),
    b(cues.knowledge),
    b(cues.owned),
    b(cues.personal),
    b(cues.fresh),
    b(cues.identifier),
    b(cues.action),
    b(cues.lookup),
    b(cues.request),
    b(cues.holdAction),
    b(cues.properNoun),
    b(analysis.instruction.includes('?')),
    b(analysis.instruction.length < 80),
    selfContained ? relevance.best : 0,
    need ? relevance.best : 0,
    b(relevance.best < 0.05),
    b(relevance.best >= 0.05 && relevance.best < 0.3),
    b(cues.smallTalk),
    b(cues.template),
    cues.identifier ? relevance.best : 0,
    cues.fresh ? relevance.best : 0,
    cues.action ? relevance.best : 0,
    cues.lookup ? relevance.best : 0,
    cues.owned || cues.personal ? relevance.best : 0,
    cues.knowledge ? relevance.best : 0,
    cues.compose || cues.template ? relevance.best : 0,
    b(analysis.unreadable),
    b(relevance.namesAction),
    b(cues.computation),
    cues.computation && !cues.fresh && !cues.owned && !cues.personal ? relevance.best : 0,
    b(cues.precise),
  ];
}
