import { GuardrailTripped } from '../core/errors.ts';
import type { ToolCall } from '../core/language-model.ts';
import type { AuditEntry } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import type { RunScope } from '../run/run-scope.ts';
import { describeError } from '../run/trace-recorder.ts';
import { checkToolCall, type ToolCaller, type ToolOutcome } from '../security/tool-call-check.ts';
import { invoke, type Outcome, settle } from './invoke-tool.ts';
import { journaledTool, securityOf } from './journaled-tool.ts';

/**
 * Runs one tool call the model asked for, never throwing for the tool's own failures: an unknown
 * tool, arguments that fail the tool's schema, a call the policy denies or nobody approves, a tool
 * that throws or passes `toolTimeoutMs` each become an error result the model sees. Every call
 * goes into the audit trail. Only the run's own stop (abort, budget, time limit, a guardrail)
 * propagates.
 */
export async function runTool(
  ctx: RunScope,
  at: ToolCaller & { readonly path?: string | undefined },
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
    const checked = await checkToolCall(securityOf(ctx, at, call), at, tools, resolved, signal);
    const entry = { spanId, ...checked.entry };
    ctx.security.audit.push(entry);
    telemetry?.audited(entry);
    audited = true;
    // An approver or a policy may take a while: the run may have stopped meanwhile.
    signal.throwIfAborted();
    const { journal } = ctx;
    outcome =
      checked.run && tool
        ? await ctx.trace.within(spanId, () =>
            journal === undefined
              ? execute(ctx, tool, checked.input, at, signal)
              : journaledTool(journal, { ctx, tool, at, signal, callId: call.id }, checked.input),
          )
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
  // What the caller reads: the content, whether it failed, and a refusal (the policy's or the approver's).
  const { failure: _, ...kept } = outcome;
  return kept;
}

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
  return settle(
    { ctx, tool, at, signal: runSignal },
    input,
    await invoke(ctx, tool, input, at, runSignal),
  );
}
