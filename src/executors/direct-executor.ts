import { EscalationRequired } from '../core/errors.ts';
import type { Executor } from '../core/executor.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { parseOptions } from '../core/parse.ts';
import { ESCALATE_TOOL, escalateTool } from '../prompts/escalate-tool.ts';
import { capabilityNeededSummary, toolNeededSummary } from '../prompts/escalation-summaries.ts';
import { openingMessages, systemPrompt } from '../prompts/system-prompt.ts';
import {
  DIRECT_ESCALATION,
  DIRECT_ROLE,
  directRoleWithEscalation,
  directRoleWithTextEscalation,
  ESCALATE_LINE,
} from '../prompts/tier-roles.ts';
import { asAgent } from '../run/agent-span.ts';
import { callModel } from '../run/call-model.ts';
import { createExecutor, type ExecutorOptions } from '../run/create-executor.ts';
import { executorOptionsShape } from '../run/option-schemas.ts';
import type { RunScope } from '../run/run-scope.ts';
import { callForOutput } from '../run/structured-output.ts';
import type { PreparedTask, TierStep } from '../run/tier-step.ts';

/** Options of {@link directStep}. */
export interface DirectStepOptions {
  readonly model: LanguageModel;
  readonly instructions?: string | undefined;
}

/**
 * The direct tier: one model call (two when structured output needs its repair). When the task
 * offers tools and a higher tier exists, the model is also offered `tierup_escalate`, to call
 * instead of answering when it needs data, an action or a tool it does not have.
 */
export function directStep(options: DirectStepOptions): TierStep {
  const { model, instructions } = options;
  const step: TierStep = (task, ctx, parentId) =>
    asAgent(ctx, { name: 'direct', tier: 'direct', parentId }, (spanId) =>
      runDirect(task, ctx, spanId, model, instructions),
    );
  // It hands a request up only when tools are offered (or its structured output fails, which
  // is not streamed text).
  return Object.assign(step, { mayEscalate: (task: PreparedTask) => canHandUp(task) });
}

/** The direct tier may hand the request up: tools are offered and a higher tier exists. */
function canHandUp(task: PreparedTask): boolean {
  return task.canEscalate && task.tools.length > 0;
}

/**
 * The direct tier alone: one model call. Throws {@link EscalationRequired} when the model says it
 * needs a tool or data it lacks, or structured output fails twice.
 *
 * @example
 * const direct = directExecutor({ model });
 * const { output } = await direct.run('Summarize this paragraph: ...');
 */
export function directExecutor(options: ExecutorOptions): Executor {
  parseOptions(executorOptionsShape({ tools: false }), options);
  return createExecutor('direct', directStep(options), options);
}

async function runDirect(
  task: PreparedTask,
  ctx: RunScope,
  parentId: string,
  model: LanguageModel,
  instructions: string | undefined,
): Promise<unknown> {
  const call = { agent: 'direct', tier: 'direct' as const, parentId, model };
  const messages = openingMessages(task);
  if (task.output !== undefined) {
    const system = systemPrompt(instructions, DIRECT_ROLE, task);
    return callForOutput(ctx, { ...call, request: { system, messages } }, task.output);
  }
  const handsUp = canHandUp(task);
  const offer = handsUp && model.supportsTools !== false;
  // A model that cannot call tools (a wrapped function) hands up with a line of text instead.
  const byText = handsUp && model.supportsTools === false;
  const names = task.tools.map((tool) => tool.name);
  const role = offer
    ? directRoleWithEscalation(names)
    : byText
      ? directRoleWithTextEscalation(names)
      : DIRECT_ROLE;
  const response = await callModel(ctx, {
    ...call,
    request: {
      system: systemPrompt(instructions, role, task),
      messages,
      ...(offer
        ? {
            tools: [escalateTool(DIRECT_ESCALATION, names)],
            toolChoice: 'auto' as const,
          }
        : {}),
    },
  });
  const handedUp = byText ? textEscalation(response.text) : undefined;
  if (handedUp !== undefined) {
    const tool = names.find((name) => handedUp.includes(name));
    throw escalation(ESCALATE_TOOL, { reason: handedUp, ...(tool ? { tool } : {}) }, names);
  }
  if (response.text) ctx.report.output(response.text);
  const asked = response.toolCalls[0];
  if (asked !== undefined) throw escalation(asked.name, asked.arguments, names);
  return response.text;
}

/** What a reply that starts with the escalation line says it needs, or undefined for an answer. */
function textEscalation(text: string): string | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith(ESCALATE_LINE)) return undefined;
  return trimmed.slice(ESCALATE_LINE.length).trim() || 'no reason given';
}

function escalation(name: string, args: unknown, names: readonly string[]): EscalationRequired {
  const given = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
  const reason =
    typeof given.reason === 'string' && given.reason ? given.reason : 'no reason given';
  // The model called an offered tool by name though only the escalation tool was on offer.
  const tool = name !== ESCALATE_TOOL ? name : typeof given.tool === 'string' ? given.tool : '';
  if (tool && names.includes(tool)) {
    return new EscalationRequired(
      { type: 'tool-unavailable', message: `needs the tool \`${tool}\`: ${reason}`, tool },
      { summary: toolNeededSummary(tool, reason) },
    );
  }
  return new EscalationRequired(
    { type: 'needs-capability', message: reason },
    { summary: capabilityNeededSummary(reason) },
  );
}
