import type { Decision } from './core/decision.ts';
import type { RunOptions, RunTask } from './core/executor.ts';
import type { LanguageModel } from './core/language-model.ts';
import type { Lifecycle } from './core/lifecycle.ts';
import { parseOptions } from './core/parse.ts';
import type { RunEvent } from './core/run-event.ts';
import type { RoutedRunResult } from './core/run-result.ts';
import type { TaskInput } from './core/task.ts';
import { tierCap } from './core/tier.ts';
import { DECISION_KEY } from './durable/journal-keys.ts';
import type { ResumedTaskParts } from './durable/journaled-run.ts';
import { type AcceptCheck, type Climb, climbTiers, modelsUpTo } from './escalation/climb.ts';
import { buildRouter, type Router } from './router/create-router.ts';
import type { AssistedDecision } from './router/model-assisted.ts';
import { TierupRunOptionsShape } from './run/option-schemas.ts';
import type { CheckedTask } from './run/parse-run-task.ts';
import { checkTask } from './run/parse-run-task.ts';
import { type RunPlan, runAndStream, runPipeline } from './run/run-pipeline.ts';
import type { RunScope } from './run/run-scope.ts';
import { durableRun, type FacadeCall, resumeCall } from './tierup-durable.ts';
import { type ResolvedTierup, resolveTierupOptions, type TierupOptions } from './tierup-options.ts';

/**
 * Options of one run: budgets, signal, the session it belongs to, and lifecycle callbacks of this
 * run (called after `createTierup`'s own).
 */
export interface TierupRunOptions extends RunOptions, Lifecycle {
  /** The conversation the run belongs to, for `escalation: 'sticky'`. */
  readonly sessionId?: string;
  /** This run's own result check, instead of the one given to `createTierup`. */
  readonly accept?: AcceptCheck;
  /**
   * For `stream`: `kept` reports a tier's `text-delta`s only once the run keeps that tier's
   * answer (a tier that may still escalate holds them until it finishes; the run's last possible
   * tier streams live), so no text reaches a reader that an escalation then drops; `all` reports
   * every delta as it comes, a dropped tier's included (the `tier-escalated` event follows them).
   * @default 'kept'
   */
  readonly textDeltas?: 'kept' | 'all';
}

/** Routes requests and runs each on the lowest tier that meets it, escalating on failure. */
export interface Tierup {
  /** The router's decision alone; no model call. A string is `{ input }`. */
  route(task: RunTask<unknown> | string): Decision;
  /**
   * Routes the task, runs it on the chosen tier, and escalates on {@link EscalationRequired}
   * up to `maxTier`.
   * @throws {InvalidTaskError} for a malformed task, before anything runs.
   * @throws {RunError} (`EscalationRequired` when no tier is left, `BudgetExceededError`,
   * `RunAbortedError`, or a `RunError` whose `cause` is the provider's error), with `partial`.
   */
  run<Output = string>(
    task: RunTask<Output> | string,
    options?: TierupRunOptions,
  ): Promise<RoutedRunResult<Output>>;
  /**
   * Resumes a durable run (`createTierup({ journal })`) that stopped (its process crashed, say)
   * from its journal: the run is run again from its start with the task and options it was
   * started with, each model call and tool call the journal holds answered from it (no model is
   * called again, no tool runs again), and goes on for real from the first call it does not hold.
   * Give again what is not data: the task's own `tools` and `output` schema, and the run's
   * callbacks (`policy`, `approve`, `signal`, lifecycle callbacks), which replace the journaled
   * options one by one. Resuming a run that finished gives its result again without a call.
   * @throws {InDoubtError} when a side-effect tool (not `idempotent`) had started and its outcome
   * was never recorded. {@link InvalidConfigError} naming `journal` (none was given to
   * `createTierup`), `runId` (the journal holds no such run) or `tools`/`output` (missing).
   * Else as {@link Tierup.run}.
   */
  resume<Output = string>(
    runId: string,
    options?: TierupRunOptions & ResumedTaskParts<Output>,
  ): Promise<RoutedRunResult<Output>>;
  /** {@link Tierup.run}, reporting each step as it happens; the last event is `run-finish`. */
  stream<Output = string>(
    task: RunTask<Output> | string,
    options?: TierupRunOptions,
  ): AsyncIterable<RunEvent<Output>>;
  readonly router: Router;
}

/**
 * Creates tierup: a router and the three executors behind it (yours, where `executors` names one).
 * Each run goes through the run pipeline (src/run/run-pipeline.ts); inside it, the router decides
 * the tier and the run climbs from there (src/escalation/climb.ts).
 *
 * @example
 * const tierup = createTierup({ model: openaiModel(new OpenAI(), { model: 'gpt-4.1-mini' }), tools: [getOrder] });
 * const result = await tierup.run('Where is order 30418?');
 * result.tier; // 'agent'
 * result.usage.costUsd; // 0.00042
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function createTierup(options: TierupOptions): Tierup {
  const tierup = resolveTierupOptions(options, buildRouter);
  const { router, routeTask } = tierup;
  // The facade's own run options are read here; the pipeline (and a standalone executor) takes
  // only run options, and refuses these as unknown.
  const execute = async (call: FacadeCall) => {
    parseOptions(TierupRunOptionsShape, call.options);
    if (tierup.journal !== undefined) {
      return durableRun(tierup.journal, tierup.pipeline.tools, call, (durable) => run(durable));
    }
    return run(call);
  };
  const run = async (call: FacadeCall) => {
    const {
      sessionId,
      accept,
      textDeltas = 'kept',
      onModelCall,
      onToolCall,
      onEscalation,
      onFinish,
      ...options
    } = call.options;
    const own = { sessionId, accept: accept ?? tierup.accept, textDeltas };
    const lifecycle = [tierup.lifecycle, { onModelCall, onToolCall, onEscalation, onFinish }];
    return runPipeline(tierup.pipeline, { ...call, options, lifecycle }, (task) =>
      planRun(tierup, task, own),
    );
  };
  const entry = runAndStream(execute);
  return {
    router,
    route: (task) => routeTask(checkTask(task, tierup.pipeline.tools).routed),
    run: entry.run as Tierup['run'],
    stream: entry.stream,
    resume: async (runId, options = {}) =>
      execute(await resumeCall(tierup.journal, runId, options)) as never,
  };
}

/** One routed run: decide the tier, then climb from it within the run's cap. */
function planRun(
  tierup: ResolvedTierup,
  task: CheckedTask,
  own: Pick<Climb, 'accept' | 'textDeltas'> & { readonly sessionId: string | undefined },
): RunPlan {
  const { sessionId, accept, textDeltas } = own;
  const { router } = tierup;
  const session = tierup.sessions.of(sessionId);
  const cap = tierCap(router.config.maxTier, task.routed.hints);
  return {
    tier: 'direct',
    span: { type: 'run', name: 'run' },
    models: modelsUpTo(cap, tierup.models),
    run: async (scope, runSpan) => {
      // A resumed run takes its decision and start tier from the journal: the router's assist
      // model is not called again, and the session's tier, since moved on, is not read again.
      const journaled = scope.journal?.entry(DECISION_KEY);
      const replayed = journaled?.type === 'decision' ? journaled : undefined;
      const decision = replayed?.decision ?? (await decide(tierup, task, scope));
      if (replayed) countAssistance(scope, tierup.assist, decision);
      scope.report.decided(decision);
      scope.emit({ type: 'tier-decided', tier: decision.tier, decision });
      const start =
        replayed?.startTier ?? (await session.startTier(scope, runSpan, decision.tier, cap));
      if (scope.journal && !replayed) {
        await scope.journal.write(DECISION_KEY, { type: 'decision', decision, startTier: start });
      }
      const climb = {
        steps: tierup.steps,
        decision,
        cap,
        start,
        accept,
        textDeltas,
        reached: (tier: typeof decision.tier) => session.reached(scope, runSpan, tier),
      };
      return climbTiers(scope, task.prepared, climb, runSpan);
    },
  };
}

/** The router's decision, settled by the assist model when its signals are uncertain. */
async function decide(
  tierup: ResolvedTierup,
  task: CheckedTask,
  scope: RunScope,
): Promise<Decision> {
  const { router, routeTask, assist } = tierup;
  if (assist === undefined) return routeTask(task.routed);
  const decision = await router.routeAssisted(task.routed, { model: assist, signal: scope.signal });
  countAssistance(scope, assist, decision);
  return decision;
}

/** Counts the assist model's call of a decision in the run's usage, under the agent `router`. */
function countAssistance(
  scope: RunScope,
  assist: LanguageModel | undefined,
  decision: AssistedDecision,
) {
  const used = decision.assistance;
  if (used === undefined || assist === undefined) return;
  const costUsd = scope.prices.costOf(assist.modelId, used.usage);
  scope.usage.add(
    { tier: decision.tier, agent: 'router', model: `${assist.provider}/${assist.modelId}` },
    used.usage,
    costUsd,
  );
}

export type { AcceptCheck, TaskInput, TierupOptions };
