import { z } from 'zod';
import type { Issue } from '../../core/errors.ts';
import type { ModelMessage, ModelWarning, ToolCall } from '../../core/language-model.ts';
import { toIssues } from '../../core/parse.ts';
import { parseArguments } from '../parse-arguments.ts';

/** A Chat Completions conversation as a run's input and history, with what was wrong in it. */
export interface ChatConversation {
  /** The text of the last message, a user message. */
  readonly input: string;
  readonly history: readonly ModelMessage[];
  /** System and developer messages, joined, with `systemMessages: 'instructions'`. */
  readonly instructions: string;
  readonly issues: readonly Issue[];
  /** Message fields that were set but are not passed on (`messages[1].name`). */
  readonly warnings: readonly ModelWarning[];
}

const TEXT_ONLY = 'is not available: tierup passes text only';

const KEYS: Readonly<Record<string, readonly string[]>> = {
  system: ['role', 'content', 'name'],
  developer: ['role', 'content', 'name'],
  user: ['role', 'content', 'name'],
  assistant: ['role', 'content', 'name', 'refusal', 'tool_calls', 'audio', 'function_call'],
  tool: ['role', 'content', 'tool_call_id'],
};

/**
 * Reads the `messages` of a Chat Completions body: the last one, a user message, is the input and
 * the others the history. `tool` results get their tool's name from the assistant's `tool_calls`;
 * `system` and `developer` messages become the run's instructions (`instructions`), user turns
 * where they stood (`history`), or are left out (`drop`).
 * Text parts are joined with a newline; images, audio and files are refused.
 */
export function readChatMessages(
  messages: readonly unknown[],
  systemMessages: 'instructions' | 'history' | 'drop',
): ChatConversation {
  const instructions: string[] = [];
  const issues: Issue[] = [];
  const warnings: ModelWarning[] = [];
  const history: ModelMessage[] = [];
  /** Tool names by call id, from the assistant turns read so far. */
  const calls = new Map<string, string>();
  let input = '';
  messages.forEach((raw, i) => {
    const at = `messages[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ path: at, message: 'must be an object' });
      return;
    }
    const message = raw as Record<string, unknown>;
    const role = typeof message.role === 'string' ? message.role : '';
    const allowed = KEYS[role];
    if (allowed === undefined) {
      issues.push({
        path: `${at}.role`,
        message: `must be one of "system", "developer", "user", "assistant", "tool"${role === 'function' ? ': `function` messages are deprecated, use `tool`' : ''}`,
      });
      return;
    }
    for (const key of Object.keys(message)) {
      if (!allowed.includes(key))
        issues.push({ path: `${at}.${key}`, message: 'is not a known option' });
    }
    if (message.name !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: `${at}.name`,
        details: 'participant names are not passed on',
      });
    }
    const last = i === messages.length - 1;
    if (last && role !== 'user') {
      issues.push({
        path: `${at}.role`,
        message: 'must be "user": tierup answers the last message',
      });
      return;
    }
    if (role === 'assistant') {
      const turn = readAssistant(message, at, issues);
      for (const call of turn.toolCalls ?? []) calls.set(call.id, call.name);
      history.push(turn);
      return;
    }
    const content = readText(message.content, `${at}.content`, role, issues);
    if (role === 'tool') {
      const id = message.tool_call_id;
      const toolName = typeof id === 'string' ? calls.get(id) : undefined;
      if (typeof id !== 'string' || toolName === undefined) {
        issues.push({
          path: `${at}.tool_call_id`,
          message: 'must be the id of a tool call of an earlier assistant message',
        });
        return;
      }
      history.push({ role: 'tool', toolCallId: id, toolName, content });
    } else if (role === 'user' && last) {
      if (content.trim() === '')
        issues.push({ path: `${at}.content`, message: 'must not be blank' });
      input = content;
    } else if (role === 'user') {
      history.push({ role: 'user', content });
    } else if (systemMessages === 'instructions' && content !== '') {
      instructions.push(content);
    } else if (systemMessages === 'history' && content !== '') {
      history.push({ role: 'user', content });
    }
  });
  return { input, history, instructions: instructions.join('\n\n'), issues, warnings };
}

function readAssistant(
  message: Record<string, unknown>,
  at: string,
  issues: Issue[],
): Extract<ModelMessage, { role: 'assistant' }> {
  for (const key of ['audio', 'function_call'] as const) {
    if (message[key] !== undefined && message[key] !== null) {
      issues.push({
        path: `${at}.${key}`,
        message: key === 'audio' ? TEXT_ONLY : 'is deprecated: use `tool_calls`',
      });
    }
  }
  const refusal = typeof message.refusal === 'string' ? message.refusal : '';
  if (message.refusal !== undefined && message.refusal !== null && refusal === '') {
    issues.push({ path: `${at}.refusal`, message: 'must be a string' });
  }
  const content =
    message.content === undefined || message.content === null
      ? refusal
      : readText(message.content, `${at}.content`, 'assistant', issues);
  const toolCalls = readToolCalls(message.tool_calls, `${at}.tool_calls`, issues);
  return { role: 'assistant', content, ...(toolCalls.length > 0 ? { toolCalls } : {}) };
}

function readToolCalls(value: unknown, at: string, issues: Issue[]): ToolCall[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ path: at, message: 'must be an array' });
    return [];
  }
  return value.flatMap((raw, i): ToolCall[] => {
    const call = ToolCallParam.safeParse(raw);
    if (!call.success) {
      issues.push(...toIssues(call.error, `${at}[${i}]`));
      return [];
    }
    const { id, function: fn } = call.data;
    return [{ id, name: fn.name, arguments: parseArguments(fn.arguments) }];
  });
}

const ToolCallParam = z.strictObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.strictObject({ name: z.string().min(1), arguments: z.string() }),
});

/** A message's text: a string, or its text parts (and an assistant's refusal parts) joined. */
function readText(value: unknown, at: string, role: string, issues: Issue[]): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) {
    issues.push({ path: at, message: 'must be a string or an array of content parts' });
    return '';
  }
  const texts: string[] = [];
  value.forEach((part: unknown, j) => {
    const { type, text, refusal } = (typeof part === 'object' && part !== null ? part : {}) as {
      type?: unknown;
      text?: unknown;
      refusal?: unknown;
    };
    if (type === 'text' && typeof text === 'string') texts.push(text);
    else if (role === 'assistant' && type === 'refusal' && typeof refusal === 'string') {
      texts.push(refusal);
    } else if (role === 'user' && ['image_url', 'input_audio', 'file'].includes(String(type))) {
      issues.push({ path: `${at}[${j}].type`, message: `is "${type}": ${TEXT_ONLY}` });
    } else {
      issues.push({ path: `${at}[${j}]`, message: 'must be a text part' });
    }
  });
  return texts.join('\n');
}
