import type { ToolSpec } from '../../core/task.ts';
import type { RequestAnalysis } from '../analysis.ts';
import { hasCjk } from '../cjk-concepts.ts';
import { OURS } from '../cues.ts';
import { cappedForm, WORD_PROBLEM_CAP } from '../features/answer-forms.ts';
import { formCues } from '../features/form-features.ts';
import { type ToolRelevances, toolRelevances } from '../features/tool-relevance.ts';
import { type ToolRelevance, toolUseFeatures } from '../features/tool-use-features.ts';
import type { Scorer, SignalScore, ToolNeed } from '../scorer.ts';
import { TOOL_USE_WEIGHTS } from './tool-use-model.ts';

/** The least toolUse score of a request whose script the router cannot read, when tools are offered. */
const UNREADABLE_FLOOR = 0.55;
/** Shorter unreadable requests are greetings and thanks more often than asks. */
const UNREADABLE_MIN_LENGTH = 8;
/**
 * The least toolUse score of a request whose form a general-purpose tool on offer serves, whatever
 * its words: a shell a path, a file or a task set in an environment; a database query a question
 * that picks records or asks about their state (a pasted table answers itself).
 */
const KIND_SERVES_FLOOR = 0.6;
const KIND_SERVES_REASON =
  'the request names a path or file, sets a task in an environment, or queries records: a shell or database tool on offer serves it';
const SERVICE_REASON =
  "the request asks the service what it offers or for an item: the service's catalog or ordering tool on offer serves it";
/**
 * The most toolUse score of a request that matches no offered tool while the web search on offer
 * has nothing to serve (see unservedBySearch): under the default threshold, inside the default
 * uncertain band, so a model consulted by `routing.assist` settles it.
 */
const UNSERVED_CAP = 0.45;
const UNSERVED_REASON =
  "no offered tool matches the request's words, and it asks the web search on offer for nothing (nothing current, no state, no record, nothing to find or research)";
const SCATTERED_REASON =
  "no offered tool matches the request's words, and the tools on offer are of many domains, none of them most: no service of the request's kind";
/** A tool is needed when its score reaches this share of the best tool's score... */
const RELATIVE_CUT = 0.5;
/** ...and at least this much. */
const ABSOLUTE_CUT = 0.25;

/** Probability that the request needs one of the tools, from the fitted model's weights. */
export function toolUseProbability(analysis: RequestAnalysis, relevance: ToolRelevance): number {
  const features = toolUseFeatures(analysis, relevance);
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (features[i] ?? 0) * (TOOL_USE_WEIGHTS[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Default `toolUse` scorer: how likely the request needs one of the offered tools.
 * A logistic model weighs the tools' relevance against cues of the request's shape: it asks to
 * act, names a record, wants current state or speaks of "our" data; or it transforms or explains
 * content it carries, or asks a general question. The weights were fitted on labeled requests
 * (see docs/routing.md). The tools judged needed are the most relevant ones.
 */
export const toolUseScorer: Scorer = {
  name: 'tool-match',
  signal: 'toolUse',
  score({ task, analysis }): SignalScore {
    if (task.tools.length === 0)
      return { score: 0, reasons: ['no tools are offered'], neededTools: [] };
    const relevance = toolRelevances(task.tools, analysis);
    // A request in a script the lexicon cannot read gives no evidence either way; missing a tool
    // need costs more than an unneeded agent, so such a request does not go below the floor.
    const modelled = toolUseProbability(analysis, relevance);
    const floored =
      analysis.unreadable &&
      !analysis.cues.smallTalk &&
      analysis.instruction.replace(/\s/g, '').length >= UNREADABLE_MIN_LENGTH;
    let probability = floored ? Math.max(modelled, UNREADABLE_FLOOR) : modelled;
    // A task set in an environment that an offered shell serves is not a word problem, numbers or not.
    const served = servedByKind(relevance, analysis);
    const kindsOf = (tool: ToolSpec) => relevance.perTool.find((t) => t.tool === tool)?.kinds;
    const shellTask = served.some((tool) => kindsOf(tool)?.shell === true);
    // A word problem, a role-play, a piece of writing, a question a model answers: one call.
    const form = cappedForm(analysis, shellTask);
    if (form !== undefined) probability = Math.min(probability, WORD_PROBLEM_CAP);
    const serving = form !== undefined ? [] : served;
    const kindServes = serving.length > 0;
    if (kindServes) probability = Math.max(probability, KIND_SERVES_FLOOR);
    // Nothing matches, and nothing on offer is shown to serve the request: the web search has
    // nothing to find, or the catalog is no one service's. No evidence of a need.
    const cappable = probability > UNSERVED_CAP && form === undefined && !kindServes;
    const unserved = cappable && unservedBySearch(relevance, analysis);
    const scattered = cappable && !unserved && unmatchedInScatteredCatalog(relevance, analysis);
    if (unserved || scattered) probability = UNSERVED_CAP;
    const candidates: ToolNeed[] = [];
    if (relevance.best > 0) {
      for (const { tool, relevance: r } of relevance.perTool) {
        if (r > 0)
          candidates.push({ tool, score: (probability * r) / relevance.best, relevance: r });
      }
    }
    // A serving tool is needed as much as the best word match, its own words aside.
    for (const tool of serving) {
      const at = candidates.findIndex((c) => c.tool === tool);
      const relevanceOf = at < 0 ? 0 : (candidates[at]?.relevance ?? 0);
      if (at >= 0) candidates.splice(at, 1);
      candidates.push({ tool, score: probability, relevance: relevanceOf });
    }
    candidates.sort((a, b) => b.score - a.score);
    const cut = Math.max(ABSOLUTE_CUT, probability * RELATIVE_CUT);
    return {
      score: probability,
      reasons: [
        form ??
          (kindServes
            ? serving.some((tool) => kindsOf(tool)?.shell || kindsOf(tool)?.query)
              ? KIND_SERVES_REASON
              : SERVICE_REASON
            : unserved
              ? UNSERVED_REASON
              : scattered
                ? SCATTERED_REASON
                : describeShape(analysis)),
      ],
      neededTools: candidates.filter((c) => c.score >= cut),
      candidateTools: candidates,
    };
  },
};

function describeShape({ cues, material, unreadable }: RequestAnalysis): string {
  if (unreadable && cues.smallTalk) return 'the request is small talk: a thanks or a goodbye';
  if (unreadable)
    return "the request's script is outside the lexicon: an agent gets the benefit of the doubt";
  const need: string[] = [];
  if (cues.identifier) need.push('names a specific record');
  if (cues.fresh) need.push('asks for current state');
  if (cues.owned || cues.personal) need.push("speaks of the user's own data");
  if (cues.action) need.push('asks to act or fetch');
  if (cues.lookup) need.push('asks about the state of something');
  const own: string[] = [];
  if (material !== '' && (cues.deictic || cues.transform)) own.push('works on content it carries');
  else if (cues.transform) own.push('asks to transform or explain text');
  if (cues.knowledge) own.push('reads as a general question');
  if (need.length === 0 && own.length === 0)
    return 'the request shows no cue of needing live data or an action';
  const parts = [...need, ...own];
  return `the request ${parts.join(', ')}`;
}

/**
 * The offered tools that serve the request's form (see KIND_SERVES_FLOOR): a shell or a database
 * query, a service's catalog asked what the service offers, a service's ordering tool asked for
 * an item.
 */
function servedByKind(relevance: ToolRelevances, analysis: RequestAnalysis): ToolSpec[] {
  const shell = relevance.perTool.some((t) => t.kinds.shell);
  const query = analysis.material === '' && relevance.perTool.some((t) => t.kinds.query);
  const catalog = relevance.perTool.some((t) => t.kinds.catalog);
  const ordering = relevance.perTool.some((t) => t.kinds.ordering);
  if (!shell && !query && !catalog && !ordering) return [];
  // The text's form is read only for a shell or a query: it costs more than the rest of the check.
  const form = shell || query ? formCues(analysis) : undefined;
  const shellServes = shell && form !== undefined && (form.resource || form.scenario);
  const queryServes = query && form !== undefined && (form.recordQuery || analysis.cues.lookup);
  const { instruction } = analysis;
  // The service's words must meet the request's: "Do you have honey?" asks a cinema's catalog nothing.
  const asksService = relevance.best > 0 && analysis.material === '';
  const catalogServes = catalog && asksService && OFFER_QUESTION.test(instruction);
  const orderServes = ordering && asksService && ORDER_REQUEST.test(instruction);
  if (!shellServes && !queryServes && !catalogServes && !orderServes) return [];
  return relevance.perTool
    .filter(
      (t) =>
        (shellServes && t.kinds.shell) ||
        (queryServes && t.kinds.query) ||
        (catalogServes && t.kinds.catalog) ||
        (orderServes && t.kinds.ordering),
    )
    .map((t) => t.tool);
}

/**
 * A question to a service about what it offers: "Do you have oat milk?", "What kinds of black tea
 * do you serve?", "What's playing at the Alamo?", "What movies are playing in Austin?", "Is Dune
 * playing at the Regal?", "What coffee drinks are available?", "Is there anything vegan on the
 * menu?".
 */
const OFFER_QUESTION =
  /\b(?:do|does) (?:you|y'?all|ya|u)(?: guys| all)? (?:have|serve|carry|sell|stock|offer|make)\b|\bwhat (?:kinds?|types?|sorts?|varieties|flavou?rs|sizes|options) of [\w' -]{1,40}? (?:do|does|can) (?:you|y'?all|ya|u)\b|\bwhat(?: [\w-]+){0,3}?(?:'s| is| are) (?:playing|showing|on the menu)\b|\bis [\w' -]{1,40}? (?:playing|showing) (?:at|in|near|tonight|today)\b|\bwhat [\w' -]{1,40}? (?:are|is) (?:available|on offer)\b|\bon (?:the|your) menu\b/;
/** A customer asking for an item: "Can I get a mocha?", "I'd like two lattes", "I'll have the soup". */
const ORDER_REQUEST =
  /\b(?:(?:can|could|may) i (?:get|have|order)|i'?d like|i would like|i'?ll (?:have|take)|i want) (?:a|an|two|three|four|\d+|one|some|the|my) /;

/**
 * A request to research named things ("Compare Asana, ClickUp and Notion", "Analyse les rapports
 * annuels de Danone et Nestlé"): with a proper noun, what a web search serves.
 */
const RESEARCH =
  /\b(research|compare|comparison|analy[sz]e|analysis|teardown|investigate|look into|find out|market sizing|benchmark|study|recherche\w*|analyse[rz]?|compar[ae]\w*|etude|vergleich\w*|untersuch\w*|onderzo\w*|vergelijk\w*|investiga\w*|analizza\w*|confronta\w*|pesquis\w*)\b/;
/**
 * An ask to find or look something up, in the languages the router reads: what a search serves.
 * Whole words: German "such..." and Dutch "vind..." are not English "such" and "vindictive".
 */
const FIND =
  /\b(find|look up|lookup|search|trouve\w*|cherche\w*|busca\w*|encuentra\w*|such(e|en|st|t)|finde[nt]?|zoek\w*|vind(t|en)?|cerca\w*|trova\w*|procur(a|ar|e|o|am|ando))\b/;

/**
 * A request whose words match no offered tool, under a catalog with a web search, that asks for
 * nothing a search serves: nothing current, no state of something, no record, nothing of "our"
 * data, nothing to find, no research on named things. A general assistant's catalog (web search,
 * a code runner, email...) reaches everything outside through its search, so when the search has
 * nothing to serve and no other tool's words are used, nothing shows a need (an everyday prompt:
 * advice, opinion, chat). Without a web search, a catalog is a service's own (a coffee shop's, a
 * bank's), and a request in its domain may need a tool whose words it does not use ("Can I get a
 * mocha?"): the model's score stands.
 */
function unservedBySearch(relevance: ToolRelevances, analysis: RequestAnalysis): boolean {
  if (relevance.best > 0 || analysis.unreadable) return false;
  if (!relevance.perTool.some((t) => t.kinds.search)) return false;
  const { cues, instruction } = analysis;
  if (cues.fresh || cues.lookup || cues.identifier) return false;
  // "our" data may be the company's, in docs whose words the request need not use; "my" is
  // everyday speech ("my friend", "my cat") that a tool of a general catalog would name.
  if (OURS.test(instruction)) return false;
  if (cues.properNoun && RESEARCH.test(instruction)) return false;
  return !FIND.test(instruction);
}

/**
 * A request whose words match no offered tool, under a catalog of tools from three or more
 * domains none of which holds half of them: the catalog is no one service's (a coffee shop's
 * tools are one domain, and "Can I get a mocha?" needs one of them whatever its words), so
 * nothing on offer is shown to serve it. A catalog with a web search is judged by
 * unservedBySearch instead. A request in a script the router does not read, or in
 * Chinese or Japanese (whose words it finds only as listed concepts), gives too little to judge;
 * one about the user's data ("my", "our") or the present may need a tool whose words it does not
 * use. Speaking of oneself ("I need one hotel room") is neither.
 */
function unmatchedInScatteredCatalog(
  relevance: ToolRelevances,
  analysis: RequestAnalysis,
): boolean {
  if (relevance.best > 0 || analysis.unreadable || hasCjk(analysis.instruction)) return false;
  // A web search reaches everything outside (unservedBySearch judges that catalog), a shell
  // everything on its machine: a catalog with either serves more than its tools' words say.
  if (relevance.perTool.some((t) => t.kinds.search || t.kinds.shell)) return false;
  const { cues } = analysis;
  if (cues.owned || cues.fresh) return false;
  const perDomain = new Map<string, number>();
  for (const { tool } of relevance.perTool)
    perDomain.set(tool.domain, (perDomain.get(tool.domain) ?? 0) + 1);
  if (perDomain.size < 3) return false;
  return Math.max(...perDomain.values()) * 2 < relevance.perTool.length;
}
