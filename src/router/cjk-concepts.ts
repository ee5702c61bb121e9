import lexicon from './data/lexicon-cjk.json' with { type: 'json' };

/**
 * Chinese and Japanese words of the lexicon's concept groups (data/lexicon-cjk.json). These
 * scripts are written without spaces, so a request's words cannot be split off and stemmed: each
 * term is looked up as a substring of every run of Han, Hiragana and Katakana characters.
 */
const byTerm = new Map<string, string[]>();
let longest = 0;
for (const [id, terms] of Object.entries(lexicon.concepts as Record<string, readonly string[]>)) {
  for (const term of terms) {
    const ids = byTerm.get(term);
    if (ids === undefined) byTerm.set(term, [id]);
    else if (!ids.includes(id)) ids.push(id);
    longest = Math.max(longest, term.length);
  }
}

const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}/gu;
/** Runs read per request, and characters per run: a bound on the cost of an outsized request. */
const MAX_RUNS = 200;
const MAX_RUN_LENGTH = 400;

/** True when the text holds a character of the CJK ranges (U+3040 and up) the lexicon covers. */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x3040) return true;
  return false;
}

/** Adds to `into` the concept ids of the Chinese and Japanese terms found in `text`. */
export function addCjkConcepts(text: string, into: Set<string>): void {
  let runs = 0;
  for (const match of text.matchAll(RUN)) {
    if (++runs > MAX_RUNS) break;
    const run = match[0].length > MAX_RUN_LENGTH ? match[0].slice(0, MAX_RUN_LENGTH) : match[0];
    for (let start = 0; start + 1 < run.length; start++) {
      const end = Math.min(run.length, start + longest);
      for (let stop = start + 2; stop <= end; stop++) {
        const ids = byTerm.get(run.slice(start, stop));
        if (ids !== undefined) for (const id of ids) into.add(id);
      }
    }
  }
}
