import {
  type Decision,
  type NeededTool,
  type ReasonCode,
  SIGNALS,
  type SignalDecision,
  type SignalName,
} from '../core/decision.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { parseTask, refuseUnknownTaskFields, type Task, type TaskInput } from '../core/task.ts';
import { analyzeRequest } from './analysis.ts';
import { modelScorers } from './model/model-scorers.ts';
import { type AssistedDecision, refineWithModel } from './model-assisted.ts';
import { type ResolvedRouterConfig, type RouterOptions, resolveRouterConfig } from './options.ts';
import type { Reason } from './reasons.ts';
import { runScorers } from './run-scorers.ts';
import type { Scorer, ScoringContext, SignalScore, ToolNeed } from './scorer.ts';
import { crossDomainScorer } from './scorers/cross-domain.ts';
import { parallelismScorer } from './scorers/parallelism.ts';
import { securityBoundaryScorer } from './scorers/security-boundary.ts';
import { toolUseScorer } from './scorers/tool-use.ts';
import { applyTierPolicy } from './tier-policy.ts';
import { joinWords, toolLabel } from './wording.ts';

/**
 * The default scorer of each signal: hand-weighted scorers over the request's cues and the tools'
 * word relevance. `createRouter({ fittedModel })` replaces them with models fitted on labeled data
 * (experimental; see docs/routing.md for how the two compare).
 */
export const DEFAULT_SCORERS: Readonly<Record<SignalName, Scorer>> = Object.freeze({
  toolUse: toolUseScorer,
  crossDomain: crossDomainScorer,
  securityBoundary: securityBoundaryScorer,
  parallelism: parallelismScorer,
});

/** Picks the tier for a request. Synchronous; makes no model call. */
export interface Router {
  /**
   * Scores the four signals and picks the lowest tier whose thresholds are met.
   * A plain string is shorthand for `{ input }` with no tools.
   * @throws {InvalidTaskError} naming the field at fault.
   */
  route(task: TaskInput | string): Decision;
  /**
   * Routes, then settles the signals whose score lies in the uncertain band (`uncertainBand`
   * around each threshold) with one structured-output call to `model`; with no uncertain signal
   * it makes no call. The call's usage is in `decision.assistance`.
   *
   * @example
   * const decision = await router.routeAssisted(task, { model: openaiModel(client, { model: 'gpt-4.1-mini' }) });
   */
  routeAssisted(
    task: TaskInput | string,
    options: { readonly model: LanguageModel; readonly signal?: AbortSignal },
  ): Promise<AssistedDecision>;
  /** The settings in force, defaults applied. */
  readonly config: ResolvedRouterConfig;
}

/**
 * Creates a router.
 *
 * @example
 * const router = createRouter({ thresholds: { parallelism: 0.6 } });
 * const decision = router.route({ input: 'Where is order 30418?', tools: [getOrder] });
 * decision.tier; // 'agent'
 * decision.reasons; // ['needs get_order (commerce)', ...]
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function createRouter(options: RouterOptions = {}): Router {
  return buildRouter(options).router;
}

/** A router, and the entry for a task already parsed (not exported from `tierup`). */
export interface RouterWithTaskEntry {
  readonly router: Router;
  /** {@link Router.route} for a parsed task: `createTierup` parses each run's task once. */
  readonly routeTask: (task: Task) => Decision;
}

/**
 * {@link createRouter}, with the entry `createTierup` routes its parsed tasks through.
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function buildRouter(options: RouterOptions = {}): RouterWithTaskEntry {
  const config = resolveRouterConfig(options);
  const given: RouterOptions = options ?? {};
  const defaults = given.fittedModel ? modelScorers(given.fittedModel) : DEFAULT_SCORERS;
  const scorers = SIGNALS.map((signal) => {
    const own = given.scorers?.[signal] ?? defaults[signal];
    const extra = (given.extraScorers ?? []).filter((s) => s.signal === signal);
    return [signal, [own, ...extra]] as const;
  });

  const routeTask = (task: Task): Decision => {
    const analysis = analyzeRequest(task.input);
    let neededTools: readonly ToolNeed[] = [];
    let candidateTools: readonly ToolNeed[] = [];
    const signals = {} as Record<SignalName, SignalDecision>;
    const reasons: ReasonList = { reasons: [], reasonCodes: [] };
    for (const [signal, list] of scorers) {
      const context: ScoringContext = { task, analysis, neededTools, candidateTools };
      const result = runScorers(list, context);
      const threshold = config.thresholds[signal];
      const score = round(result.score);
      const set = score >= threshold;
      // Tools count for the other signals only when the request needs a tool at all.
      if (signal === 'toolUse' && set) {
        neededTools = result.neededTools ?? [];
        candidateTools = result.candidateTools ?? neededTools;
      }
      signals[signal] = {
        score,
        threshold,
        set,
        uncertain: Math.abs(score - threshold) <= config.uncertainBand,
      };
      explain(signal, set, result, neededTools, reasons);
    }
    return decide(task, config, signals, neededTools, reasons);
  };
  const parse = (input: TaskInput | string) => {
    if (typeof input === 'string') return parseTask({ input });
    refuseUnknownTaskFields(input);
    return parseTask(input);
  };

  const router: Router = {
    config,
    async routeAssisted(input, { model, signal }) {
      const task = parse(input);
      return refineWithModel(routeTask(task), task, config, model, signal);
    },
    route: (input) => routeTask(parse(input)),
  };
  return { router, routeTask };
}

/** A decision's reasons as they are written: each text beside its code. */
interface ReasonList {
  readonly reasons: string[];
  readonly reasonCodes: ReasonCode[];
}

/** Appends a signal's reasons to `out`: no intermediate lists, since every route writes them. */
function explain(
  signal: SignalName,
  set: boolean,
  result: SignalScore,
  neededTools: readonly ToolNeed[],
  out: ReasonList,
): void {
  if (signal === 'toolUse') {
    const verdict = toolUseVerdict(set, neededTools);
    out.reasons.push(verdict.text);
    out.reasonCodes.push(verdict.code);
  } else if (!set) {
    const below = BELOW_THRESHOLD[signal];
    if (result.reasons.length > 0 && result.score > 0) {
      out.reasons.push(`not ${below.label}: ${result.reasons.join('; ')}`);
      out.reasonCodes.push(below.code);
    }
    return;
  }
  for (const text of result.reasons) {
    out.reasons.push(text);
    out.reasonCodes.push(FINDING[signal]);
  }
}

/** The first reason: whether the request needs an offered tool, and which. */
function toolUseVerdict(set: boolean, neededTools: readonly ToolNeed[]): Reason {
  if (!set) return { code: 'needs-no-tool', text: 'no offered tool is needed' };
  if (neededTools.length === 0) {
    return {
      code: 'needs-unmatched-tool',
      text: 'needs an offered tool, though no tool matches its words',
    };
  }
  return { code: 'needs-tools', text: `needs ${joinWords(neededTools, toolLabel)}` };
}

/** The code of a scorer's finding for each signal. */
const FINDING: Readonly<Record<SignalName, ReasonCode>> = {
  toolUse: 'tool-use',
  crossDomain: 'cross-domain',
  securityBoundary: 'security-boundary',
  parallelism: 'parallelism',
};

/** What a multi-agent signal that scored but stayed below its threshold is reported as. */
const BELOW_THRESHOLD: Readonly<
  Record<Exclude<SignalName, 'toolUse'>, { code: ReasonCode; label: string }>
> = {
  crossDomain: { code: 'not-cross-domain', label: 'cross-domain' },
  securityBoundary: { code: 'not-security-boundary', label: 'a security boundary' },
  parallelism: { code: 'not-parallelism', label: 'parallel' },
};

function decide(
  task: Task,
  config: ResolvedRouterConfig,
  signals: Record<SignalName, SignalDecision>,
  neededTools: readonly ToolNeed[],
  { reasons, reasonCodes }: ReasonList,
): Decision {
  const policyReasons: Reason[] = [];
  const policy = applyTierPolicy(task, config, signals, policyReasons);
  for (const reason of policyReasons) {
    reasons.push(reason.text);
    reasonCodes.push(reason.code);
  }
  const tools: NeededTool[] = signals.toolUse.set
    ? neededTools.map((n) => ({ name: n.tool.name, domain: n.tool.domain, score: round(n.score) }))
    : [];
  return { ...policy, signals, tools, reasons, reasonCodes };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
