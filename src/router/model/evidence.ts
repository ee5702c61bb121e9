import type { Task } from '../../core/task.ts';
import type { RequestAnalysis } from '../analysis.ts';
import {
  type CrossDomainEvidence,
  crossDomainEvidence,
} from '../features/cross-domain-features.ts';
import {
  FITTED_TOOL_USE_FEATURES,
  fittedToolUseFeatures,
  formCues,
} from '../features/form-features.ts';
import { parallelismFeatures } from '../features/parallelism-features.ts';
import { type SecurityEvidence, securityEvidence } from '../features/security-features.ts';
import {
  TOOL_NEED_FEATURES,
  toolNeedFeatures,
  toolRelevances,
} from '../features/tool-relevance.ts';
import type { ToolNeed } from '../scorer.ts';
import { type Scored, scoreVector, vectorProbability } from './logistic.ts';
import type { CompiledRouterModel } from './router-model.ts';
import { type RequestWords, readWords } from './tokens.ts';

/** The evidence of the `toolUse` model and of the per-tool need model for one request. */
export interface ToolEvidence {
  /** The request's words, as the models with word weights read them. */
  readonly words: RequestWords;
  readonly toolUse: {
    /** The toolUse features, in the order of FITTED_TOOL_USE_FEATURES. */
    readonly values: readonly number[];
    readonly probability: number;
    readonly scored: Scored;
  };
  /** Each offered tool with its need probability (`score`) and word relevance, strongest first. */
  readonly needs: readonly ToolNeed[];
  /** The need model's features of every tool, a row per tool in the task's order (see toolNeedFeatures). */
  readonly needFeatures: Float64Array;
}

/** Everything the signal models read from one request, computed once per route. */
export interface Evidence extends ToolEvidence {
  /** Tools judged needed when the request needs tools at all, strongest first. */
  readonly needed: readonly ToolNeed[];
  /** Tools with weaker evidence of need, strongest first. */
  readonly candidates: readonly ToolNeed[];
  readonly crossDomain: CrossDomainEvidence;
  readonly security: SecurityEvidence;
  readonly parallelism: Record<string, number>;
}

/** The request's words, the toolUse features and each tool's need. */
export function toolEvidence(
  task: Task,
  analysis: RequestAnalysis,
  model: CompiledRouterModel,
): ToolEvidence {
  const words = readWords(analysis);
  if (task.tools.length === 0) {
    return {
      words,
      toolUse: { values: [], probability: 0, scored: { probability: 0, top: [] } },
      needs: [],
      needFeatures: new Float64Array(0),
    };
  }
  const relevances = toolRelevances(task.tools, analysis);
  const form = formCues(analysis);
  const values = fittedToolUseFeatures(analysis, relevances, form);
  const scored = scoreVector(
    model.models.toolUse,
    model.toolUseWeights,
    FITTED_TOOL_USE_FEATURES,
    values,
    words,
  );
  const toolUse = { values, probability: scored.probability, scored };
  const needFeatures = toolNeedFeatures(analysis, relevances, form);
  const needs: ToolNeed[] = [];
  const need = model.models.toolNeed;
  const width = TOOL_NEED_FEATURES.length;
  relevances.perTool.forEach(({ tool, relevance }, t) => {
    const score = vectorProbability(need.bias, model.toolNeedWeights, needFeatures, t * width);
    needs.push({ tool, relevance, score });
  });
  needs.sort((a, b) => b.score - a.score);
  return { words, toolUse, needs, needFeatures };
}

/**
 * All the evidence of one request. The tools judged needed are those whose need reaches the
 * model's `needCut`, or the likeliest one, and only when the request needs a tool at all
 * (`toolUseSet`): a request that needs no tool holds no tool's capabilities.
 */
export function evidenceOf(
  task: Task,
  analysis: RequestAnalysis,
  model: CompiledRouterModel,
  toolUseSet: (probability: number) => boolean,
): Evidence {
  const tools = toolEvidence(task, analysis, model);
  const p = tools.toolUse.probability;
  let needed: ToolNeed[] = [];
  let candidates: ToolNeed[] = [];
  if (toolUseSet(p) && tools.needs.length > 0) {
    needed = tools.needs.filter((n) => n.score >= model.needCut);
    if (needed.length === 0) needed = tools.needs.slice(0, 1);
    candidates = tools.needs.filter((n) => n.score >= model.candidateCut);
  }
  return {
    ...tools,
    needed,
    candidates,
    crossDomain: crossDomainEvidence(analysis, needed, candidates, p, task.tools),
    security: securityEvidence(analysis, needed, candidates, p),
    parallelism: { ...parallelismFeatures(analysis), toolUse: p },
  };
}
