import { EscalationRequired } from '../core/errors.ts';
import type { LanguageModel, ModelMessage, ModelTool, ToolCall } from '../core/language-model.ts';
import { memoizeWeak } from '../core/memoize-weak.ts';
import type { Tier } from '../core/tier.ts';
import { type AnyTool, type Tool, toModelTool } from '../core/tool.ts';
import { maxStepsSummary } from '../prompts/escalation-summaries.ts';
import { callModel } from '../run/call-model.ts';
import type { Limiter } from '../run/limiter.ts';
import type { RunScope } from '../run/run-scope.ts';
import { privilegesOf } from '../security/privileges.ts';
import type { ToolOutcome } from '../security/tool-call-check.ts';
import { runTool } from './run-tool.ts';

/** One agent's loop: who it is, its model, instructions and tools. */
export interface AgentLoop {
  readonly name: string;
  readonly tier: Tier;
  /** The agent's span. */
  readonly parentId: string;
  readonly model: LanguageModel;
  readonly system: string;
  readonly tools: readonly AnyTool[];
  /** Bounds the tool calls of one turn that run at once. */
  readonly limit: Limiter;
  /** The agent's own signal (its time limit); else the run's. */
  readonly signal?: AbortSignal;
  /** Rewrites tool arguments before they are checked (placeholders of untrusted fields). */
  readonly resolveArguments?: (args: unknown) => unknown;
  /** Tools offered besides `tools`, answered by `beforeTools` (the escalation tool). */
  readonly extraTools?: readonly ModelTool[];
  /** Sees each turn's tool calls before they run; may throw to end the loop (an escalation). */
  readonly beforeTools?: (calls: readonly ToolCall[]) => void;
  /** Rewrites a tool's result before the model sees it (untrusted text it repeats). */
  readonly resolveResult?: (content: string) => string;
  /** The agent's path in a durable run's journal. @default `<tier>/<name>` */
  readonly path?: string;
}

/** How an agent loop ended with an answer. */
export interface AgentAnswer {
  readonly text: string;
  /** The conversation, the answer included. */
  readonly messages: readonly ModelMessage[];
  /** Model calls made. */
  readonly steps: number;
  /** The calls the policy denied or nobody approved, in order. */
  readonly refused: readonly NonNullable<ToolOutcome['refused']>[];
}

const modelToolOf = memoizeWeak((tool: AnyTool): ModelTool => toModelTool(tool as Tool));

/**
 * The tool loop: call the model; run the tools it asks for (those of one turn concurrently, within
 * `limit`); give it the results; repeat until it answers without a tool call.
 * @throws {EscalationRequired} `max-steps` after `maxSteps` model calls with no final answer.
 */
export async function runAgentLoop(
  ctx: RunScope,
  agent: AgentLoop,
  conversation: readonly ModelMessage[],
): Promise<AgentAnswer> {
  const signal = agent.signal ?? ctx.signal;
  const byName = new Map(agent.tools.map((tool) => [tool.name, tool]));
  const tools = [...agent.tools.map(modelToolOf), ...(agent.extraTools ?? [])];
  const messages = [...conversation];
  const { maxSteps } = ctx.budgets;
  const at = {
    agent: agent.name,
    tier: agent.tier,
    parentId: agent.parentId,
    privileges: privilegesOf(agent.tools),
    resolveArguments: agent.resolveArguments,
    path: agent.path,
  };
  const refused: NonNullable<ToolOutcome['refused']>[] = [];
  for (let step = 1; step <= maxSteps; step++) {
    const response = await callModel(ctx, {
      ...at,
      model: agent.model,
      signal,
      request: {
        system: agent.system,
        // A copy: the loop goes on adding turns, and a model may keep the request it was given.
        messages: [...messages],
        ...(tools.length > 0 ? { tools, toolChoice: 'auto' as const } : {}),
      },
    });
    messages.push({
      role: 'assistant',
      content: response.text,
      ...(response.toolCalls.length > 0 ? { toolCalls: response.toolCalls } : {}),
    });
    if (response.text) ctx.report.output(response.text);
    if (response.toolCalls.length === 0) {
      return { text: response.text, messages, steps: step, refused };
    }
    agent.beforeTools?.(response.toolCalls);
    const outcomes = await Promise.all(
      response.toolCalls.map((call) => agent.limit(() => runTool(ctx, at, byName, call, signal))),
    );
    response.toolCalls.forEach((call, i) => {
      const outcome = outcomes[i] ?? { content: '', isError: true };
      if (outcome.refused) refused.push(outcome.refused);
      messages.push({
        role: 'tool',
        toolCallId: call.id,
        toolName: call.name,
        content: agent.resolveResult ? agent.resolveResult(outcome.content) : outcome.content,
        ...(outcome.isError ? { isError: true } : {}),
      });
    });
  }
  throw new EscalationRequired(
    {
      type: 'max-steps',
      message: `agent \`${agent.name}\` made ${maxSteps} model calls without a final answer`,
      steps: maxSteps,
    },
    { summary: maxStepsSummary(agent.name, maxSteps, messages), output: ctx.report.lastOutput },
  );
}
