import type { ToolSpec } from '../../core/task.ts';
import { type RequestAnalysis, termsOf } from '../analysis.ts';
import { catalogIndex, matchedWeights } from '../tool-profile.ts';
import { askedSentences } from './asked-sentences.ts';

// crossDomain asks for work in two domains whose results must be combined (data/routing/GUIDE.md).
// A request that strings separate asks together ("Find the SLA of our AWS service. Additionally,
// back up /home/user/data. Finally, update shipment 42.") needs tools of several domains, but one
// agent makes those calls in turn: nothing of one ask feeds another.

/**
 * Where one ask ends and the next begins: a sentence end in the scripts the router reads, a line
 * break, or a word that adds another ask ("..., as well as any PDF links", "and also recommend
 * job openings", "along with", "additionally"). A run of marks or spaces is tried from its start
 * only (the lookbehinds): tried from each of its characters, a long run took quadratic time.
 */
const ASK_END =
  /(?<![.?!;。？！।])[.?!;。？！।]+(?=\s|$)|[。？！]|\n+|,?(?<!\s)\s+(?:and\s+)?(?:also|additionally|as well as|along with|in addition(?: to that)?)\b/;
/**
 * Words that put two results together, where the request asks (`askedSentences`: the whole of a
 * short request; the first, last and question sentences of a longer one) or in the later ask.
 */
const COMBINES =
  /\b(whether|compare[sd]?|comparing|comparison|against|versus|vs|cross[- ]?check\w*|cross[- ]?referenc\w*|correlat\w*|coincid\w*|reconcil\w*|match(es|ing)?|tie|ties|based on|according to|in light of|impact|affects?|fits?|gaps?|discrepanc\w*|differ\w*|consistent|compl(y|ies|iant)|violat\w*|caused?|because|due to|together|jointly|zusammen|ensemble|juntos|insieme|cross|cruz\w*|vergleich\w*|abgleich\w*|ob|comparer|comparar|confront\w*|si oui|wenn ja)\b/;
/** A later ask that starts with a condition depends on what came before ("If it won't rain, book..."). */
const CONDITIONAL = /^(if|unless|when|once|se|si|wenn|falls|sofern|als)\b/;
/** A sentence asks for a domain's tool when the tool matches it this much of its best match. */
const PRESENT = 0.6;
/** Words of a later ask that take up an earlier one's result. */
const TAKES_UP =
  /\b(them|those|these|their|theirs|her|hers|his|him|she|he|the results?|the findings|the answers?|that list|this list|accordingly|then use|with that|with this|from that|from this|for each|for every|each of|if so|if yes|if it is|if they|otherwise|it|for then|by then|until then|so (?:that|i|i'?m|we)|sie|ihnen|diese|deren|les|leurs|ces|ellos|esos|estos)\b/;

/**
 * Whether the two domains' tools are each asked for in an ask of its own (a sentence, or a part
 * joined by "as well as", "also"...), with nothing where the request asks that combines their
 * results and nothing in the later ask that takes up the earlier one's result. `first` and
 * `second` are the strongest tools of the two domains; `tools` is the catalog they come from.
 */
export function inSeparateAsks(
  analysis: RequestAnalysis,
  tools: readonly ToolSpec[],
  first: ToolSpec,
  second: ToolSpec,
): boolean {
  const asks = analysis.instruction
    .split(ASK_END)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  if (asks.length < 2) return false;
  // Cheap first: when every ask after the first takes up what came before, so does the later of
  // the two domains' asks, whichever they are.
  if (asks.slice(1).every(takesUp)) return false;
  // A combining word in a sentence of the scene between ("calculate the due date based on...")
  // is that sentence's own work, not the two asks'.
  if (COMBINES.test(askedSentences(analysis.instruction, true))) return false;
  const a = tools.indexOf(first);
  const b = tools.indexOf(second);
  const where = (i: number, per: readonly Float64Array[]) => {
    let at = -1;
    let best = 0;
    per.forEach((row, k) => {
      if ((row[i] ?? 0) > best) {
        best = row[i] ?? 0;
        at = k;
      }
    });
    return at;
  };
  // Each sentence's word match with the two tools (the catalog's index is cached).
  const index = catalogIndex(tools);
  const per = asks.map((ask) => matchedWeights(index, termsOf(ask)));
  const atA = where(a, per);
  const atB = where(b, per);
  if (atA < 0 || atB < 0 || atA === atB) return false;
  const bestA = per[atA]?.[a] ?? 0;
  const bestB = per[atB]?.[b] ?? 0;
  // One sentence that asks for both: the two are one piece of work.
  if (per.some((row) => (row[a] ?? 0) >= bestA * PRESENT && (row[b] ?? 0) >= bestB * PRESENT))
    return false;
  const later = asks[Math.max(atA, atB)] ?? '';
  return !takesUp(later) && !COMBINES.test(later);
}

/** The ask takes up an earlier one's result, or depends on it by a condition. */
function takesUp(ask: string): boolean {
  return TAKES_UP.test(ask) || CONDITIONAL.test(ask);
}
