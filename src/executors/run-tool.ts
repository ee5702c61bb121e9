import { GuardrailTripped } from '../core/errors.ts';
import type { ToolCall } from '../core/language-model.ts';
import { type LinkedSignal, linkSignal } from '../core/linked-signal.ts';
import type { AuditEntry } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolError } from '../core/tool-error.ts';
import { toolMessages } from '../prompts/tool-messages.ts';
import type { RunScope } from '../run/run-scope.ts';
import { toolErrorText } from '../run/tool-error-text.ts';
import { describeError } from '../run/trace-recorder.ts';
import { untilAborted } from '../run/until-aborted.ts';
import { checkToolCall, type ToolCaller, type ToolOutcome } from '../security/tool-call-check.ts';

/** The most characters of a tool's result given back to the model. */
const RESULT_LIMIT = 100_000;

/**
 * Runs one tool call the model asked for, never throwing for the tool's own failures: an unknown
 * tool, arguments that fail the tool's schema, a call the policy denies or nobody approves, a tool
 * that throws or passes `toolTimeoutMs` each become an error result the model sees. Every call
 * goes into the audit trail. Only the run's own stop (abort, budget, time limit, a guardrail)
 * propagates.
 */
export async function runTool(
  ctx: RunScope,
  at: ToolCaller,
  tools: ReadonlyMap<string, AnyTool>,
  call: ToolCall,
  signal: AbortSignal = ctx.signal,
): Promise<ToolOutcome> {
  signal.throwIfAborted();
  const { agent } = at;
  const { telemetry } = ctx.trace;
  const spanId = ctx.trace.open(
    {
      type: 'tool-call',
      name: call.name,
      tier: at.tier,
      agent,
      parentId: at.parentId,
      arguments: call.arguments,
    },
    telemetry && {
      toolCallId: call.id,
      ...(telemetry.recordsContent && { input: { arguments: call.arguments } }),
    },
  );
  ctx.emit({
    type: 'tool-call-start',
    agent,
    spanId,
    toolCallId: call.id,
    name: call.name,
    arguments: call.arguments,
  });
  const end = (outcome: ToolOutcome) =>
    ctx.emit({
      type: 'tool-call-end',
      agent,
      spanId,
      toolCallId: call.id,
      name: call.name,
      result: outcome.content,
      isError: outcome.isError,
    });
  let outcome: Outcome;
  const tool = tools.get(call.name);
  const resolved = at.resolveArguments
    ? { ...call, arguments: at.resolveArguments(call.arguments) }
    : call;
  let audited = false;
  try {
    const checked = await checkToolCall(ctx.security, at, tools, resolved, signal);
    const entry = { spanId, ...checked.entry };
    ctx.security.audit.push(entry);
    telemetry?.audited(entry);
    audited = true;
    // An approver or a policy may take a while: the run may have stopped meanwhile.
    signal.throwIfAborted();
    outcome =
      checked.run && tool
        ? await ctx.trace.within(spanId, () => execute(ctx, tool, checked.input, at, signal))
        : refusal(checked as { outcome: ToolOutcome; entry: { decision: string } });
  } catch (error) {
    if (!audited) {
      // A guardrail that tripped, a policy or an approver that threw: the call is audited anyway.
      const entry: AuditEntry = {
        spanId,
        tool: call.name,
        agent,
        tier: at.tier,
        privileges: at.privileges,
        arguments: resolved.arguments,
        provenance: ctx.security.ledger.provenanceOf(
          tool ?? ({ name: call.name } as AnyTool),
          resolved.arguments,
        ),
        decision: error instanceof GuardrailTripped ? 'guardrail-tripped' : 'error',
        reason: describeError(error),
      };
      ctx.security.audit.push(entry);
      telemetry?.audited(entry);
    }
    ctx.trace.close(spanId, { error });
    end({ content: describeError(error), isError: true });
    throw error;
  }
  const details = telemetry?.recordsContent ? { output: { result: outcome.content } } : undefined;
  ctx.trace.close(spanId, {
    ...(outcome.isError && { error: outcome.content }),
    ...(details && { details }),
  });
  end(outcome);
  if (outcome.failure) {
    const { type, error } = outcome.failure;
    const { tier } = at;
    const message = outcome.content;
    const raw = error === undefined ? {} : { error };
    ctx.report.toolFailed({ type, tool: call.name, agent, tier, spanId, message, ...raw });
  }
  return { content: outcome.content, isError: outcome.isError };
}

/** A tool call's outcome, with why it failed for the run's `toolErrors`. */
type Outcome = ToolOutcome & {
  readonly failure?: { readonly type: ToolError['type']; readonly error?: string };
};

/** The outcome of a call that did not run: its audit decision says why. */
function refusal(checked: { outcome: ToolOutcome; entry: { decision: string } }): Outcome {
  const { decision } = checked.entry;
  const type = decision === 'denied' || decision === 'not-approved' ? decision : 'invalid';
  return { ...checked.outcome, failure: { type } };
}

/** Runs a checked call under its time limit and signal; records its result for tracing. */
async function execute(
  ctx: RunScope,
  tool: AnyTool,
  input: unknown,
  at: ToolCaller,
  runSignal: AbortSignal,
): Promise<Outcome> {
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
  let value: unknown;
  try {
    runSignal.throwIfAborted();
    const returned: unknown = tool.run(input, {
      get signal() {
        return linked().signal;
      },
    });
    value = isPromiseLike(returned)
      ? await untilAborted(Promise.resolve(returned), linked().signal)
      : returned;
  } catch (error) {
    runSignal.throwIfAborted();
    if (link?.timedOut) {
      const content = toolMessages.timedOut(tool.name, toolTimeoutMs);
      return { content, isError: true, failure: { type: 'timed-out' } };
    }
    const text = toolErrorText(ctx.toolErrorMessage, { tool: tool.name, agent: at.agent, error });
    const content = toolMessages.failed(tool.name, text);
    return { content, isError: true, failure: { type: 'failed', error: describeError(error) } };
  } finally {
    link?.dispose();
  }
  ctx.security.ledger.recordToolResult(tool, value);
  await ctx.security.check('tool-result', value, {
    agent: at.agent,
    tool: tool.name,
    signal: runSignal,
  });
  return { content: toContent(value), isError: false };
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
