import { ScorerError } from '../core/errors.ts';
import type { Scorer, ScoringContext, SignalScore } from './scorer.ts';

/**
 * Runs a signal's scorers and combines their findings: the signal's score is the highest score,
 * the reasons are everyone's, and the tools come from the first scorer that reports them (the
 * signal's own scorer before any extra one).
 * @throws {ScorerError} when a scorer throws or returns a malformed result.
 */
export function runScorers(scorers: readonly Scorer[], context: ScoringContext): SignalScore {
  const only = scorers[0];
  if (scorers.length === 1 && only !== undefined) {
    // The usual case, one scorer: its findings as they are, the reasons not copied.
    const result = runScorer(only, context);
    return {
      score: Math.max(0, result.score),
      reasons: result.reasons,
      neededTools: result.neededTools,
      candidateTools: result.candidateTools,
    };
  }
  let score = 0;
  const reasons: string[] = [];
  let neededTools: SignalScore['neededTools'];
  let candidateTools: SignalScore['candidateTools'];
  for (const scorer of scorers) {
    const result = runScorer(scorer, context);
    if (result.score > score) score = result.score;
    reasons.push(...result.reasons);
    neededTools ??= result.neededTools;
    candidateTools ??= result.candidateTools;
  }
  return { score, reasons, neededTools, candidateTools };
}

function runScorer(scorer: Scorer, context: ScoringContext): SignalScore {
  let result: SignalScore;
  try {
    result = scorer.score(context);
  } catch (error) {
    throw new ScorerError(scorer.name, scorer.signal, `threw: ${String(error)}`, { cause: error });
  }
  const problem = malformed(result);
  if (problem !== undefined) throw new ScorerError(scorer.name, scorer.signal, problem);
  return result;
}

function malformed(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || result instanceof Promise) {
    return 'must return { score, reasons } synchronously';
  }
  const { score, reasons } = result as Partial<SignalScore>;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
    return `returned a score of ${String(score)}; expected a number between 0 and 1`;
  }
  if (!Array.isArray(reasons) || reasons.some((r) => typeof r !== 'string')) {
    return 'returned `reasons` that are not an array of strings';
  }
  return undefined;
}
