import type { Executor } from '../core/executor.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { parseOptions } from '../core/parse.ts';
import { openingMessages, systemPrompt } from '../prompts/system-prompt.ts';
import {
  AGENT_ROLE,
  AGENT_ROLE_WITH_WITHHELD,
  FINAL_ANSWER_AS_JSON,
} from '../prompts/tier-roles.ts';
import { asAgent } from '../run/agent-span.ts';
import { createExecutor, type ExecutorOptions } from '../run/create-executor.ts';
import { createLimiter } from '../run/limiter.ts';
import { executorOptionsShape } from '../run/option-schemas.ts';
import { callForOutput } from '../run/structured-output.ts';
import type { TierStep } from '../run/tier-step.ts';
import { checkWithheld, splitForRuleOfTwo, withheldTool } from '../security/rule-of-two.ts';
import { runAgentLoop } from './agent-loop.ts';

/** Options of {@link agentStep}. */
export interface AgentStepOptions {
  readonly model: LanguageModel;
  readonly instructions?: string | undefined;
  /**
   * Withhold tools so that the one agent does not hold untrusted content, sensitive data and
   * side effects together, keeping the privileges the router found needed; asking for a withheld
   * tool escalates. @default false
   */
  readonly ruleOfTwo?: boolean | undefined;
}

/**
 * The agent tier: one agent with every tool of the task, in a tool loop (`maxSteps` model calls at
 * most). With an output schema, one more call turns its answer into the typed output.
 */
export function agentStep(options: AgentStepOptions): TierStep {
  const { model, instructions } = options;
  return (task, ctx, parentId) =>
    asAgent(ctx, { name: 'agent', tier: 'agent', parentId }, async (spanId) => {
      const { offered, withheld } = options.ruleOfTwo
        ? splitForRuleOfTwo(task.tools, task.neededTools ?? [])
        : { offered: task.tools, withheld: [] };
      const escalate = withheld.length > 0 && task.canEscalate;
      const role = escalate ? AGENT_ROLE_WITH_WITHHELD : AGENT_ROLE;
      const system = systemPrompt(instructions, role, task);
      const answer = await runAgentLoop(
        ctx,
        {
          name: 'agent',
          tier: 'agent',
          parentId: spanId,
          model,
          system,
          tools: offered,
          ...(withheld.length > 0
            ? {
                beforeTools: (calls) => checkWithheld(calls, withheld),
                ...(escalate ? { extraTools: [withheldTool(withheld)] } : {}),
              }
            : {}),
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
            messages: [...answer.messages, { role: 'user', content: FINAL_ANSWER_AS_JSON }],
          },
        },
        task.output,
      );
    });
}

/**
 * The agent tier alone: one agent with every tool, in a tool loop of at most `maxSteps` calls.
 *
 * @example
 * const agent = agentExecutor({ model, tools: [getOrder] });
 * const { output, trace } = await agent.run('Where is order 30418?');
 */
export function agentExecutor(options: ExecutorOptions): Executor {
  parseOptions(executorOptionsShape({ tools: true }), options);
  return createExecutor('agent', agentStep(options), options);
}
