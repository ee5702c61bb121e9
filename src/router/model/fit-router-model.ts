import type { SignalName } from '../../core/decision.ts';
import { parseTask, type Task } from '../../core/task.ts';
import { analyzeRequest, type RequestAnalysis } from '../analysis.ts';
import { FITTED_TOOL_USE_FEATURES } from '../features/form-features.ts';
import { TOOL_NEED_FEATURES } from '../features/tool-relevance.ts';
import { evidenceOf, type ToolEvidence, toolEvidence } from './evidence.ts';
import { DEFAULT_FIT, type Example, fitLogistic } from './fit-logistic.ts';
import { compileRouterModel, EMPTY_LOGISTIC, type RouterModel } from './router-model.ts';
import { tokenKeys } from './tokens.ts';

/** A labeled request as the fitter reads it (data/routing/GUIDE.md, with its source). */
export interface TrainingRecord {
  readonly id: string;
  readonly source: string;
  readonly input: string;
  readonly tools?: readonly unknown[];
  readonly expected: Readonly<Record<SignalName, boolean>> & { readonly tools?: readonly string[] };
}

const NEED_CUT = 0.5;
const CANDIDATE_CUT = 0.2;

/**
 * A record parsed and analyzed, with the features that depend on no weight: what every fit reads
 * of it. Preparing once lets a leave-one-source-out run fit many times over the same records.
 */
export interface PreparedRecord {
  readonly record: TrainingRecord;
  readonly task: Task;
  readonly analysis: RequestAnalysis;
  /** The toolUse and per-tool features (the probabilities in it are an empty model's). */
  readonly tools: ToolEvidence;
  /** The sparse keys of the request's words (see requestTokens). */
  readonly tokens: readonly string[];
}

/** Parses and analyzes labeled records for {@link fitPreparedRecords}. */
export function prepareRecords(records: readonly TrainingRecord[]): PreparedRecord[] {
  const blank = compileRouterModel(emptyModel('', {}));
  return records.map((record) => {
    const task = parseTask({ input: record.input, tools: record.tools ?? [] });
    const analysis = analyzeRequest(task.input);
    const tools = toolEvidence(task, analysis, blank);
    return { record, task, analysis, tools, tokens: tokenKeys(tools.words) };
  });
}

/**
 * Fits the routing models on labeled records, in the order the router uses them: which offered
 * tools a request needs (on records that name them), whether it needs a tool at all, then the
 * three multi-agent signals over the evidence the first two give. `command` is recorded in the
 * model's `about`.
 */
export interface RouterFitOptions {
  /** A source's records weigh at most this many records' worth in all: no source dominates. */
  readonly sourceWeight: number;
  /**
   * The records the team wrote (sources `composed-*`) weigh this much more: they are the enterprise
   * requests the router is for, and the only multi-agent labels.
   */
  readonly composedWeight: number;
  /** A word is learned only when this many distinct sources use it: words of one source's style do not carry. */
  readonly minSources: number;
  readonly l2: number;
  /** L2 penalty on the words' weights in the toolUse model. */
  readonly l2Words: number;
  /** L2 penalty on the words' weights in the three multi-agent models. */
  readonly l2SignalWords: number;
  /**
   * Which multi-agent models also weigh the request's words. The others decide from structural
   * evidence alone (the needed tools' domains and flags, disciplines named), so that they follow the
   * tools judged needed: with toolUse unset, crossDomain and securityBoundary cannot fire on words.
   */
  readonly signalWords: readonly ('crossDomain' | 'securityBoundary' | 'parallelism')[];
  /** Positive examples of toolUse weigh this much more than negatives: a missed need is the costly mistake. */
  readonly toolUseWeight: number;
  /** Likewise for the three multi-agent signals. */
  readonly signalWeight: number;
}

export const DEFAULT_ROUTER_FIT: RouterFitOptions = {
  sourceWeight: 400,
  composedWeight: 2,
  minSources: 5,
  l2: 1e-4,
  l2Words: 1e-4,
  l2SignalWords: 0.003,
  signalWords: ['parallelism'],
  toolUseWeight: 3,
  signalWeight: 4,
};

export function fitRouterModel(
  records: readonly TrainingRecord[],
  command: string,
  options: RouterFitOptions = DEFAULT_ROUTER_FIT,
): RouterModel {
  return fitPreparedRecords(prepareRecords(records), command, options);
}

/** {@link fitRouterModel} over records prepared once by {@link prepareRecords}. */
export function fitPreparedRecords(
  records: readonly PreparedRecord[],
  command: string,
  options: RouterFitOptions = DEFAULT_ROUTER_FIT,
): RouterModel {
  const corpus = corpusOf(records, options);
  const fit = { ...DEFAULT_FIT, l2: options.l2, l2Words: options.l2Words };
  const toolNeed = fitLogistic(needExamples(corpus), { ...fit, minCount: 1 });
  const toolUse = fitLogistic(useExamples(corpus, options), fit, corpus.allowed);
  const empty = emptyModel(command, corpus.sources);
  const staged: RouterModel = { ...empty, models: { ...empty.models, toolNeed, toolUse } };
  const compiled = compileRouterModel(staged);
  const evidence = corpus.prepared.map((p) =>
    evidenceOf(p.task, p.analysis, compiled, (x) => x >= 0.5),
  );
  const signalFit = { ...fit, l2Words: options.l2SignalWords };
  const none = new Set<string>();
  const fitSignal = (signal: MultiAgentSignal, dense: (i: number) => Record<string, number>) =>
    fitLogistic(
      signalExamples(corpus, options, signal, dense),
      signalFit,
      options.signalWords.includes(signal) ? corpus.allowed : none,
    );
  return {
    ...staged,
    models: {
      toolNeed,
      toolUse,
      crossDomain: fitSignal('crossDomain', (i) => evidence[i]?.crossDomain.features ?? {}),
      securityBoundary: fitSignal('securityBoundary', (i) => evidence[i]?.security.features ?? {}),
      parallelism: fitSignal('parallelism', (i) => evidence[i]?.parallelism ?? {}),
    },
  };
}

type MultiAgentSignal = 'crossDomain' | 'securityBoundary' | 'parallelism';

/** The records parsed and analyzed once, with what every model's fit shares. */
interface Corpus {
  readonly prepared: readonly PreparedRecord[];
  readonly sources: Record<string, number>;
  /** The toolUse and per-tool features of each record (they do not depend on any weight). */
  readonly tools: readonly ToolEvidence[];
  /** Each record's weight share: a source weighs at most `sourceWeight` records in all. */
  readonly share: readonly number[];
  /** The words used by at least `minSources` sources: the only words a model may learn. */
  readonly allowed: ReadonlySet<string>;
}

function corpusOf(prepared: readonly PreparedRecord[], options: RouterFitOptions): Corpus {
  const sources: Record<string, number> = {};
  for (const { record } of prepared) sources[record.source] = (sources[record.source] ?? 0) + 1;
  const tools = prepared.map((p) => p.tools);
  const share = prepared.map(
    ({ record }) =>
      Math.min(1, options.sourceWeight / (sources[record.source] ?? 1)) *
      (record.source.startsWith('composed-') ? options.composedWeight : 1),
  );
  const spread = new Map<string, Set<string>>();
  for (const { record, tokens } of prepared) {
    const source = record.source;
    for (const key of tokens) {
      const set = spread.get(key) ?? new Set<string>();
      set.add(source);
      spread.set(key, set);
    }
  }
  const allowed = new Set(
    [...spread].filter(([, s]) => s.size >= options.minSources).map(([k]) => k),
  );
  return { prepared, sources, tools, share, allowed };
}

function emptyModel(command: string, sources: Record<string, number>): RouterModel {
  return {
    about: { command, sources },
    needCut: NEED_CUT,
    candidateCut: CANDIDATE_CUT,
    models: {
      toolNeed: EMPTY_LOGISTIC,
      toolUse: EMPTY_LOGISTIC,
      crossDomain: EMPTY_LOGISTIC,
      securityBoundary: EMPTY_LOGISTIC,
      parallelism: EMPTY_LOGISTIC,
    },
  };
}

/** One example per offered tool of every record that names the tools it needs. */
function needExamples({ prepared, tools }: Corpus): Example[] {
  const examples: Example[] = [];
  prepared.forEach(({ record, task }, i) => {
    const names = record.expected.tools;
    if (!record.expected.toolUse || names === undefined || names.length === 0) return;
    const features = tools[i]?.needFeatures;
    const width = TOOL_NEED_FEATURES.length;
    task.tools.forEach((tool, t) => {
      const y = names.includes(tool.name) ? 1 : 0;
      const row = features?.subarray(t * width, (t + 1) * width);
      examples.push({ dense: named(TOOL_NEED_FEATURES, row), sparse: [], y, weight: 1 });
    });
  });
  return examples;
}

/** One example per record that offers tools: a request with none offered needs none. */
function useExamples({ prepared, tools, share }: Corpus, options: RouterFitOptions): Example[] {
  const examples: Example[] = [];
  prepared.forEach(({ record, task }, i) => {
    const evidence = tools[i];
    if (task.tools.length === 0 || evidence === undefined) return;
    const y = record.expected.toolUse ? 1 : 0;
    const weight = (y === 1 ? options.toolUseWeight : 1) * (share[i] ?? 1);
    examples.push({
      // FITTED_TOOL_USE_FEATURES[0] is the default model's bias: the fitter has its own.
      dense: named(FITTED_TOOL_USE_FEATURES, evidence.toolUse.values, 1),
      sparse: prepared[i]?.tokens ?? [],
      y,
      weight,
    });
  });
  return examples;
}

function signalExamples(
  { prepared, share }: Corpus,
  options: RouterFitOptions,
  signal: MultiAgentSignal,
  dense: (i: number) => Record<string, number>,
): Example[] {
  return prepared.map(({ record, tokens }, i): Example => {
    const y = record.expected[signal] ? 1 : 0;
    const weight = (y === 1 ? options.signalWeight : 1) * (share[i] ?? 1);
    return { dense: dense(i), sparse: tokens, y, weight };
  });
}

/** A feature vector as named features, from index `from` of `names` on. */
function named(
  names: readonly string[],
  values: ArrayLike<number> | undefined,
  from = 0,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (values === undefined) return out;
  for (let i = from; i < names.length; i++) out[names[i] as string] = values[i] ?? 0;
  return out;
}
