import {
  type Decision,
  MULTI_AGENT_SIGNALS,
  type NeededTool,
  SIGNALS,
  type SignalDecision,
  type SignalName,
  type TierOverride,
} from '../core/decision.ts';
import { parseTask, type Task, type TaskInput } from '../core/task.ts';
import { lowerTier, type Tier } from '../core/tier.ts';
import { analyzeRequest } from './analysis.ts';
import { type ResolvedRouterConfig, type RouterOptions, resolveRouterConfig } from './options.ts';
import { runScorers } from './run-scorers.ts';
import type { Scorer, ScoringContext, SignalScore, ToolNeed } from './scorer.ts';
import { crossDomainScorer } from './scorers/cross-domain.ts';
import { parallelismScorer } from './scorers/parallelism.ts';
import { securityBoundaryScorer } from './scorers/security-boundary.ts';
import { toolUseScorer } from './scorers/tool-use.ts';
import { joinWords } from './wording.ts';

/** The default scorer of each signal. */
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
  const config = resolveRouterConfig(options);
  const given: RouterOptions = options ?? {};
  const scorers = SIGNALS.map((signal) => {
    const own = given.scorers?.[signal] ?? DEFAULT_SCORERS[signal];
    const extra = (given.extraScorers ?? []).filter((s) => s.signal === signal);
    return [signal, [own, ...extra]] as const;
  });

  return {
    config,
    route(input) {
      const task = parseTask(typeof input === 'string' ? { input } : input);
      const analysis = analyzeRequest(task.input);
      let neededTools: readonly ToolNeed[] = [];
      let candidateTools: readonly ToolNeed[] = [];
      const signals = {} as Record<SignalName, SignalDecision>;
      const reasons: string[] = [];
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
        reasons.push(...explain(signal, set, result, neededTools));
      }
      return decide(task, config, signals, neededTools, reasons);
    },
  };
}

function explain(
  signal: SignalName,
  set: boolean,
  result: SignalScore,
  neededTools: readonly ToolNeed[],
): string[] {
  if (signal === 'toolUse') {
    const head = !set
      ? 'no offered tool is needed'
      : neededTools.length === 0
        ? 'needs an offered tool, though no tool matches its words'
        : `needs ${joinWords(neededTools.map((n) => `${n.tool.name} (${n.tool.domain})`))}`;
    return [head, ...result.reasons];
  }
  const label = LABELS[signal];
  if (!set)
    return result.reasons.length > 0 && result.score > 0
      ? [`not ${label}: ${result.reasons.join('; ')}`]
      : [];
  return [...result.reasons];
}

const LABELS: Readonly<Record<SignalName, string>> = {
  toolUse: 'tool use',
  crossDomain: 'cross-domain',
  securityBoundary: 'a security boundary',
  parallelism: 'parallel',
};

function decide(
  task: Task,
  config: ResolvedRouterConfig,
  signals: Record<SignalName, SignalDecision>,
  neededTools: readonly ToolNeed[],
  reasons: string[],
): Decision {
  const multi = MULTI_AGENT_SIGNALS.filter((s) => signals[s].set);
  const signalTier: Tier =
    multi.length > 0 ? 'multi-agent' : signals.toolUse.set ? 'agent' : 'direct';
  let tier = signalTier;
  let override: TierOverride | undefined;
  const hintTier = task.hints?.tier;
  if (hintTier !== undefined && hintTier !== tier) {
    override = { by: 'hint', from: tier, to: hintTier };
    reasons.push(`the task's hint forces ${hintTier} instead of ${tier}`);
    tier = hintTier;
  }
  const cap =
    task.hints?.maxTier === undefined
      ? config.maxTier
      : lowerTier(config.maxTier, task.hints.maxTier);
  const capped = lowerTier(tier, cap);
  if (capped !== tier) {
    const asked = override === undefined ? 'signals call' : "the task's hint asks";
    override = { by: 'max-tier', from: override?.from ?? tier, to: capped };
    reasons.push(`capped at ${capped} by maxTier (${asked} for ${tier})`);
    tier = capped;
  }
  const tools: NeededTool[] = signals.toolUse.set
    ? neededTools.map((n) => ({ name: n.tool.name, domain: n.tool.domain, score: round(n.score) }))
    : [];
  const decision: Decision = { tier, signalTier, signals, tools, reasons };
  return override === undefined ? decision : { ...decision, override };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
