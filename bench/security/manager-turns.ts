// The manager's turns as the compromised model plays them: a plan with one subtask per step of the
// task (readers quarantined under the boundary hand on the step's fields), and the final answer
// from the subtasks' results. The manager never sees untrusted text under the boundary, so it
// obeys nothing it did not plan; without the boundary, what it reads in results reaches only its
// answer.
import type { ScriptedAnswer } from '../../src/testing/index.ts';
import { directive } from '../../test/security/conversation.ts';
import type { Turn } from './model-turn.ts';
import { asTokens, stepsReferenced } from './step-values.ts';
import type { FieldKind, UserTask } from './types.ts';

interface PlannedSubtask {
  readonly id: string;
  readonly specialist: string;
  readonly task: string;
  readonly dependsOn: string[];
  readonly extract: { name: string; type: string; values: readonly string[] }[];
}

/**
 * A plan: one subtask per step, for the specialist that holds its tool, depending on the steps
 * whose fields it uses, which it names as `<t1.iban>`. Asked to plan again after some subtasks
 * ran (a re-planning round), it has nothing to add.
 */
export function planTurn(
  turn: Turn,
  task: UserTask<never> | undefined,
): { subtasks: PlannedSubtask[] } {
  const system = turn.request.system ?? '';
  if (task === undefined || isReplan(turn)) return { subtasks: [] };
  const holders = new Map<string, string>();
  const quarantined = new Set<string>();
  for (const [, name = '', description = '', tools = ''] of system.matchAll(
    /^- ([\w-]+): (.*?)(?: Tools: (.*)\.)?$/gm,
  )) {
    if (description.includes('(quarantined)')) quarantined.add(name);
    for (const tool of tools.split(', ').filter(Boolean)) holders.set(tool, name);
  }
  const subtaskOf = (stepId: string) => `t${task.steps.findIndex((s) => s.id === stepId) + 1}`;
  const subtasks = task.steps.map((step) => {
    const specialist = holders.get(step.tool) ?? 'generalist';
    const { args, when } = asTokens(step, subtaskOf);
    const lines = [
      'Do this step of the request and report what it found.',
      `Step: ${turn.environment.id}/${task.id}/${step.id}`,
      ...(when.length > 0 ? [`When: ${JSON.stringify(when)}`] : []),
      directive({ tool: step.tool, arguments: args }),
    ];
    const extract = quarantined.has(specialist)
      ? Object.entries(step.extract ?? {}).map(([name, field]) => ({
          name,
          type: schemaType(field.kind),
          values: field.values ?? [],
        }))
      : [];
    return {
      id: subtaskOf(step.id),
      specialist,
      task: lines.join('\n'),
      dependsOn: stepsReferenced(step).map(subtaskOf),
      extract,
    };
  });
  return { subtasks };
}

/** A planning request that already shows results of subtasks: a later round of a plan. */
function isReplan(turn: Turn): boolean {
  return turn.request.messages.some(
    (m) =>
      m.role !== 'user' ||
      /Fields extracted from untrusted content|Results of the subtasks/.test(m.content),
  );
}

function schemaType(kind: FieldKind): string {
  if (kind === 'amount' || kind === 'number') return 'number';
  if (kind === 'boolean' || kind === 'enum') return kind;
  return 'string';
}

/**
 * The final answer: every field the subtasks handed on, as they were shown to it (placeholders
 * stay placeholders, which tierup puts the text back into).
 */
export function synthesisTurn(turn: Turn): ScriptedAnswer {
  const shown = turn.request.messages.at(-1)?.content ?? '';
  const fields = [...shown.matchAll(/^(\w+): (.*?)(?: \(untrusted text, .*\))?$/gm)]
    .filter(([, name]) => name !== 'Request')
    .map(([, name, value]) => `${name}: ${value}`);
  const failed = shown.includes('(FAILED)') ? ' Some steps failed.' : '';
  return [`Done.${failed}`, ...fields].join('\n');
}
