import type { SignalName } from '../core/decision.ts';
import type { Task, ToolSpec } from '../core/task.ts';
import type { RequestAnalysis } from './analysis.ts';

/** A tool with how strongly the request calls for it. */
export interface ToolNeed {
  readonly tool: ToolSpec;
  /** How strongly the request needs this tool, in [0, 1]. */
  readonly score: number;
  /**
   * How well the request's words match the tool's, in [0, 1], before the request's shape is
   * weighed. Defaults to `score` for scorers that do not tell them apart.
   */
  readonly relevance?: number;
}

/** What a scorer sees: the validated task, the shared text analysis and what earlier scorers found. */
export interface ScoringContext {
  readonly task: Task;
  /** Normalized words, stems and cues of the request, computed once per `route()`. */
  readonly analysis: RequestAnalysis;
  /**
   * Tools judged needed, strongest first, as found by the `toolUse` scorer (which runs first).
   * Empty inside the `toolUse` scorer itself.
   */
  readonly neededTools: readonly ToolNeed[];
  /**
   * Every offered tool the `toolUse` scorer found some relevance in, strongest first: a superset
   * of `neededTools` for scorers that weigh weaker evidence (the Rule of Two asks whether an agent
   * *could* end up holding a capability). Empty inside the `toolUse` scorer itself.
   */
  readonly candidateTools: readonly ToolNeed[];
}

/** One scorer's finding on one signal. */
export interface SignalScore {
  /** Strength of the signal in [0, 1]. */
  readonly score: number;
  /** Sentences a person can check, e.g. "needs get_order (commerce) and refund_payment (payments): two domains". */
  readonly reasons: readonly string[];
  /**
   * Only from a `toolUse` scorer: the tools it judged needed. The other scorers read them from
   * {@link ScoringContext.neededTools}.
   */
  readonly neededTools?: readonly ToolNeed[];
  /** Only from a `toolUse` scorer: every tool with some relevance, strongest first. */
  readonly candidateTools?: readonly ToolNeed[];
}

/**
 * Computes one routing signal. Scorers are synchronous, make no model call and must not keep
 * per-request state. Replace a default scorer with `createRouter({ scorers: { parallelism: mine } })`
 * or add one with `extraScorers` (the signal's score is then the highest of its scorers).
 *
 * @example
 * const vipScorer: Scorer = {
 *   name: 'vip-accounts',
 *   signal: 'securityBoundary',
 *   score: ({ task }) => /\bvip\b/i.test(task.input)
 *     ? { score: 1, reasons: ['mentions a VIP account'] }
 *     : { score: 0, reasons: [] },
 * };
 */
export interface Scorer {
  /** Shown in reasons and errors. */
  readonly name: string;
  readonly signal: SignalName;
  score(context: ScoringContext): SignalScore;
}
