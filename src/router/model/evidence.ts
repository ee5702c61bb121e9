import type { Task } from '../../core/task.ts';
import type { RequestAnalysis } from '../analysis.ts';
import {
  type CrossDomainEvidence,
  crossDomainEvidence,
} from '../features/cross-domain-features.ts';
import { parallelismFeatures } from '../features/parallelism-features.ts';
import { type SecurityEvidence, securityEvidence } from '../features/security-features.ts';
import { toolNeedFeatures, toolRelevances } from '../features/tool-relevance.ts';
import { TOOL_USE_FEATURES, toolUseFeatures } from '../features/tool-use-features.ts';
import type { ToolNeed } from '../scorer.ts';
import { type CompiledModel, type Scored, score } from './logistic.ts';
import type { CompiledRouterModel } from './router-model.ts';
import { requestTokens } from './tokens.ts';

/** The evidence of the `toolUse` model and of the per-tool need model for one request. */
export interface ToolEvidence {
  readonly tokens: readonly string[];
  readonly toolUse: {
    readonly dense: Record<string, number>;
    readonly probability: number;
    readonly scored: Scored;
  };
  /** Each offered tool with its need probability (`score`) and word relevance, strongest first. */
  readonly needs: readonly ToolNeed[];
  /** Per tool, in the task's order: the need model's features. */
  readonly needFeatures: readonly Record<string, number>[];
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

/** Probability of a logistic model. */
function probability(
  model: CompiledModel,
  dense: Readonly<Record<string, number>>,
  tokens: readonly string[],
): number {
  return score(model, dense, tokens).probability;
}

/** The request's words, the toolUse features and each tool's need. */
export function toolEvidence(
  task: Task,
  analysis: RequestAnalysis,
  model: CompiledRouterModel,
): ToolEvidence {
  const tokens = requestTokens(analysis);
  if (task.tools.length === 0) {
    return {
      tokens,
      toolUse: { dense: {}, probability: 0, scored: { probability: 0, top: [] } },
      needs: [],
      needFeatures: [],
    };
  }
  const relevances = toolRelevances(task.tools, analysis);
  const vector = toolUseFeatures(analysis, relevances);
  const dense: Record<string, number> = {};
  for (let i = 1; i < TOOL_USE_FEATURES.length; i++) {
    dense[TOOL_USE_FEATURES[i] as string] = vector[i] ?? 0;
  }
  const digits = longestNumber(analysis.instruction);
  dense.longNumber = digits >= 7 ? 1 : 0;
  dense.longNumberRelevance = digits >= 7 ? relevances.best : 0;
  const scored = score(model.models.toolUse, dense, tokens);
  const toolUse = { dense, probability: scored.probability, scored };
  const needFeatures: Record<string, number>[] = [];
  const needs: ToolNeed[] = [];
  relevances.perTool.forEach(({ tool, relevance }, i) => {
    const features = toolNeedFeatures(analysis, relevances, i);
    needFeatures.push(features);
    needs.push({ tool, relevance, score: probability(model.models.toolNeed, features, []) });
  });
  needs.sort((a, b) => b.score - a.score);
  return { tokens, toolUse, needs, needFeatures };
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
    crossDomain: crossDomainEvidence(analysis, needed, candidates, p),
    security: securityEvidence(analysis, needed, candidates, p),
    parallelism: { ...parallelismFeatures(analysis), toolUse: p },
  };
}

/** Digits of the longest number in the text ("7,547,401" has 7), up to the first 200 numbers. */
function longestNumber(text: string): number {
  let longest = 0;
  let seen = 0;
  for (const match of text.matchAll(NUMBER)) {
    longest = Math.max(longest, match[0].replace(/\D/g, '').replace(/^0+/, '').length);
    if (++seen >= 200) break;
  }
  return longest;
}

const NUMBER = /\d[\d,.' ]*\d|\d/g;
