import type { ModelMessage } from '../core/language-model.ts';

/** What a tier's prompt is made from: the request, its own instructions, what lower tiers tried. */
export interface PromptedTask {
  readonly input: string;
  readonly history: readonly ModelMessage[];
  readonly instructions?: string | undefined;
  readonly priorAttempts: readonly string[];
}

/** The system prompt of a tier: the service's instructions, the tier's role, what lower tiers tried. */
export function systemPrompt(
  instructions: string | undefined,
  role: string,
  task: PromptedTask,
): string {
  const parts = [instructions?.trim(), task.instructions?.trim(), role].filter(
    (part): part is string => !!part,
  );
  const prior = priorAttemptsNote(task.priorAttempts);
  if (prior) parts.push(prior);
  return parts.join('\n\n');
}

/** What lower tiers tried, for the next tier's system prompt; empty when none did. */
export function priorAttemptsNote(priorAttempts: readonly string[]): string {
  if (priorAttempts.length === 0) return '';
  return `An earlier attempt on a lower tier could not meet this request:\n${priorAttempts
    .map((attempt) => `- ${attempt}`)
    .join('\n')}\nDo better than it did.`;
}

/** The conversation an executor starts from: the history, then the request. */
export function openingMessages(task: PromptedTask): ModelMessage[] {
  return [...task.history, { role: 'user', content: task.input }];
}
