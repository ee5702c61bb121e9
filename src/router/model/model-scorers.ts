import type { SignalName } from '../../core/decision.ts';
import type { RequestAnalysis } from '../analysis.ts';
import { crossDomainEvidence } from '../features/cross-domain-features.ts';
import { parallelismFeatures } from '../features/parallelism-features.ts';
import { securityEvidence } from '../features/security-features.ts';
import type { Scorer, ScoringContext, SignalScore, ToolNeed } from '../scorer.ts';
import { countWord, joinWords } from '../wording.ts';
import { type ToolEvidence, toolEvidence } from './evidence.ts';
import { type CompiledModel, type Contribution, type Scored, score } from './logistic.ts';
import { type CompiledRouterModel, compileRouterModel, type RouterModel } from './router-model.ts';

/**
 * The four scorers over fitted models: each signal's score is its model's probability. The tool
 * evidence is computed once per route (the analysis object is new on every route) and shared by
 * the four.
 */
export function modelScorers(fitted: RouterModel): Readonly<Record<SignalName, Scorer>> {
  const model = compileRouterModel(fitted);
  // The four scorers run one after the other on the same analysis, synchronously: the evidence of
  // the latest analysis is all there is to keep.
  let latest: RequestAnalysis | undefined;
  let found: ToolEvidence | undefined;
  const toolsOf: ToolsOf = ({ task, analysis }) => {
    if (analysis !== latest || found === undefined) {
      found = toolEvidence(task, analysis, model);
      latest = analysis;
    }
    return found;
  };
  return Object.freeze({
    toolUse: toolUseScorer(model, toolsOf),
    crossDomain: crossDomainScorer(model, toolsOf),
    securityBoundary: securityScorer(model, toolsOf),
    parallelism: parallelismScorer(model, toolsOf),
  });
}

type ToolsOf = (context: ScoringContext) => ToolEvidence;

function toolUseScorer(model: CompiledRouterModel, toolsOf: ToolsOf): Scorer {
  return {
    name: 'tool-use-model',
    signal: 'toolUse',
    score(context): SignalScore {
      if (context.task.tools.length === 0) {
        return { score: 0, reasons: ['no tools are offered'], neededTools: [], candidateTools: [] };
      }
      const evidence = toolsOf(context);
      let needed = evidence.needs.filter((n) => n.score >= model.needCut);
      if (needed.length === 0) needed = evidence.needs.slice(0, 1);
      return {
        score: evidence.toolUse.probability,
        reasons: explain(evidence.toolUse.scored),
        neededTools: needed,
        candidateTools: evidence.needs.filter((n) => n.score >= model.candidateCut),
      };
    },
  };
}

function crossDomainScorer(model: CompiledRouterModel, toolsOf: ToolsOf): Scorer {
  return {
    name: 'cross-domain-model',
    signal: 'crossDomain',
    score(context): SignalScore {
      const { task } = context;
      const hinted = new Set(
        (task.hints?.domains ?? []).map((d) => d.toLowerCase()).filter((d) => d !== 'general'),
      );
      if (hinted.size >= 2) {
        return {
          score: 1,
          reasons: [`hints name ${hinted.size} domains: ${joinWords([...hinted])}`],
        };
      }
      const { found, scored } = structural(
        context,
        toolsOf,
        crossDomainEvidence,
        model.models.crossDomain,
      );
      const reasons: string[] = [];
      if (found.domains.length >= 2) {
        const listed = found.domains.map((n) => `${n.tool.name} (${n.tool.domain})`);
        reasons.push(`draws on ${joinWords(listed)}: ${countWord(found.domains.length)} domains`);
      }
      if (found.disciplines.length >= 2) {
        reasons.push(`asks for reviews from ${joinWords(found.disciplines)}`);
      }
      reasons.push(...explain(scored));
      return { score: scored.probability, reasons };
    },
  };
}

function securityScorer(model: CompiledRouterModel, toolsOf: ToolsOf): Scorer {
  return {
    name: 'security-boundary-model',
    signal: 'securityBoundary',
    score(context): SignalScore {
      const { found, scored } = structural(
        context,
        toolsOf,
        securityEvidence,
        model.models.securityBoundary,
      );
      const legs = [
        found.untrusted.need && `read untrusted ${found.untrusted.need.tool.name}`,
        found.sensitive.need && `touch sensitive ${found.sensitive.need.tool.name}`,
        found.acting.need && `act through ${found.acting.need.tool.name}`,
      ].filter((x): x is string => typeof x === 'string');
      const reasons =
        legs.length === 3
          ? [`would ${joinWords(legs)}: all three of the Rule of Two`]
          : legs.length > 0
            ? [`the needed tools would ${joinWords(legs)}: not all three of the Rule of Two`]
            : [];
      reasons.push(...explain(scored));
      return { score: scored.probability, reasons };
    },
  };
}

function parallelismScorer(model: CompiledRouterModel, toolsOf: ToolsOf): Scorer {
  return {
    name: 'parallelism-model',
    signal: 'parallelism',
    score(context): SignalScore {
      const evidence = toolsOf(context);
      const features = {
        ...parallelismFeatures(context.analysis),
        toolUse: evidence.toolUse.probability,
      };
      const scored = score(model.models.parallelism, features, evidence.words);
      return { score: scored.probability, reasons: explain(scored) };
    },
  };
}

/** A structural signal's evidence over the tools judged needed, and its model's score of it. */
function structural<Found extends { readonly features: Record<string, number> }>(
  context: ScoringContext,
  toolsOf: ToolsOf,
  evidenceOf: (
    analysis: RequestAnalysis,
    needed: readonly ToolNeed[],
    candidates: readonly ToolNeed[],
    toolUse: number,
  ) => Found,
  logistic: CompiledModel,
): { found: Found; scored: Scored } {
  const evidence = toolsOf(context);
  const { analysis, neededTools, candidateTools } = context;
  const found = evidenceOf(analysis, neededTools, candidateTools, evidence.toolUse.probability);
  return { found, scored: score(logistic, found.features, evidence.words) };
}

/** The strongest evidence on the side the score fell, in words. */
function explain({ probability, top }: Scored): string[] {
  return top.length === 0
    ? []
    : [`${probability >= 0.5 ? 'for' : 'against'}: ${joinWords(top.map(describe))}`];
}

/** A feature's contribution in words a person can check. */
function describe({ feature }: Contribution): string {
  let words = described.get(feature);
  if (words === undefined) {
    words = inWords(feature);
    // Features are the models' own names and keys: a bounded set.
    described.set(feature, words);
  }
  return words;
}

const described = new Map<string, string>();

function inWords(feature: string): string {
  const colon = feature.indexOf(':');
  if (colon > 0 && colon <= 1) {
    const kind = feature.slice(0, colon);
    const text = feature
      .slice(colon + 1)
      .replace(/^\^_/, '')
      .replace(/_/g, ' ');
    if (kind === 'f') return `opens with "${text}"`;
    if (kind === 'm') return 'carries pasted material';
    if (kind === 'q') return 'is a question';
    return `"${text}"`;
  }
  return FEATURE_WORDS[feature] ?? feature;
}

const FEATURE_WORDS: Readonly<Record<string, string>> = {
  toolUse: 'needs a tool',
  relevance: "an offered tool matches the request's words",
  readRelevance: 'a read-only tool matches',
  askedActionRelevance: 'asks for the action of a matching tool',
  material: 'carries pasted material',
  transform: 'asks to transform or explain given text',
  compose: 'asks to write something new',
  knowledge: 'reads as a general question',
  owned: "speaks of the user's own records",
  personal: 'speaks of the user',
  fresh: 'asks for current state',
  identifier: 'names a specific record',
  action: 'asks to act or fetch',
  lookup: 'asks about the state of something',
  holdAction: 'holds back any action',
  smallTalk: 'small talk',
  noRelevance: "no offered tool matches the request's words",
  threeLegs: 'the needed tools hold all three of the Rule of Two',
  twoLegs: 'the needed tools hold two of the Rule of Two',
  specialistDomains2: 'the needed tools span two specialist domains',
  specialistDomains3: 'the needed tools span three specialist domains',
  candidateDomains2: 'likely tools span two domains',
  matchingDomains2: "tools of two domains match the request's words",
  candidateThreeLegs: 'likely tools hold all three of the Rule of Two',
  restrictedToWide: 'sends restricted data to a wider audience',
  longNumber: 'holds a long number',
  domains2: 'the needed tools span two domains',
  disciplines2: 'asks for reviews from two disciplines',
  items3: 'counts three or more items of work',
  eachItems: 'handles each item on its own',
  substantialItems: 'the work per item is substantial',
  trivialItems: 'the work per item is a quick look-up',
};
