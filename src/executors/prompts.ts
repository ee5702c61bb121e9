import type { ModelMessage } from '../core/language-model.ts';
import type { PreparedTask } from './run-context.ts';

/** The system prompt of a tier: the service's instructions, the tier's role, what lower tiers tried. */
export function systemPrompt(
  instructions: string | undefined,
  role: string,
  task: PreparedTask,
): string {
  const parts = [instructions?.trim(), task.instructions?.trim(), role].filter(
    (part): part is string => !!part,
  );
  if (task.priorAttempts.length > 0) {
    parts.push(
      `An earlier attempt on a lower tier could not meet this request:\n${task.priorAttempts
        .map((attempt) => `- ${attempt}`)
        .join('\n')}\nDo better than it did.`,
    );
  }
  return parts.join('\n\n');
}

/** The conversation an executor starts from: the history, then the request. */
export function openingMessages(task: PreparedTask): ModelMessage[] {
  return [...task.history, { role: 'user', content: task.input }];
}
