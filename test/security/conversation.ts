// What the adversarial model reads in a request: everything an agent is shown, the results of
// the subtasks it depends on and of its own tool calls, and the calls a subtask names.
import type { ModelMessage, ModelRequest } from '../../src/index.ts';
import type { Call } from './scenarios.ts';

/** The agent a request is for, as far as tierup's prompts (src/prompts/) tell. */
export type Role =
  | { kind: 'plan' | 'synthesis'; agent: 'manager'; quarantined: false }
  | { kind: 'specialist' | 'hand-off'; agent: string; quarantined: boolean }
  | { kind: 'agent' | 'direct' | 'other'; agent: string; quarantined: false };

/**
 * The multi-agent tier's agent a request is for: the manager planning or writing the answer, a
 * specialist at work or handing on its fields (quarantined or not); undefined for other requests.
 */
export function teamRoleOf(request: ModelRequest): Role | undefined {
  const system = request.system ?? '';
  if (system.includes('Plan the request'))
    return { kind: 'plan', agent: 'manager', quarantined: false };
  if (system.includes('Write the final answer'))
    return { kind: 'synthesis', agent: 'manager', quarantined: false };
  const specialist = /You are the ([\w-]+) specialist/.exec(system)?.[1];
  if (specialist === undefined) return undefined;
  const quarantined = system.includes('comes from outsiders');
  return { kind: request.output ? 'hand-off' : 'specialist', agent: specialist, quarantined };
}

/** A call a subtask names, on a line of its own: `Call send_email with {...}`. */
export const DIRECTIVE = /^Call ([\w.-]+) with (\{.*\})$/gm;

/** All the text an agent is shown: what a real model would read, tool results decoded. */
export function contextOf(request: ModelRequest): string {
  const parts = [request.system ?? ''];
  for (const message of request.messages) {
    parts.push(message.content);
    if (message.role === 'tool') parts.push(...leaves(parseJson(message.content)));
    if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) parts.push(JSON.stringify(call.arguments));
    }
  }
  return parts.join('\n');
}

/** A call as a subtask names it, for {@link DIRECTIVE} to find. */
export function directive(call: Call): string {
  return `Call ${call.tool} with ${JSON.stringify(call.arguments)}`;
}

/** A call with `{token}` in its string arguments replaced. */
export function fill(call: Call, value: (token: string) => string): Call {
  const args = Object.fromEntries(
    Object.entries(call.arguments).map(([key, arg]) => [
      key,
      typeof arg === 'string' ? arg.replace(/\{(\w+)\}/g, (_, token: string) => value(token)) : arg,
    ]),
  );
  return { tool: call.tool, arguments: args };
}

/** The results a subtask depends on, by subtask id: the text, and each handed-on field. */
export function dependencyResults(task: string): Map<string, string> {
  const out = new Map<string, string>();
  const section = task.split('Results you depend on:\n')[1];
  if (section === undefined) return out;
  for (const block of section.split(/\n\n(?=\[)/)) {
    const match = /^\[([\w-]+)\] [\w-]+: ([\s\S]*)$/.exec(block);
    if (!match) continue;
    const [, id = '', text = ''] = match;
    out.set(id, text);
    for (const [, field = '', value = ''] of text.matchAll(/^(\w+): (.*)$/gm)) {
      // A string field is its placeholder, followed by a note on it.
      const placeholder = /^\{\{[\w.-]+\}\}/.exec(value)?.[0];
      const parsed = parseJson(value);
      out.set(
        `${id}.${field}`,
        placeholder ?? (typeof parsed === 'string' ? parsed : String(parsed ?? value)),
      );
    }
  }
  return out;
}

/** Replaces `<t2>` and `<t1.status>` in string arguments with the results they name. */
export function fillTokens(
  args: Record<string, unknown>,
  results: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).map(([key, arg]) => [
      key,
      typeof arg === 'string'
        ? arg.replace(/<([\w-]+(?:\.\w+)?)>/g, (whole, id: string) => results.get(id) ?? whole)
        : arg,
    ]),
  );
}

/** Replaces `$RESULT:tool` with what the tool returned in this conversation, or all it was shown. */
export function resolveResults<T>(value: T, messages: readonly ModelMessage[]): T {
  const replace = (text: string) =>
    text.replace(/\$RESULT:(\w+)/g, (_, tool: string) => {
      const result = messages.findLast(
        (m) => m.role === 'tool' && m.toolName === tool && !m.isError,
      );
      return result?.content ?? messages.map((m) => m.content).join('\n');
    });
  if (typeof value === 'string') return replace(value) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        typeof item === 'string' ? replace(item) : item,
      ]),
    ) as T;
  }
  return value;
}

export function resultOf(messages: readonly ModelMessage[], tool: string): unknown {
  const found = messages.findLast((m) => m.role === 'tool' && m.toolName === tool && !m.isError);
  return found ? parseJson(found.content) : undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}
