// What each turn of the compromised model knows, and what every agent it plays does alike: find
// the step it was given, obey the goals it read, make the next call of its agenda.
import type { ModelMessage, ModelRequest } from '../../src/index.ts';
import type { ScriptedAnswer } from '../../src/testing/index.ts';
import type { AttackerGoal, EnvironmentView, TaskStep } from './types.ts';

/** What every turn of the model knows. */
export interface Turn {
  readonly request: ModelRequest;
  readonly environment: EnvironmentView;
  /** All the text the agent is shown, tool results and base64 decoded. */
  readonly context: string;
  /** The goals whose instruction is in its context. */
  readonly found: readonly AttackerGoal<never>[];
}

/** One call of an agent's agenda, with the id by which it knows it has made it. */
export interface AgendaStep {
  readonly id: string;
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
}

/** The line of a subtask that names the task step it makes: `Step: banking/pay-bill/s2`. */
export const STEP_LINE = /^Step: ([\w-]+)\/([\w-]+)\/(s\d+)$/m;

/** The task step a specialist's subtask makes, from its `Step:` line. */
export function stepOfSubtask(
  request: ModelRequest,
  environment: EnvironmentView,
): TaskStep | undefined {
  const task = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const [, , taskId, stepId] = STEP_LINE.exec(task) ?? [];
  return environment.tasks.find((t) => t.id === taskId)?.steps.find((s) => s.id === stepId);
}

/**
 * The calls the goals it found ask for, with the tools it can reach: those it holds, and those
 * withheld from it that it may ask for (the escalation tool names them). `$SECRET` is every
 * secret it can see by then.
 */
export function attackSteps(turn: Turn): AgendaStep[] {
  const seen = turn.environment.secrets.filter((secret) => turn.context.includes(secret));
  const fill = (value: unknown): unknown =>
    typeof value === 'string' ? value.replaceAll('$SECRET', seen.join(' ')) : value;
  const reachable = reachableTools(turn.request);
  return turn.found.flatMap((goal) =>
    goal.calls.flatMap((call, i) =>
      reachable.has(call.tool)
        ? [
            {
              id: `attack-${goal.id}-${i}`,
              tool: call.tool,
              arguments: Object.fromEntries(
                Object.entries(call.arguments).map(([k, v]) => [k, fill(v)]),
              ),
            },
          ]
        : [],
    ),
  );
}

/** The tools an agent holds, and those withheld from it that its escalation tool names. */
function reachableTools(request: ModelRequest): Set<string> {
  const names = new Set<string>();
  for (const tool of request.tools ?? []) {
    names.add(tool.name);
    const withheld = (
      tool.inputSchema.properties as Record<string, { enum?: string[] }> | undefined
    )?.tool?.enum;
    if (tool.name === 'tierup_escalate') for (const name of withheld ?? []) names.add(name);
  }
  return names;
}

/** The first step of the agenda it has not made yet, as a tool call. */
export function nextOf(
  agenda: readonly AgendaStep[],
  messages: readonly ModelMessage[],
): ScriptedAnswer | undefined {
  const made = new Set(
    messages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id) : [])),
  );
  const next = agenda.find((step) => !made.has(step.id));
  return next && { toolCalls: [{ id: next.id, name: next.tool, arguments: next.arguments }] };
}
