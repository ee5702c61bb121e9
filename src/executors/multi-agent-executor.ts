import { z } from 'zod';
import { layerSettings, withSettings } from '../core/call-settings.ts';
import type { Engine } from '../core/engine.ts';
import type { Executor } from '../core/executor.ts';
import type { CallSettings, LanguageModel } from '../core/language-model.ts';
import { parseOptions } from '../core/parse.ts';
import { systemPrompt } from '../prompts/system-prompt.ts';
import { SYNTHESIS_ROLE, synthesisPrompt } from '../prompts/team-prompts.ts';
import { asAgent } from '../run/agent-span.ts';
import { callModel } from '../run/call-model.ts';
import { createExecutor, type ExecutorOptions } from '../run/create-executor.ts';
import { EngineSchema, executorOptionsShape, modelSchema } from '../run/option-schemas.ts';
import { callForOutput } from '../run/structured-output.ts';
import type { TierStep } from '../run/tier-step.ts';
import { needsBoundary } from '../security/boundary.ts';
import { expandPlaceholders } from '../security/quarantine.ts';
import { runPlanRounds } from './plan-rounds.ts';
import type { TeamRun } from './run-plan.ts';
import { resolveSpecialists, type Specialist, SpecialistList } from './specialists.ts';
/** Options of {@link multiAgentStep}. */
export interface MultiAgentStepOptions {
  /** The manager's model. */
  readonly model: LanguageModel;
  /** The specialists' model, unless a specialist has its own. @default model */
  readonly specialistModel?: LanguageModel | undefined;
  /** Settings of every specialist's calls, under a specialist's own `settings`. */
  readonly specialistSettings?: CallSettings | undefined;
  readonly specialists?: readonly Specialist[] | undefined;
  readonly instructions?: string | undefined;
  /**
   * When to enforce the security boundary: `auto` when the router set `securityBoundary` or the
   * run's tools hold untrusted content, sensitive data and side effects together. @default 'auto'
   */
  readonly boundary?: 'auto' | 'always' | 'off' | undefined;
  /** Where the specialists' subtasks run; in the run's process when none is given. */
  readonly engine?: Engine | undefined;
}

const MANAGER = 'manager';

/**
 * The multi-agent tier: a manager that owns the final answer plans subtasks for specialists
 * (structured output), runs independent ones at once (up to `maxConcurrency`) and dependent ones
 * after what they depend on, plans again when it asked to (up to `maxPlanRounds`), then writes
 * the answer from their results. Each specialist holds only
 * its own tools and sees only its subtask and the results it depends on. A specialist that fails
 * or passes `agentTimeoutMs` does not stop the others: the manager is told which failed and why.
 */
export function multiAgentStep(options: MultiAgentStepOptions): TierStep {
  const { model, instructions } = options;
  // Each specialist's model with its settings: its own over those of every specialist.
  const modelOf = (own?: LanguageModel, settings?: CallSettings) =>
    withSettings(
      own ?? options.specialistModel ?? model,
      layerSettings(options.specialistSettings, settings),
    );
  const specialistModel = modelOf();
  const declared = (options.specialists ?? []).map((s) => ({
    ...s,
    model: modelOf(s.model, s.settings),
  }));
  return (task, ctx, parentId) =>
    asAgent(ctx, { name: MANAGER, tier: 'multi-agent', parentId }, async (spanId) => {
      const boundary = needsBoundary(options.boundary, task.securityBoundary, task.tools);
      const specialists = resolveSpecialists(declared, task.tools, specialistModel, boundary);
      const call = { agent: MANAGER, tier: 'multi-agent' as const, parentId: spanId, model };
      const team: TeamRun = {
        ctx,
        boundary,
        placeholders: new Map(),
        managerSpan: spanId,
        instructions,
        engine: options.engine,
      };
      const results = await runPlanRounds(team, task, specialists, {
        agent: MANAGER,
        model,
        parentId: spanId,
        instructions,
      });
      const synthesis = {
        ...call,
        request: {
          system: systemPrompt(instructions, SYNTHESIS_ROLE, task),
          messages: [
            ...task.history,
            { role: 'user' as const, content: synthesisPrompt(task.input, results) },
          ],
        },
      };
      // The manager saw untrusted strings only as placeholders; the answer gets them back.
      if (task.output !== undefined) {
        // Placeholders are put back before the schema checks the answer, not after.
        return callForOutput(ctx, synthesis, task.output, (candidate) =>
          expandPlaceholders(candidate, team.placeholders),
        );
      }
      const answer = await callModel(ctx, synthesis);
      const text = expandPlaceholders(answer.text, team.placeholders) as string;
      ctx.report.output(text);
      return text;
    });
}

/** Options of {@link multiAgentExecutor}. */
export interface MultiAgentExecutorOptions extends ExecutorOptions {
  /** Declared specialists; tools no specialist holds get one specialist per domain. @default [] */
  readonly specialists?: readonly Specialist[];
  /** The specialists' model, unless a specialist has its own. @default model */
  readonly specialistModel?: LanguageModel;
  /**
   * When to enforce the security boundary (docs/security.md): `auto` when the run's tools hold
   * untrusted content, sensitive data and side effects together. @default 'auto'
   */
  readonly boundary?: 'auto' | 'always' | 'off';
  /**
   * Where the specialists' subtasks run: in the run's process by default, or on your workers
   * (`bullmqEngine` from `tierup/bullmq`, docs/scale-out.md). @default in process
   */
  readonly engine?: Engine;
}

const MultiAgentOptionsShape = executorOptionsShape({ tools: true }).extend({
  specialists: SpecialistList.optional(),
  specialistModel: modelSchema({ tools: true }).optional(),
  boundary: z.enum(['auto', 'always', 'off']).optional(),
  engine: EngineSchema.optional(),
});

/**
 * The multi-agent tier alone: a manager plans subtasks for specialists, runs them (independent
 * ones at once), and writes the answer from their results.
 *
 * @example
 * const team = multiAgentExecutor({ model, tools: [getOrder, refundPayment] });
 * const { output, usage } = await team.run('Refund order 30418 and email the customer.');
 */
export function multiAgentExecutor(options: MultiAgentExecutorOptions): Executor {
  parseOptions(MultiAgentOptionsShape, options);
  const { specialists = [], specialistModel } = options;
  return createExecutor('multi-agent', multiAgentStep(options), options, [
    specialistModel,
    ...specialists.map((s) => s.model),
  ]);
}
