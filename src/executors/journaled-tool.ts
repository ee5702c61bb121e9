import type { ToolCall } from '../core/language-model.ts';
import { InDoubtError } from '../durable/in-doubt-error.ts';
import { pathOf, type RunRecorder } from '../durable/run-recorder.ts';
import type { RunScope } from '../run/run-scope.ts';
import type { ToolCaller } from '../security/tool-call-check.ts';
import { invoke, type Outcome, settle, type ToolRun } from './invoke-tool.ts';

/**
 * A tool call of a durable run: its journaled outcome when there is one (a resumed run: the tool
 * does not run again); else it runs, with the call's `idempotencyKey`, a side-effect tool with a
 * `tool-started` entry written first, and its outcome is written before the run goes on.
 * @throws {InDoubtError} for a side-effect tool, not `idempotent`, that started and never finished.
 */
export async function journaledTool(
  journal: RunRecorder,
  call: ToolRun & { readonly callId: string },
  input: unknown,
): Promise<Outcome> {
  const { tool, callId } = call;
  const key = journal.toolKey(pathOf(call.at), callId);
  const entry = journal.entry(key);
  if (entry?.type === 'tool-finished') return settle(call, input, entry.outcome);
  if (entry !== undefined && entry.type !== 'tool-started') {
    throw new Error(
      `the journal holds a ${entry.type} entry under ${key}, where this run calls a tool`,
    );
  }
  const idempotencyKey = journal.idempotencyKey(key);
  if (entry !== undefined && tool.idempotent !== true) {
    throw new InDoubtError({
      tool: tool.name,
      callId,
      arguments: entry.arguments,
      key,
      idempotencyKey,
    });
  }
  if (entry === undefined && tool.sideEffects) {
    const started = { type: 'tool-started' as const, tool: tool.name, callId, arguments: input };
    await journal.write(key, { ...started, idempotencyKey });
  }
  const ran = await invoke(call.ctx, tool, input, call.at, call.signal, idempotencyKey);
  await journal.write(key, { type: 'tool-finished', tool: tool.name, callId, outcome: ran });
  return settle(call, input, ran);
}

/**
 * The security a call is checked under: the run's; for a call a resumed durable run finds in its
 * journal (it ran, or started, before the run stopped), with its approval taken as given, so a
 * person is not asked again for what they approved. The policy and guardrails are checked again.
 */
export function securityOf(
  ctx: RunScope,
  at: ToolCaller & { readonly path?: string | undefined },
  call: ToolCall,
) {
  const { journal, security } = ctx;
  if (journal?.entry(journal.toolKey(pathOf(at), call.id)) === undefined) return security;
  return {
    ...security,
    approve: async () => ({ approved: true, reason: 'approved before the run was resumed' }),
  };
}
