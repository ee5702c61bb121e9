import type { SignalName } from '../../core/decision.ts';
import { parseTask, type Task } from '../../core/task.ts';
import { analyzeRequest, type RequestAnalysis } from '../analysis.ts';
import { type Evidence, evidenceOf, type ToolEvidence, toolEvidence } from './evidence.ts';
import { DEFAULT_FIT, type Example, fitLogistic } from './fit-logistic.ts';
import { compileRouterModel, EMPTY_LOGISTIC, type RouterModel } from './router-model.ts';

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

interface Prepared {
  readonly record: TrainingRecord;
  readonly task: Task;
  readonly analysis: RequestAnalysis;
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
  minSources: 3,
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
  const corpus = prepareCorpus(records, options);
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
      signalExamples(corpus, options, signal, evidence, dense),
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
  readonly prepared: readonly Prepared[];
  readonly sources: Record<string, number>;
  /** The toolUse and per-tool features of each record (they do not depend on any weight). */
  readonly tools: readonly ToolEvidence[];
  /** Each record's weight share: a source weighs at most `sourceWeight` records in all. */
  readonly share: readonly number[];
  /** The words used by at least `minSources` sources: the only words a model may learn. */
  readonly allowed: ReadonlySet<string>;
}

function prepareCorpus(records: readonly TrainingRecord[], options: RouterFitOptions): Corpus {
  const prepared: Prepared[] = records.map((record) => {
    const task = parseTask({ input: record.input, tools: record.tools ?? [] });
    return { record, task, analysis: analyzeRequest(task.input) };
  });
  const sources: Record<string, number> = {};
  for (const { source } of records) sources[source] = (sources[source] ?? 0) + 1;
  const blank = compileRouterModel(emptyModel('', sources));
  const tools = prepared.map((p) => toolEvidence(p.task, p.analysis, blank));
  const share = prepared.map(({ record }) =>
    Math.min(1, options.sourceWeight / (sources[record.source] ?? 1)),
  );
  const spread = new Map<string, Set<string>>();
  tools.forEach((evidence, i) => {
    const source = prepared[i]?.record.source ?? '';
    for (const key of evidence.tokens) {
      const set = spread.get(key) ?? new Set<string>();
      set.add(source);
      spread.set(key, set);
    }
  });
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
    const features = tools[i]?.needFeatures ?? [];
    task.tools.forEach((tool, t) => {
      const y = names.includes(tool.name) ? 1 : 0;
      examples.push({ dense: features[t] ?? {}, sparse: [], y, weight: 1 });
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
    examples.push({ dense: evidence.toolUse.dense, sparse: evidence.tokens, y, weight });
  });
  return examples;
}

function signalExamples(
  { prepared, share }: Corpus,
  options: RouterFitOptions,
  signal: MultiAgentSignal,
  evidence: readonly Evidence[],
  dense: (i: number) => Record<string, number>,
): Example[] {
  return prepared.map(({ record }, i): Example => {
    const y = record.expected[signal] ? 1 : 0;
    const weight = (y === 1 ? options.signalWeight : 1) * (share[i] ?? 1);
    return { dense: dense(i), sparse: evidence[i]?.tokens ?? [], y, weight };
  });
}
