import { z } from 'zod';
import { type Decision, SIGNALS, type SignalDecision, type SignalName } from '../core/decision.ts';
import type { LanguageModel, Usage } from '../core/language-model.ts';
import type { Task } from '../core/task.ts';
import type { ResolvedRouterConfig } from './options.ts';
import { type Reason, reasonsOf, toDecisionReasons } from './reasons.ts';
import { applyTierPolicy, POLICY_REASON_CODES } from './tier-policy.ts';

/** What the model answers: a verdict on each signal and one sentence why. */
export const ModelJudgement = z.object({
  toolUse: z.boolean(),
  crossDomain: z.boolean(),
  securityBoundary: z.boolean(),
  parallelism: z.boolean(),
  reason: z.string().max(1_000),
});
export type ModelJudgement = z.infer<typeof ModelJudgement>;

/** The model call that settled the uncertain signals of a decision. */
export interface Assistance {
  readonly provider: string;
  readonly modelId: string;
  /** The signals the model judged: those whose heuristic score lay in the uncertain band. */
  readonly signals: readonly SignalName[];
  /** Tokens the call cost. */
  readonly usage: Usage;
  /** The model's one-sentence reason, or why its answer was not used. */
  readonly reason: string;
  /** False when the model's answer was malformed and the heuristic decision stands. */
  readonly applied: boolean;
}

/** A decision, with the model call that refined it when there was one. */
export interface AssistedDecision extends Decision {
  readonly assistance?: Assistance;
}

const { $schema: _, ...JUDGEMENT_SCHEMA } = z.toJSONSchema(ModelJudgement) as Record<
  string,
  unknown
>;

/** Characters of the request and tools shown to the model. */
const PROMPT_LIMIT = 8_000;
const MAX_TOOLS_SHOWN = 50;

const SYSTEM = `You judge how an LLM request should be executed. Given the request and the tools a service offers, decide four signals:
- toolUse: the request cannot be met from its own text and general knowledge: it needs an offered tool (fresh or private data, an action, or a computation a model does unreliably). A request no offered tool can help with is not toolUse.
- crossDomain: it needs substantive work in two or more specialist domains whose results must be combined (tools of two or more domains, or separate expert reviews from named disciplines).
- securityBoundary: one agent would have to process untrusted content, touch sensitive data and cause side effects or outward communication, all three; or it mixes data of different tenants or clearance levels.
- parallelism: three or more independent, substantial subtasks that could run separately and be merged (quick look-ups for several items are not).
Answer with the JSON object only.`;

/**
 * Settles the uncertain signals of a decision with one structured-output model call: only the
 * signals whose heuristic score lies in the uncertain band take the model's verdict; the tier is
 * then picked again under the same policy (hints, `maxTier`). A decision with no uncertain signal
 * is returned as it is, with no call. A malformed answer leaves the decision as it was and says so.
 */
export async function refineWithModel(
  decision: Decision,
  task: Task,
  config: ResolvedRouterConfig,
  model: LanguageModel,
  signal?: AbortSignal,
): Promise<AssistedDecision> {
  const uncertain = SIGNALS.filter((s) => decision.signals[s].uncertain);
  if (uncertain.length === 0) return decision;
  const response = await model.generate({
    system: SYSTEM,
    messages: [{ role: 'user', content: prompt(task, uncertain) }],
    output: { name: 'routing_judgement', schema: JUDGEMENT_SCHEMA },
    settings: { temperature: 0, maxOutputTokens: 300 },
    ...(signal === undefined ? {} : { signal }),
  });
  const parsed = ModelJudgement.safeParse(response.output ?? parseText(response.text));
  const base = {
    provider: model.provider,
    modelId: model.modelId,
    signals: uncertain,
    usage: response.usage,
  };
  if (!parsed.success) {
    return {
      ...decision,
      ...toDecisionReasons([
        ...reasonsOf(decision),
        {
          code: 'model-malformed',
          text: 'the model-assisted scorer gave a malformed answer: heuristic kept',
        },
      ]),
      assistance: {
        ...base,
        reason:
          response.finishReason.unified === 'length'
            ? 'answer cut at the token limit'
            : 'malformed answer',
        applied: false,
      },
    };
  }
  const judgement = parsed.data;
  const signals = { ...decision.signals };
  for (const name of uncertain) signals[name] = settle(signals[name], judgement[name]);
  // The policy's reasons are written again when the tier is picked again.
  const reasons: Reason[] = [
    ...reasonsOf(decision).filter((r) => !POLICY_REASON_CODES.includes(r.code)),
    { code: 'model-settled', text: `a model settled ${uncertain.join(', ')}: ${judgement.reason}` },
  ];
  const policy = applyTierPolicy(task, config, signals, reasons);
  const tools = signals.toolUse.set ? decision.tools : [];
  const { override: _, ...rest } = decision;
  return {
    ...rest,
    ...policy,
    signals,
    tools,
    ...toDecisionReasons(reasons),
    assistance: { ...base, reason: judgement.reason, applied: true },
  };
}

/** The model's verdict moves the score just across the threshold, keeping `set === score >= threshold`. */
function settle(current: SignalDecision, verdict: boolean): SignalDecision {
  const score = verdict
    ? Math.max(current.score, current.threshold)
    : Math.min(current.score, Math.max(0, current.threshold - 0.001));
  return { ...current, score, set: score >= current.threshold, uncertain: false };
}

function prompt(task: Task, uncertain: readonly SignalName[]): string {
  const tools = task.tools.slice(0, MAX_TOOLS_SHOWN).map((tool) => ({
    name: tool.name,
    description: tool.description.slice(0, 300),
    domain: tool.domain,
    untrustedInput: tool.untrustedInput,
    sensitiveData: tool.sensitiveData,
    sideEffects: tool.sideEffects,
  }));
  const text = JSON.stringify({ request: task.input.slice(0, PROMPT_LIMIT), tools, uncertain });
  return text.length > PROMPT_LIMIT * 2 ? text.slice(0, PROMPT_LIMIT * 2) : text;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
