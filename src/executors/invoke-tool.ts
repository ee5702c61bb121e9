import { type LinkedSignal, linkSignal } from '../core/linked-signal.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolError } from '../core/tool-error.ts';
import type { RecordedToolOutcome } from '../durable/run-journal.ts';
import { toolMessages } from '../prompts/tool-messages.ts';
import type { RunScope } from '../run/run-scope.ts';
import { toolErrorText } from '../run/tool-error-text.ts';
import { describeError } from '../run/trace-recorder.ts';
import { untilAborted } from '../run/until-aborted.ts';
import type { ToolCaller, ToolOutcome } from '../security/tool-call-check.ts';

/** The most characters of a tool's result given back to the model. */
const RESULT_LIMIT = 100_000;

/** A tool call's outcome, with why it failed for the run's `toolErrors`. */
export type Outcome = ToolOutcome & {
  readonly failure?: { readonly type: ToolError['type']; readonly error?: string };
};

/** One tool call of a run, as `invoke` and `settle` see it. */
export interface ToolRun {
  readonly ctx: RunScope;
  readonly tool: AnyTool;
  readonly at: ToolCaller & { readonly path?: string | undefined };
  readonly signal: AbortSignal;
}

/** Runs the tool under its time limit and signal: what it returned, or how it failed. */
export async function invoke(
  ctx: RunScope,
  tool: AnyTool,
  input: unknown,
  at: ToolCaller,
  runSignal: AbortSignal,
  idempotencyKey?: string,
): Promise<RecordedToolOutcome> {
  const { toolTimeoutMs } = ctx.budgets;
  // The tool's signal (the run's, plus its time limit) is made when it is needed: when the tool
  // reads it, or when it returns a promise to wait for. A tool that answers at once and never
  // looks at its signal costs no signal and no timer. Not AbortSignal.timeout: its timer cannot be
  // cleared, so it kept every call's signals alive for toolTimeoutMs after the call returned.
  let link: LinkedSignal | undefined;
  const linked = () =>
    (link ??= linkSignal([runSignal], {
      ms: toolTimeoutMs,
      reason: () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    }));
  try {
    runSignal.throwIfAborted();
    const options = {
      get signal() {
        return linked().signal;
      },
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    };
    const returned: unknown = tool.run(input, options);
    const value = isPromiseLike(returned)
      ? await untilAborted(Promise.resolve(returned), linked().signal)
      : returned;
    return { type: 'value', value };
  } catch (error) {
    runSignal.throwIfAborted();
    if (link?.timedOut) {
      const content = toolMessages.timedOut(tool.name, toolTimeoutMs);
      return { type: 'error', content, failure: { type: 'timed-out' } };
    }
    const text = toolErrorText(ctx.toolErrorMessage, { tool: tool.name, agent: at.agent, error });
    const content = toolMessages.failed(tool.name, text);
    return { type: 'error', content, failure: { type: 'failed', error: describeError(error) } };
  } finally {
    link?.dispose();
  }
}

/** What the model reads of a tool's outcome: a value goes through the ledger and the `toolResult` guardrails first. */
export async function settle(
  run: ToolRun,
  input: unknown,
  ran: RecordedToolOutcome,
): Promise<Outcome> {
  if (ran.type === 'error') return { content: ran.content, isError: true, failure: ran.failure };
  const { ctx, tool, at } = run;
  ctx.security.ledger.recordToolResult(tool, ran.value, { input, agent: at.agent });
  await ctx.security.check('tool-result', ran.value, {
    agent: at.agent,
    tool: tool.name,
    signal: run.signal,
  });
  return { content: toContent(ran.value), isError: false };
}

function toContent(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > RESULT_LIMIT
    ? `${text.slice(0, RESULT_LIMIT)}${toolMessages.cut(text.length - RESULT_LIMIT)}`
    : text;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
