import { z } from 'zod';
import { type Budgets, resolveBudgets } from './core/budgets.ts';
import { CallSettingsShape, withSettings } from './core/call-settings.ts';
import { InvalidConfigError } from './core/errors.ts';
import type { Executor } from './core/executor.ts';
import type { CallSettings, LanguageModel } from './core/language-model.ts';
import type { Lifecycle } from './core/lifecycle.ts';
import { parseOptions } from './core/parse.ts';
import type { SecurityOptions } from './core/security.ts';
import type { SessionStore } from './core/session-store.ts';
import { type Tier, tierRank } from './core/tier.ts';
import type { AnyTool } from './core/tool.ts';
import type { ToolErrorMessage } from './core/tool-error.ts';
import type { RunJournal } from './durable/run-journal.ts';
import type { AcceptCheck } from './escalation/climb.ts';
import { createSessions, type SessionKeeper } from './escalation/sessions.ts';
import { agentStep } from './executors/agent-executor.ts';
import { directStep } from './executors/direct-executor.ts';
import { multiAgentStep } from './executors/multi-agent-executor.ts';
import { type Specialist, SpecialistList } from './executors/specialists.ts';
import { createPriceTable, type PriceTableOptions } from './pricing/price-table.ts';
import type { Router, RouterWithTaskEntry } from './router/create-router.ts';
import type { RouterOptions } from './router/options.ts';
import { executorOptionsShape, LifecycleShape, modelSchema } from './run/option-schemas.ts';
import type { PipelineConfig } from './run/run-pipeline.ts';
import { type TelemetryOptions, telemetrySetup } from './run/telemetry-options.ts';
import type { TierStep } from './run/tier-step.ts';
import { userExecutorStep } from './run/user-executor-step.ts';
import { Callback } from './security/run-security.ts';

/** Options of `createTierup`. */
export interface TierupOptions extends RouterOptions, SecurityOptions, Lifecycle {
  /** The model of every tier, unless `models` names another for a tier. */
  readonly model: LanguageModel;
  /** Per-tier models: a cheap one for `direct`, a stronger one for the `manager`, ... */
  readonly models?: {
    readonly direct?: LanguageModel;
    readonly agent?: LanguageModel;
    readonly manager?: LanguageModel;
    readonly specialist?: LanguageModel;
  };
  /**
   * Model settings per part of a run, over each model's own (`openaiModel(client, { settings })`)
   * and under a run's (`run(task, { settings })`): a low temperature for `direct`, a higher
   * reasoning effort for the `manager`. A specialist's own `settings` go over `specialist`'s. A tier
   * run by your own executor (`executors`) uses its own models and settings.
   * @example createTierup({ model, settings: { direct: { temperature: 0, maxOutputTokens: 400 }, manager: { reasoningEffort: 'high' } } })
   */
  readonly settings?: {
    readonly direct?: CallSettings;
    readonly agent?: CallSettings;
    readonly manager?: CallSettings;
    readonly specialist?: CallSettings;
  };
  /**
   * Your own executor for a tier, run instead of the built-in one: it gets the task, the run's
   * signal and what is left of its budgets, and its usage and trace join the run's; throwing
   * `EscalationRequired` escalates. Its `tier` must be the key's.
   * @example createTierup({ model, executors: { 'multi-agent': myTeamExecutor } })
   */
  readonly executors?: Readonly<Partial<Record<Tier, Executor>>>;
  /** Tools for every run, besides each task's own. @default [] */
  readonly tools?: readonly AnyTool[];
  /** Specialists of the multi-agent tier; tools none of them holds get one per domain. @default [] */
  readonly specialists?: readonly Specialist[];
  /** The service's own system prompt, put before each tier's. */
  readonly instructions?: string;
  /** Default budgets of every run; a run's options override them. */
  readonly budgets?: Budgets;
  /**
   * What the model reads of a tool that threw. @default the error's message with URLs, network
   * addresses and file paths replaced (docs/executors.md, "When a tool fails")
   */
  readonly toolErrorMessage?: ToolErrorMessage;
  /**
   * Spans of every run on your OpenTelemetry tracer, by the GenAI semantic conventions, nested
   * under the span active when the run starts (docs/observability.md). Needs `@opentelemetry/api`.
   * @example createTierup({ model, telemetry: { tracer: trace.getTracer('my-service') } })
   */
  readonly telemetry?: TelemetryOptions;
  /** Prices to add to or override in the built-in table; `null` removes one (docs/costs.md). */
  readonly prices?: PriceTableOptions['prices'];
  /**
   * `sticky`: a run with a `sessionId` starts no lower than the highest tier that session reached.
   * @default 'per-request'
   */
  readonly escalation?: 'per-request' | 'sticky';
  /**
   * Where `escalation: 'sticky'` keeps each session's highest tier, and for how long after its
   * last run. A store shared by your processes (Redis, a database) keeps sessions across them.
   * @default { store: memorySessionStore(), ttlMs: 86400000 }
   * @example createTierup({ model, escalation: 'sticky', sessions: { store: redisStore, ttlMs: 3_600_000 } })
   */
  readonly sessions?: {
    readonly store?: SessionStore;
    /** @default 86400000 (a day) */
    readonly ttlMs?: number;
  };
  /** Checks each tier's result; `false` or a reason (string) escalates to the next tier. */
  readonly accept?: AcceptCheck;
  /**
   * Makes every run durable: its model calls and tool calls are written to this journal as they
   * finish (a side-effect tool's start before it runs), so `tierup.resume(runId)` can finish a run
   * whose process stopped, without calling a model or running a tool again (docs/scale-out.md).
   * `memoryJournal()` in one process; `redisJournal({ connection })` from `tierup/bullmq` across
   * processes. Your executors (`executors`) are not journaled. @default none: runs are not journaled
   * @example createTierup({ model, tools, journal: redisJournal({ connection: new Redis(url) }) })
   */
  readonly journal?: RunJournal;
  /**
   * When the multi-agent tier enforces the security boundary (docs/security.md): `auto` when the
   * router set `securityBoundary` or the run's tools hold untrusted content, sensitive data and
   * side effects together; `off` is for comparisons, not for production. @default 'auto'
   */
  readonly boundary?: 'auto' | 'always' | 'off';
  /**
   * Routing with a model for the uncertain band: when `assist` is given, the signals whose score
   * lies within `band` of their threshold are settled by one structured-output call to `assist`
   * before the run starts (`router.routeAssisted`); a request with no uncertain signal makes no
   * call. The call's usage counts in the run's usage under the agent `router`, and
   * `result.decision.assistance` says what it decided.
   * @example createTierup({ model, routing: { assist: openaiModel(client, { model: 'gpt-4.1-mini' }), band: 0.15 } })
   */
  readonly routing?: {
    readonly assist?: LanguageModel;
    /** Half-width of the uncertain band around each threshold; sets the router's `uncertainBand`. @default 0.1 */
    readonly band?: number;
  };
}

const executorOf = (tier: Tier) =>
  z
    .custom<Executor>(
      (value) =>
        typeof (value as Executor | undefined)?.run === 'function' &&
        typeof (value as Executor).stream === 'function' &&
        (value as Executor).tier === tier,
      `must be an Executor (run, stream) of the ${tier} tier`,
    )
    .optional();

/** The schema of `createTierup`'s own options; the router's are checked by the router. */
export const TierupOptionsShape = executorOptionsShape({ tools: false }).extend({
  models: z
    .strictObject({
      direct: modelSchema().optional(),
      agent: modelSchema().optional(),
      manager: modelSchema().optional(),
      specialist: modelSchema({ tools: true }).optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      direct: CallSettingsShape.optional(),
      agent: CallSettingsShape.optional(),
      manager: CallSettingsShape.optional(),
      specialist: CallSettingsShape.optional(),
    })
    .optional(),
  executors: z
    .strictObject({
      direct: executorOf('direct'),
      agent: executorOf('agent'),
      'multi-agent': executorOf('multi-agent'),
    })
    .optional(),
  specialists: SpecialistList.optional(),
  escalation: z.enum(['per-request', 'sticky']).optional(),
  sessions: z
    .strictObject({
      store: z
        .custom<SessionStore>(
          (value) =>
            ['get', 'set', 'delete'].every(
              (method) => typeof (value as Record<string, unknown> | null)?.[method] === 'function',
            ),
          'must be a SessionStore (get, set, delete)',
        )
        .optional(),
      ttlMs: z.int().min(1).optional(),
    })
    .optional(),
  boundary: z.enum(['auto', 'always', 'off']).optional(),
  accept: Callback.optional(),
  journal: z
    .custom<RunJournal>(
      (value) =>
        ['begin', 'read', 'write', 'end'].every(
          (method) => typeof (value as Record<string, unknown> | null)?.[method] === 'function',
        ),
      'must be a RunJournal (begin, read, write, end)',
    )
    .optional(),
  routing: z
    .strictObject({
      assist: modelSchema().optional(),
      band: z.number().min(0).max(0.5).optional(),
    })
    .optional(),
  ...LifecycleShape,
});

/** `createTierup`'s options, checked and resolved once. */
export interface ResolvedTierup {
  readonly pipeline: PipelineConfig;
  readonly steps: Readonly<Record<Tier, TierStep>>;
  /** The models each tier may call (none known for a user's executor), for the price check. */
  readonly models: Readonly<Record<Tier, readonly (LanguageModel | undefined)[]>>;
  readonly router: Router;
  /** The router's entry for a task already parsed. */
  readonly routeTask: RouterWithTaskEntry['routeTask'];
  readonly sessions: SessionKeeper;
  /** The result check of every run, unless a run gives its own. */
  readonly accept: AcceptCheck | undefined;
  /** The model that settles the router's uncertain signals, if any. */
  readonly assist: LanguageModel | undefined;
  /** The lifecycle callbacks of every run. */
  readonly lifecycle: Lifecycle;
  /** Where every run is journaled, when runs are durable. */
  readonly journal: RunJournal | undefined;
}

/**
 * Checks `createTierup`'s options and resolves them: the pipeline's defaults and each tier's step.
 * @throws {InvalidConfigError} naming the option at fault.
 */
export function resolveTierupOptions(
  options: TierupOptions,
  makeRouter: (options: RouterOptions) => RouterWithTaskEntry,
): ResolvedTierup {
  parseOptions(TierupOptionsShape, options);
  if (options.sessions !== undefined && options.escalation !== 'sticky') {
    const message = "is read only with `escalation: 'sticky'`";
    throw new InvalidConfigError([{ path: 'sessions', message }]);
  }
  const {
    model,
    models = {},
    settings,
    executors = {},
    tools,
    specialists = [],
    instructions,
    budgets,
    prices,
    toolErrorMessage,
    escalation,
    sessions,
    accept,
    policy,
    approve,
    guardrails,
    permit,
    owner,
    boundary,
    routing,
    onModelCall,
    onToolCall,
    onEscalation,
    onFinish,
    telemetry,
    journal,
    ...routerOptions
  } = options;
  const { router, routeTask } = makeRouter(
    routing?.band === undefined ? routerOptions : { ...routerOptions, uncertainBand: routing.band },
  );
  const pipeline: PipelineConfig = {
    budgets: resolveBudgets(budgets, 'budgets'),
    prices: createPriceTable(prices ? { prices } : {}),
    tools: tools ?? [],
    security: { policy, approve, guardrails, permit, owner },
    toolErrorMessage,
    telemetry: telemetrySetup(telemetry),
  };
  const specialistModel = models.specialist ?? models.agent ?? model;
  return {
    router,
    routeTask,
    pipeline,
    steps: buildSteps(options, executors, router.config.maxTier),
    models: {
      direct: executors.direct ? [] : [models.direct ?? model],
      agent: executors.agent ? [] : [models.agent ?? model],
      'multi-agent': executors['multi-agent']
        ? []
        : [models.manager ?? model, specialistModel, ...specialists.map((s) => s.model)],
    },
    sessions: createSessions(escalation ?? 'per-request', sessions?.store, sessions?.ttlMs),
    accept,
    assist: routing?.assist,
    lifecycle: { onModelCall, onToolCall, onEscalation, onFinish },
    journal,
  };
}

/** Each tier's step: the user's executor for the tier, else the built-in one. */
function buildSteps(
  options: TierupOptions,
  executors: Readonly<Partial<Record<Tier, Executor>>>,
  maxTier: Tier,
): Record<Tier, TierStep> {
  const { model, models = {}, settings = {}, specialists, instructions, boundary } = options;
  // An executor you give runs through its public `run`, with its own options (tools, budgets,
  // prices), even one made by `agentExecutor` & co.
  const own = (tier: Tier) => {
    const executor = executors[tier];
    return executor && userExecutorStep(executor);
  };
  const agentModel = models.agent ?? model;
  const managerModel = models.manager ?? model;
  if (!executors.agent && tierRank(maxTier) >= 1 && agentModel.supportsTools === false) {
    throw new InvalidConfigError([
      {
        path: models.agent ? 'models.agent' : 'model',
        message:
          'cannot call tools; give the agent tier a model that can, or set `maxTier: "direct"`',
      },
    ]);
  }
  if (!executors['multi-agent'] && tierRank(maxTier) >= 2 && managerModel.supportsTools === false) {
    throw new InvalidConfigError([
      {
        path: models.manager ? 'models.manager' : 'model',
        message: 'cannot produce a plan; give the manager a model that can call tools',
      },
    ]);
  }
  const ruleOfTwo = boundary !== 'off';
  return {
    direct:
      own('direct') ??
      directStep({ model: withSettings(models.direct ?? model, settings.direct), instructions }),
    agent:
      own('agent') ??
      agentStep({ model: withSettings(agentModel, settings.agent), instructions, ruleOfTwo }),
    'multi-agent':
      own('multi-agent') ??
      multiAgentStep({
        model: withSettings(managerModel, settings.manager),
        specialistModel: models.specialist ?? agentModel,
        specialistSettings: settings.specialist,
        specialists,
        instructions,
        boundary,
      }),
  };
}
