import type { RequestAnalysis } from '../analysis.ts';
import { CHANGING, OWN_RECENT, RECORD_QUERY, RESOURCE_WORD, SCENARIO } from '../cues.ts';
import {
  isHowToQuestion,
  isMaterialQuestion,
  isMathsQuestion,
  isRolePlay,
  isWordProblem,
  isWritingRequest,
} from './answer-forms.ts';
import { type NumberForm, numberForm } from './number-form.ts';
import type { ToolKinds } from './tool-kinds.ts';
import type { ToolRelevances } from './tool-relevance.ts';
import { TOOL_USE_FEATURES, toolUseFeatures } from './tool-use-features.ts';

/**
 * Cues of a request's form that only the fitted models read (the default scorers do not pay for
 * them): a task set in the second person, a resource named outside the request, records picked by
 * their attributes, the user's records by count or recency, a fact that changes with the day.
 */
export interface FormCues extends NumberForm {
  /** A role-play set-up, or a word problem (answer-forms.ts): one model call answers them. */
  readonly rolePlay: boolean;
  /** A request for a piece of writing that draws on no record and asks nothing done with it. */
  readonly writing: boolean;
  /** A short mathematics question about mathematical objects (answer-forms.ts). */
  readonly maths: boolean;
  /** A question about the content the request carries, asking nothing done beyond the answer. */
  readonly materialQuestion: boolean;
  /** A how-to question about nothing of the user's (answer-forms.ts). */
  readonly howTo: boolean;
  readonly wordProblem: boolean;
  /** A task set in the second person, as for an agent in an environment ("you are given a directory"). */
  readonly scenario: boolean;
  /** Names a resource outside the request: a path, a file, a URL, a directory, a database. */
  readonly resource: boolean;
  /** Picks records by their attributes ("which team has a score of 2-1"). */
  readonly recordQuery: boolean;
  /** The user's own records by count or recency ("my 100 most recent transactions"). */
  readonly ownRecent: boolean;
  /** A fact that changes with the day asked: a record, an office holder, the next episode. */
  readonly changing: boolean;
}

/** The form cues of a request (the fitted models read them once per route). */
export function formCues(analysis: RequestAnalysis): FormCues {
  const text = analysis.instruction;
  const numbers = numberForm(analysis);
  return {
    scenario: SCENARIO.test(text),
    resource: namesResource(text),
    recordQuery: RECORD_QUERY.test(text),
    ownRecent: OWN_RECENT.test(text),
    changing: CHANGING.test(text),
    ...numbers,
    rolePlay: isRolePlay(analysis),
    writing: isWritingRequest(analysis),
    maths: isMathsQuestion(analysis, numbers),
    materialQuestion: isMaterialQuestion(analysis),
    howTo: isHowToQuestion(analysis),
    wordProblem: isWordProblem(analysis, numbers),
  };
}

/** A path, a URL, a file name with its extension, or a word for a place where files live. */
function namesResource(text: string): boolean {
  if (text.includes('/') && PATH.test(text)) return true;
  if (text.includes('.') && FILE.test(text)) return true;
  if (text.includes(':\\')) return true;
  if (text.includes('$') && ENV_VARIABLE.test(text.replace(TEX_MATH, inlineMath))) return true;
  return RESOURCE_WORD.test(text) || MACHINE.test(text);
}

/**
 * Inline TeX maths between dollar signs on one line: "$x$", "$x^2+3x=0$", "$C(s)$". A span of
 * one letter or with no two words in a row is maths, not a variable: "$PATH and $HOME" stay.
 */
const TEX_MATH = /\$([^$\n]{1,80})\$/g;
const TWO_WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
function inlineMath(span: string, inner: string): string {
  return TWO_WORDS.test(inner) ? span : ' ';
}
/**
 * An environment variable, as a shell writes it: "$PATH", "$HOME", "$HOME." at a sentence's end;
 * not an amount in a currency, "$US1,000", "$AUD1.5".
 */
const ENV_VARIABLE = /\$[A-Za-z_][A-Za-z0-9_]*\b(?![.,]\d)/;
/**
 * The machine a shell runs on, or a part of it: "this UNIX system", "my CPUs", "my home dir" (read
 * only where a shell is on offer: servedByKind in the toolUse scorer).
 */
const MACHINE =
  /\b(?:(?:unix|linux|ubuntu|debian) (?:system|machine|box|server|host)|(?:my|this) (?:machine|computer|host|cpus?|cores|disks?|home dir(?:ectory)?|running processes))\b/;

const PATH = /(?:^|[\s(`'"])(?:~|\.{1,2})?\/[\w.-]*[A-Za-z_][\w.-]*|https?:\/\//;
const FILE =
  /(?<=\w)\.(?:txt|log|csv|tsv|jsonl?|pdf|py|js|ts|java|cpp|go|rb|md|xlsx?|docx?|pptx?|pcap|sql|db|sqlite|ya?ml|xml|html?|sh|conf|cfg|ini|zip|tar|gz|png|jpe?g|mp3|mp4)\b|\bwww\./;
/** The general-purpose kinds offered by any tool of the catalog. */
export function catalogKinds(tools: readonly { readonly kinds: ToolKinds }[]): ToolKinds {
  let search = false;
  let compute = false;
  let query = false;
  let shell = false;
  let catalog = false;
  let ordering = false;
  for (const { kinds } of tools) {
    search ||= kinds.search;
    compute ||= kinds.compute;
    query ||= kinds.query;
    shell ||= kinds.shell;
    catalog ||= kinds.catalog;
    ordering ||= kinds.ordering;
  }
  return { search, compute, query, shell, catalog, ordering };
}

/**
 * A general-purpose tool serves the request's form whatever its words: a web search a question
 * whose answer changes, a calculator a long number or a calculation, a database query a question that
 * picks records, a shell a path or a task set in an environment.
 */
export function kindServes(kinds: ToolKinds, analysis: RequestAnalysis, form: FormCues): boolean {
  if (!(kinds.search || kinds.compute || kinds.query || kinds.shell)) return false;
  const { cues } = analysis;
  const pasted = analysis.material !== '';
  return (
    (kinds.search && (cues.fresh || form.changing) && !pasted) ||
    (kinds.compute && (cues.computation || cues.precise)) ||
    (kinds.query && (form.recordQuery || cues.lookup) && !pasted) ||
    (kinds.shell && (form.resource || form.scenario))
  );
}

/** Names of the fitted toolUse model's features, in the order {@link fittedToolUseFeatures} returns them. */
export const FITTED_TOOL_USE_FEATURES = [
  ...TOOL_USE_FEATURES,
  'scenario',
  'resource',
  'recordQuery',
  'ownRecent',
  'scenarioRelevance',
  'resourceRelevance',
  'recordQueryRelevance',
  'readableNoRelevance',
  'numbers2',
  'numbers4',
  'sentences3',
  'long',
  'storyProblem',
  'searchFresh',
  'computeCalculation',
  'computeStory',
  'queryRecords',
  'queryLookup',
  'shellResource',
  'shellScenario',
  'changing',
  'searchChanging',
  'longNumber',
  'longNumberRelevance',
  'computeLongNumber',
  'rolePlay',
  'wordProblem',
  'writing',
  'maths',
  'materialQuestion',
  'howTo',
] as const;

/**
 * The fitted toolUse model's features: those of the default scorer's model, then the request's
 * form (a scenario, a resource, a word problem in any language, a long number, a fact that
 * changes) alone and against the general-purpose kinds of tool on offer. A kind on offer is not a
 * feature by itself: the data places requests that need no tool under such registries on purpose
 * (a calculator beside easy maths), so alone it would learn "a calculator means no need".
 */
export function fittedToolUseFeatures(
  analysis: RequestAnalysis,
  relevance: ToolRelevances,
  form: FormCues,
): number[] {
  const { cues } = analysis;
  const k = catalogKinds(relevance.perTool);
  // A pasted table or email answers the lookup itself: no query or search is needed for it.
  const pasted = analysis.material !== '';
  const story = form.numbers >= 2 && form.sentences >= 2 && form.endsAsking;
  // Seven digits or more: arithmetic a model does unreliably (GUIDE: a computation).
  const long = form.longestNumber >= 7;
  const b = (x: boolean) => (x ? 1 : 0);
  const features = toolUseFeatures(analysis, relevance);
  features.push(
    b(form.scenario),
    b(form.resource),
    b(form.recordQuery),
    b(form.ownRecent),
    form.scenario ? relevance.best : 0,
    form.resource ? relevance.best : 0,
    form.recordQuery ? relevance.best : 0,
    b(relevance.best < 0.05 && !analysis.unreadable),
    b(form.numbers >= 2),
    b(form.numbers >= 4),
    b(form.sentences >= 3),
    b(analysis.original.length >= 200),
    b(story),
    b(k.search && cues.fresh && !pasted),
    b(k.compute && (cues.computation || cues.precise)),
    b(k.compute && story),
    b(k.query && form.recordQuery && !pasted),
    b(k.query && cues.lookup && !pasted),
    b(k.shell && form.resource),
    b(k.shell && form.scenario),
    b(form.changing),
    b(k.search && form.changing && !pasted),
    b(long),
    long ? relevance.best : 0,
    b(long && k.compute),
    b(form.rolePlay),
    b(form.wordProblem),
    b(form.writing),
    b(form.maths),
    b(form.materialQuestion),
    b(form.howTo),
  );
  return features;
}
