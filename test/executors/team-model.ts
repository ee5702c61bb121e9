import { defineTool, type ModelRequest } from 'tierup';
import { type ScriptedAnswer, type ScriptedModelOptions, scriptedModel } from 'tierup/testing';
import { z } from 'zod';

/** What {@link teamModel} answers with. */
export interface TeamScript {
  /** The final text of every agent. @default 'Order 30418 has shipped.' */
  readonly answer?: string;
  /** Arguments of the first tool call an agent makes. @default { orderId: '30418' } */
  readonly toolArguments?: Record<string, unknown>;
  /** Structured outputs, in order, for requests that ask for one (the plan excepted). */
  readonly outputs?: readonly unknown[];
  /** The manager's plan; by default one subtask per specialist that holds a tool. */
  readonly plan?: (specialists: readonly string[]) => unknown;
}

export const ANSWER = 'Order 30418 has shipped.';

/** The tool the scripted runs call. */
export const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId, status: 'shipped' }),
});

/**
 * One scripted model that plays every part: the manager's plan (one subtask per specialist with
 * tools), an agent's first turn (a call to its first tool), and the final answer.
 */
export function teamModel(script: TeamScript = {}, options: ScriptedModelOptions = {}) {
  const outputs = [...(script.outputs ?? [])];
  return scriptedModel((request): ScriptedAnswer => {
    if (request.system?.includes('Plan the request')) {
      const names = specialistsIn(request);
      return { output: script.plan ? script.plan(names) : defaultPlan(names) };
    }
    if (request.output !== undefined) {
      return { output: outputs.length > 0 ? outputs.shift() : { status: 'shipped' } };
    }
    const tools = (request.tools ?? []).filter((tool) => tool.name !== 'tierup_escalate');
    const last = request.messages.at(-1);
    if (tools.length > 0 && last?.role === 'user') {
      return {
        toolCalls: [
          { name: tools[0]?.name ?? '', arguments: script.toolArguments ?? { orderId: '30418' } },
        ],
      };
    }
    return script.answer ?? ANSWER;
  }, options);
}

/** The specialists the plan prompt lists, with whether each holds tools. */
export function specialistsIn(request: ModelRequest): string[] {
  return [...(request.system ?? '').matchAll(/^- ([\w-]+):/gm)].map((m) => m[1] ?? '');
}

function defaultPlan(names: readonly string[]) {
  const withTools = names.filter((name) => name !== 'generalist');
  const chosen = withTools.length > 0 ? withTools : ['generalist'];
  return {
    subtasks: chosen.map((specialist, i) => ({
      id: `t${i + 1}`,
      specialist,
      task: `Do the ${specialist} part for order 30418.`,
      dependsOn: [],
    })),
  };
}
