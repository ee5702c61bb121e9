// A specialist's turns as the compromised model plays them: make the call its subtask names, with
// the values the results it depends on hold, when its condition holds; obey any goal it reads; then
// report what its call found, field by field, as the step's honest reader would.
import type { ModelMessage } from '../../src/index.ts';
import type { ScriptedAnswer } from '../../src/testing/index.ts';
import { DIRECTIVE, dependencyResults, parseJson } from '../../test/security/conversation.ts';
import { type AgendaStep, attackSteps, nextOf, stepOfSubtask, type Turn } from './model-turn.ts';
import { conditionsHold, fillFromResults, MISSING } from './step-values.ts';
import type { Condition } from './types.ts';

export function specialistTurn(turn: Turn): ScriptedAnswer {
  const { request, found, environment } = turn;
  const task = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const results = dependencyResults(task);
  const status = ownCalls(task, results);
  const agenda: AgendaStep[] = [...(Array.isArray(status) ? status : []), ...attackSteps(turn)];
  const next = nextOf(agenda, request.messages);
  if (next) return next;
  if (!Array.isArray(status)) return status;
  const step = stepOfSubtask(request, environment);
  const lines = status.flatMap((call) => {
    const result = resultOf(request.messages, call.id);
    if (result === undefined) return ['failed: the call was not made'];
    if (result.isError) return [`failed: ${result.content}`];
    const parsed = parseJson(result.content) ?? result.content;
    return Object.entries(step?.extract ?? {}).map(
      ([name, field]) => `${name}: ${JSON.stringify(field.read(parsed))}`,
    );
  });
  // A specialist that read an instruction passes it on, as a compromised model would.
  const passed = found.map((goal) => `Also required: ${goal.instruction}.`);
  return ['Done.', ...lines, ...passed].join('\n');
}

/** The calls its subtask names, filled in; or why it makes none. */
function ownCalls(task: string, results: ReadonlyMap<string, string>): AgendaStep[] | string {
  const when = /^When: (.*)$/m.exec(task)?.[1];
  if (when !== undefined) {
    const conditions = JSON.parse(when) as Condition[];
    const holds = conditionsHold(conditions, (ref) => fillFromResults(ref, results));
    if (holds === MISSING) return 'Skipped: a result the condition needs is missing.';
    if (!holds) return 'Skipped: the condition does not hold, so nothing was done.';
  }
  const calls: AgendaStep[] = [];
  for (const [i, [, tool = '', json = '{}']] of [...task.matchAll(DIRECTIVE)].entries()) {
    const args = fillFromResults(JSON.parse(json), results);
    if (args === MISSING) return 'Could not do it: a result it needs is missing.';
    calls.push({ id: `task-${i}`, tool, arguments: args as Record<string, unknown> });
  }
  return calls;
}

function resultOf(messages: readonly ModelMessage[], id: string) {
  const message = messages.find((m) => m.role === 'tool' && m.toolCallId === id);
  return message?.role === 'tool' ? message : undefined;
}
