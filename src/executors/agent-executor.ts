import type { LanguageModel } from '../core/language-model.ts';
import { runAgentLoop } from './agent-loop.ts';
import { asAgent } from './agent-span.ts';
import { createLimiter } from './limiter.ts';
import { openingMessages, systemPrompt } from './prompts.ts';
import { callForOutput } from './structured-output.ts';
import type { TierRunner } from './tier-runner.ts';

/** Options of {@link agentRunner}. */
export interface AgentRunnerOptions {
  readonly model: LanguageModel;
  readonly instructions?: string | undefined;
}

const ROLE =
  'Meet the request using the tools when they help: call them for data and actions you do not have, then answer.';

/**
 * The agent tier: one agent with every tool of the task, in a tool loop (`maxSteps` model calls at
 * most). With an output schema, one more call turns its answer into the typed output.
 */
export function agentRunner(options: AgentRunnerOptions): TierRunner {
  const { model, instructions } = options;
  return {
    tier: 'agent',
    execute: (task, ctx, parentId) =>
      asAgent(ctx, { name: 'agent', tier: 'agent', parentId }, async (spanId) => {
        const system = systemPrompt(instructions, ROLE, task);
        const answer = await runAgentLoop(
          ctx,
          {
            name: 'agent',
            tier: 'agent',
            parentId: spanId,
            model,
            system,
            tools: task.tools,
            limit: createLimiter(ctx.budgets.maxConcurrency),
          },
          openingMessages(task),
        );
        if (task.output === undefined) return answer.text;
        return callForOutput(
          ctx,
          {
            agent: 'agent',
            tier: 'agent',
            parentId: spanId,
            model,
            request: {
              system,
              messages: [
                ...answer.messages,
                { role: 'user', content: 'Give your final answer as JSON matching the schema.' },
              ],
            },
          },
          task.output,
        );
      }),
  };
}
