import { z } from 'zod';
import { type Budgets, resolveBudgets } from './core/budgets.ts';
import type { Decision } from './core/decision.ts';
import { EscalationRequired, InvalidConfigError } from './core/errors.ts';
import type { RunOptions, RunTask } from './core/executor.ts';
import type { LanguageModel } from './core/language-model.ts';
import { toIssues } from './core/parse.ts';
import type { RunEvent } from './core/run-event.ts';
import type { EscalationCause, RoutedRunResult, RunResult } from './core/run-result.ts';
import type { SecurityOptions } from './core/security.ts';
import type { TaskInput } from './core/task.ts';
import { lowerTier, TIERS, type Tier, tierRank } from './core/tier.ts';
import type { AnyTool } from './core/tool.ts';
import { agentRunner } from './executors/agent-executor.ts';
import {
  checkModel,
  checkPriced,
  checkRunOptions,
  checkSpecialists,
  checkTools,
} from './executors/check-options.ts';
import { directRunner } from './executors/direct-executor.ts';
import { driveRun, streamRun } from './executors/drive-run.ts';
import { multiAgentRunner } from './executors/multi-agent-executor.ts';
import { checkTask } from './executors/prepare-task.ts';
import type { RunContext } from './executors/run-context.ts';
import { checkSecurityOptions, createRunSecurity } from './executors/run-security.ts';
import type { Specialist } from './executors/specialists.ts';
import type { TierRunner } from './executors/tier-runner.ts';
import { createPriceTable, type PriceTableOptions } from './pricing/price-table.ts';
import { createRouter, type Router } from './router/create-router.ts';
import type { RouterOptions } from './router/options.ts';

/** The caller's own check of a result; `false` or a reason escalates to the next tier. */
export type AcceptCheck = (result: {
  readonly output: unknown;
  readonly tier: Tier;
}) => boolean | string | Promise<boolean | string>;

/** Options of {@link createTierup}. */
export interface TierupOptions extends RouterOptions, SecurityOptions {
  /** The model of every tier, unless `models` names another for a tier. */
  readonly model: LanguageModel;
  /** Per-tier models: a cheap one for `direct`, a stronger one for the `manager`, ... */
  readonly models?: {
    readonly direct?: LanguageModel;
    readonly agent?: LanguageModel;
    readonly manager?: LanguageModel;
    readonly specialist?: LanguageModel;
  };
  /** Tools for every run, besides each task's own. @default [] */
  readonly tools?: readonly AnyTool[];
  /** Specialists of the multi-agent tier; tools none of them holds get one per domain. @default [] */
  readonly specialists?: readonly Specialist[];
  /** The service's own system prompt, put before each tier's. */
  readonly instructions?: string;
  /** Default budgets of every run; a run's options override them. */
  readonly budgets?: Budgets;
  /** Prices to add to or override in the built-in table; `null` removes one (docs/costs.md). */
  readonly prices?: PriceTableOptions['prices'];
  /**
   * `sticky`: a run with a `sessionId` starts no lower than the highest tier that session reached.
   * @default 'per-request'
   */
  readonly escalation?: 'per-request' | 'sticky';
  /** Checks each tier's result; `false` or a reason (string) escalates to the next tier. */
  readonly accept?: AcceptCheck;
  /**
   * When the multi-agent tier enforces the security boundary (docs/security.md): `auto` when the
   * router set `securityBoundary` or the run's tools hold untrusted content, sensitive data and
   * side effects together; `off` is for comparisons, not for production. @default 'auto'
   */
  readonly boundary?: 'auto' | 'always' | 'off';
}

/** Options of one run: budgets, signal, and the session it belongs to. */
export interface TierupRunOptions extends RunOptions {
  /** The conversation the run belongs to, for `escalation: 'sticky'`. */
  readonly sessionId?: string;
  /** This run's own result check, instead of the one given to `createTierup`. */
  readonly accept?: AcceptCheck;
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
  /** {@link Tierup.run}, reporting each step as it happens; the last event is `run-finish`. */
  stream<Output = string>(
    task: RunTask<Output> | string,
    options?: TierupRunOptions,
  ): AsyncIterable<RunEvent<Output>>;
  readonly router: Router;
}

const Options = z.looseObject({
  models: z
    .strictObject({
      direct: z.unknown().optional(),
      agent: z.unknown().optional(),
      manager: z.unknown().optional(),
      specialist: z.unknown().optional(),
    })
    .optional(),
  tools: z.array(z.unknown()).optional(),
  specialists: z.array(z.unknown()).optional(),
  instructions: z.string().optional(),
  escalation: z.enum(['per-request', 'sticky']).optional(),
  boundary: z.enum(['auto', 'always', 'off']).optional(),
  accept: z.custom((value) => typeof value === 'function', 'must be a function').optional(),
});

/** The most sessions `escalation: 'sticky'` remembers; the oldest is forgotten first. */
const MAX_SESSIONS = 10_000;

/**
 * Creates tierup: a router and the three executors behind it.
 *
 * @example
 * const tierup = createTierup({ model: openaiModel(new OpenAI(), { model: 'gpt-4.1-mini' }), tools: [getOrder] });
 * const result = await tierup.run('Where is order 30418?');
 * result.tier; // 'agent'
 * result.usage.costUsd; // 0.00042
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function createTierup(options: TierupOptions): Tierup {
  const parsed = Options.safeParse(options);
  if (!parsed.success) throw new InvalidConfigError(toIssues(parsed.error));
  const {
    model,
    models = {},
    tools = [],
    specialists = [],
    instructions,
    budgets,
    prices,
    escalation = 'per-request',
    accept,
    policy,
    approve,
    guardrails,
    boundary,
    ...routerOptions
  } = options;
  checkSecurityOptions({ policy, approve, guardrails });
  checkModel(model, 'model');
  for (const [tier, own] of Object.entries(models))
    if (own !== undefined) checkModel(own, `models.${tier}`, { tools: tier === 'specialist' });
  checkSpecialists(specialists);
  const router = createRouter(routerOptions);
  const defaults = resolveBudgets(budgets, 'budgets');
  const priceTable = createPriceTable(prices ? { prices } : {});
  const ownTools = checkTools(tools);
  const runners = buildRunners(
    { model, models, specialists, instructions, boundary },
    router.config.maxTier,
  );
  const sessions = new Map<string, Tier>();
  /** The models a run capped at `cap` may call. */
  const reachable = (cap: Tier): (LanguageModel | undefined)[] => {
    const rank = tierRank(cap);
    return [
      models.direct ?? model,
      ...(rank >= 1 ? [models.agent ?? model] : []),
      ...(rank >= 2
        ? [
            models.manager ?? model,
            models.specialist ?? models.agent ?? model,
            ...specialists.map((s) => s.model),
          ]
        : []),
    ];
  };

  const execute = async <Output>(
    task: RunTask<Output> | string,
    runOptions: TierupRunOptions,
    emit?: (event: RunEvent<unknown>) => void,
    stop?: AbortSignal,
  ): Promise<RunResult<Output>> => {
    checkRunOptions(runOptions);
    const {
      signal,
      sessionId,
      accept: runAccept,
      policy: runPolicy,
      approve: runApprove,
      guardrails: runGuardrails,
      ...runBudgets
    } = runOptions;
    const { routed, prepared } = checkTask(task as RunTask<unknown>, ownTools);
    const security = createRunSecurity(
      { policy: runPolicy, approve: runApprove, guardrails: runGuardrails },
      { policy, approve, guardrails },
      prepared.input,
    );
    const check = runAccept ?? accept;
    const cap = lowerTier(router.config.maxTier, routed.hints?.maxTier ?? 'multi-agent');
    const runBudget = resolveBudgets(runBudgets, '', defaults);
    checkPriced(runBudget.maxCostUsd, reachable(cap), priceTable);
    return driveRun<Output>(
      {
        budgets: runBudget,
        prices: priceTable,
        security,
        tier: 'direct',
        signal,
        ...(emit ? { emit } : {}),
        ...(stop ? { stop } : {}),
      },
      async (ctx) => {
        await ctx.security.check('input', prepared.input, { signal: ctx.signal });
        const decision = router.route(routed);
        ctx.decision = decision;
        ctx.emit({ type: 'tier-decided', tier: decision.tier, decision });
        const reached = escalation === 'sticky' && sessionId ? sessions.get(sessionId) : undefined;
        let tier =
          reached && tierRank(reached) > tierRank(decision.tier)
            ? lowerTier(reached, cap)
            : decision.tier;
        const runSpan = ctx.trace.open({ type: 'run', name: 'run' });
        const priorAttempts: string[] = [];
        for (;;) {
          ctx.tier = tier;
          const runner = runners[tier];
          const canEscalate = tierRank(tier) < tierRank(cap);
          const tierSpan = ctx.trace.open({ type: 'tier', name: tier, tier, parentId: runSpan });
          try {
            const output = await runTier(
              ctx,
              runner,
              {
                ...prepared,
                priorAttempts,
                canEscalate,
                securityBoundary: decision.signals.securityBoundary.set,
                neededTools: decision.tools.map((t) => t.name),
              },
              tierSpan,
              check,
            );
            await ctx.security.check('output', output, { signal: ctx.signal });
            ctx.trace.close(runSpan);
            if (escalation === 'sticky' && sessionId) remember(sessions, sessionId, tier);
            return output;
          } catch (error) {
            if (!(error instanceof EscalationRequired) || !canEscalate || ctx.signal.aborted) {
              if (escalation === 'sticky' && sessionId) remember(sessions, sessionId, tier);
              ctx.trace.close(runSpan, { error });
              throw error;
            }
            ctx.trace.markEscalated(tierSpan);
            const to = TIERS[tierRank(tier) + 1] as Tier;
            // A tier that read untrusted content may write what it read into its summary: the
            // next tier (a manager planning with privileged specialists) gets fixed words only.
            const summary = ctx.security.ledger.readUntrusted
              ? safeSummary(tier, error.cause, prepared.tools)
              : error.summary;
            const step = { from: tier, to, cause: error.cause, summary };
            ctx.escalations.push(step);
            ctx.emit({ type: 'tier-escalated', escalation: step });
            priorAttempts.push(summary);
            tier = to;
          }
        }
      },
    );
  };

  return {
    router,
    route: (task) => router.route(checkTask(task, ownTools).routed),
    run: <Output>(task: RunTask<Output> | string, runOptions: TierupRunOptions = {}) =>
      execute(task, runOptions) as Promise<RoutedRunResult<Output>>,
    stream: (task, runOptions = {}) =>
      streamRun((emit, stop) => execute(task, runOptions, emit, stop)),
  };
}

async function runTier(
  ctx: RunContext,
  runner: TierRunner,
  task: Parameters<TierRunner['execute']>[0],
  spanId: string,
  check: AcceptCheck | undefined,
): Promise<unknown> {
  try {
    const output = await runner.execute(task, ctx, spanId);
    if (check !== undefined) {
      const verdict = await check({ output, tier: runner.tier });
      if (verdict !== true) {
        const message =
          typeof verdict === 'string' && verdict ? verdict : 'the accept check returned false';
        throw new EscalationRequired(
          { type: 'rejected', message },
          { summary: `The ${runner.tier} tier's answer was rejected: ${message}`, output },
        );
      }
    }
    ctx.trace.close(spanId);
    return output;
  } catch (error) {
    ctx.trace.close(spanId, { error });
    throw error;
  }
}

function buildRunners(
  config: Pick<TierupOptions, 'model' | 'models' | 'specialists' | 'instructions' | 'boundary'>,
  maxTier: Tier,
): Record<Tier, TierRunner> {
  const { model, models = {}, specialists, instructions, boundary } = config;
  const agentModel = models.agent ?? model;
  const managerModel = models.manager ?? model;
  if (tierRank(maxTier) >= 1 && agentModel.supportsTools === false) {
    throw new InvalidConfigError([
      {
        path: models.agent ? 'models.agent' : 'model',
        message:
          'cannot call tools; give the agent tier a model that can, or set `maxTier: "direct"`',
      },
    ]);
  }
  if (tierRank(maxTier) >= 2 && managerModel.supportsTools === false) {
    throw new InvalidConfigError([
      {
        path: models.manager ? 'models.manager' : 'model',
        message: 'cannot produce a plan; give the manager a model that can call tools',
      },
    ]);
  }
  return {
    direct: directRunner({ model: models.direct ?? model, instructions }),
    agent: agentRunner({ model: agentModel, instructions, ruleOfTwo: boundary !== 'off' }),
    'multi-agent': multiAgentRunner({
      model: managerModel,
      specialistModel: models.specialist ?? agentModel,
      specialists,
      instructions,
      boundary,
    }),
  };
}

/** What a tier that read untrusted content tried, in words none of which it chose. */
function safeSummary(tier: Tier, cause: EscalationCause, tools: readonly AnyTool[]): string {
  const tool = 'tool' in cause && tools.some((t) => t.name === cause.tool) ? cause.tool : '';
  const detail =
    cause.type === 'max-steps'
      ? `, after ${cause.steps} model calls`
      : tool
        ? `: it needed \`${tool}\``
        : '';
  return `The ${tier} tier could not meet the request (${cause.type}${detail}); its own account is left out because it had read untrusted content.`;
}

function remember(sessions: Map<string, Tier>, sessionId: string, tier: Tier): void {
  const before = sessions.get(sessionId);
  if (before !== undefined && tierRank(before) >= tierRank(tier)) return;
  sessions.delete(sessionId);
  sessions.set(sessionId, tier);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
}

export type { TaskInput };
