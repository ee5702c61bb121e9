import { testCue } from '../analysis.ts';
import { oneAnswer } from '../features/answer-forms.ts';
import {
  cjkForm,
  countItems,
  EACH,
  STEP,
  SUBSTANTIAL,
  TRIVIAL,
} from '../features/parallelism-features.ts';
import type { Scorer, SignalScore } from '../scorer.ts';
import { countWord } from '../wording.ts';

// The hand-weighted default scorer of the parallelism signal. The fitted model
// (src/router/model/) weighs the same evidence with weights learned from data; see docs/routing.md.

/** Three or more items alone. */
const BASE = 0.4;
/** "For each", "per", "chaque": the items are handled one by one. */
const EACH_BONUS = 0.25;
/** The work per item is substantial (research, review, draft) or has several steps. */
const SUBSTANTIAL_BONUS = 0.15;
const MANY_BONUS = 0.05;
/** Quick look-ups (status, rates, stock levels) or light edits of given text. */
const TRIVIAL_PENALTY = 0.35;
/** A word problem, an answer that lists things, or a short piece per item. */
const ANSWER_PENALTY = 0.4;

/**
 * Default `parallelism` scorer: three or more independent, substantial subtasks (research five
 * vendors, review four modules, draft six replies) that could run in separate contexts. Quick
 * look-ups over several items are not parallelism: one agent issues the calls in one turn.
 */
export const parallelismScorer: Scorer = {
  name: 'independent-subtasks',
  signal: 'parallelism',
  score({ analysis }): SignalScore {
    const text = analysis.instruction;
    // "$5 each", "10 legs each": a price or a quantity per thing, not work handled one by one.
    const cjk = cjkForm(analysis.original);
    const each =
      (testCue(analysis, EACH) &&
        EACH.test(text.replace(/\d\S*\s+(each|apiece|jeweils|chacun\w*|cada uno)\b/g, ''))) ||
      cjk.each;
    const items = countItems(text, analysis.original, each, cjk);
    if (items < 3) return { score: 0, reasons: [] };
    const steps = new Set(text.match(STEP) ?? []).size;
    const substantial = SUBSTANTIAL.test(text) || steps >= 2 || cjk.substantial;
    const trivial = TRIVIAL.test(text) || cjk.trivial;
    let score = BASE;
    if (each) score += EACH_BONUS;
    if (substantial) score += SUBSTANTIAL_BONUS;
    if (items >= 4) score += MANY_BONUS;
    if (trivial && !substantial) score -= TRIVIAL_PENALTY;
    const transformsCarried = analysis.material !== '' && analysis.cues.transform;
    if (transformsCarried && !analysis.cues.identifier) score -= TRIVIAL_PENALTY;
    const answer = oneAnswer(analysis);
    if (answer !== undefined) score -= ANSWER_PENALTY;
    score = Math.max(0, Math.min(1, score));
    const kind = substantial && !trivial ? 'substantial' : 'quick';
    const counted = `${countWord(items)} ${kind} items of work${each ? ', each handled on its own' : ''}`;
    return { score, reasons: [answer === undefined ? counted : `${counted}, but ${answer}`] };
  },
};
