import { GuardrailTripped } from '../core/errors.ts';
import type { ToolCall } from '../core/language-model.ts';
import { type LinkedSignal, linkSignal } from '../core/linked-signal.ts';
import type { AuditEntry } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import type { ToolError } from '../core/tool-error.ts';
import { InDoubtError } from '../durable/in-doubt-error.ts';
import type { RecordedToolOutcome } from '../durable/run-journal.ts';
import { pathOf, type RunRecorder } from '../durable/run-recorder.ts';
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
    const checked = await checkToolCall(ctx.security, at, tools, resolved, signal);
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
  return settle(
    { ctx, tool, at, signal: runSignal },
    input,
    await invoke(ctx, tool, input, at, runSignal),
  );
}

/** One tool call of a run, as `invoke` and `settle` see it. */
interface ToolRun {
  readonly ctx: RunScope;
  readonly tool: AnyTool;
  readonly at: ToolCaller & { readonly path?: string | undefined };
  readonly signal: AbortSignal;
}

/**
 * A tool call of a durable run: its journaled outcome when there is one (a resumed run: the tool
 * does not run again); else it runs, with the call's `idempotencyKey`, a side-effect tool with a
 * `tool-started` entry written first, and its outcome is written before the run goes on.
 * @throws {InDoubtError} for a side-effect tool, not `idempotent`, that started and never finished.
 */
async function journaledTool(
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

/** Runs the tool under its time limit and signal: what it returned, or how it failed. */
async function invoke(
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
async function settle(run: ToolRun, input: unknown, ran: RecordedToolOutcome): Promise<Outcome> {
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
