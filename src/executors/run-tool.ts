import { GuardrailTripped } from '../core/errors.ts';
import type { ToolCall } from '../core/language-model.ts';
import { type LinkedSignal, linkSignal } from '../core/linked-signal.ts';
import type {
  AuditEntry,
  PolicyDecision,
  Privilege,
  Provenance,
  ToolCallRequest,
} from '../core/security.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { RunScope } from '../run/run-scope.ts';
import { describeError } from '../run/trace-recorder.ts';
import { untilAborted } from '../run/until-aborted.ts';
import { destinationsOf } from '../security/taint-ledger.ts';

/** What the model is told of one tool call. */
export interface ToolOutcome {
  readonly content: string;
  readonly isError: boolean;
}

/** Who makes a tool call. */
export interface ToolCaller {
  readonly agent: string;
  readonly tier: Tier;
  readonly parentId: string;
  /** The agent's privileges, for the policy and the audit trail. */
  readonly privileges: readonly Privilege[];
  /** Rewrites the model's arguments before anything else (placeholders of untrusted fields). */
  readonly resolveArguments?: ((args: unknown) => unknown) | undefined;
}

/** The most characters of a tool's result given back to the model. */
const RESULT_LIMIT = 100_000;

type Checked =
  | { readonly run: true; readonly input: unknown; readonly entry: Omit<AuditEntry, 'spanId'> }
  | {
      readonly run: false;
      readonly outcome: ToolOutcome;
      readonly entry: Omit<AuditEntry, 'spanId'>;
    };

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
  const spanId = ctx.trace.open({
    type: 'tool-call',
    name: call.name,
    tier: at.tier,
    agent,
    parentId: at.parentId,
    arguments: call.arguments,
  });
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
  let outcome: ToolOutcome;
  const tool = tools.get(call.name);
  const resolved = at.resolveArguments
    ? { ...call, arguments: at.resolveArguments(call.arguments) }
    : call;
  let audited = false;
  try {
    const checked = await check(ctx, at, tools, resolved, signal);
    ctx.security.audit.push({ spanId, ...checked.entry });
    audited = true;
    // An approver or a policy may take a while: the run may have stopped meanwhile.
    signal.throwIfAborted();
    outcome =
      checked.run && tool
        ? await execute(ctx, tool, checked.input, at, signal)
        : (checked as { outcome: ToolOutcome }).outcome;
  } catch (error) {
    if (!audited) {
      // A guardrail that tripped, a policy or an approver that threw: the call is audited anyway.
      ctx.security.audit.push({
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
      });
    }
    ctx.trace.close(spanId, { error });
    end({ content: describeError(error), isError: true });
    throw error;
  }
  ctx.trace.close(spanId, outcome.isError ? { error: outcome.content } : {});
  end(outcome);
  return outcome;
}

/** Validation, the tool-call guardrail, the policy and approvals, before a tool may run. */
async function check(
  ctx: RunScope,
  at: ToolCaller,
  tools: ReadonlyMap<string, AnyTool>,
  call: ToolCall,
  signal: AbortSignal,
): Promise<Checked> {
  const tool = tools.get(call.name);
  const { ledger } = ctx.security;
  const base = {
    tool: call.name,
    agent: at.agent,
    tier: at.tier,
    privileges: at.privileges,
    arguments: call.arguments,
  };
  if (tool === undefined) {
    const known = [...tools.keys()].join(', ') || 'none';
    const content = `Unknown tool \`${call.name}\`. Tools you can call: ${known}.`;
    return invalid(base, ledger.provenanceOf(placeholderTool(call.name), call.arguments), content);
  }
  const provenance = ledger.provenanceOf(tool, call.arguments);
  const parsed = tool.input.safeParse(call.arguments);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
      .join('; ');
    return invalid(
      base,
      provenance,
      `Invalid arguments for \`${call.name}\`: ${problems}. Fix them and call again.`,
    );
  }
  await ctx.security.check('tool-call', parsed.data, { agent: at.agent, tool: tool.name, signal });
  const request: ToolCallRequest = {
    tool: tool.name,
    arguments: parsed.data,
    agent: at.agent,
    tier: at.tier,
    privileges: at.privileges,
    sideEffects: tool.sideEffects,
    sensitiveData: tool.sensitiveData,
    untrustedInput: tool.untrustedInput,
    destinations: destinationsOf(tool, parsed.data),
  };
  let decision: PolicyDecision = { verdict: 'allow', reason: 'no check needed' };
  if (tool.sideEffects && provenance.untrusted) {
    decision = normalize(await ctx.security.policy(request, provenance));
  }
  if (decision.verdict === 'allow' && (await wantsApproval(tool, parsed.data))) {
    decision = { verdict: 'approve', reason: `\`${tool.name}\` needs approval` };
  }
  const entry = { ...base, arguments: parsed.data, provenance };
  if (decision.verdict === 'allow') {
    return {
      run: true,
      input: parsed.data,
      entry: { ...entry, decision: 'allowed', reason: decision.reason },
    };
  }
  if (decision.verdict === 'deny') {
    return refused(
      entry,
      'denied',
      decision.reason,
      `Denied by policy: ${decision.reason}. Do not retry this call.`,
    );
  }
  const answer = await askApproval(ctx, request, provenance, decision.reason, signal);
  if (answer.approved) {
    return {
      run: true,
      input: parsed.data,
      entry: { ...entry, decision: 'approved', reason: answer.reason },
    };
  }
  return refused(
    entry,
    'not-approved',
    answer.reason,
    `Not approved: ${answer.reason}. Do not retry this call.`,
  );
}

async function askApproval(
  ctx: RunScope,
  request: ToolCallRequest,
  provenance: Provenance,
  reason: string,
  signal: AbortSignal,
): Promise<{ approved: boolean; reason: string }> {
  const { approve } = ctx.security;
  if (approve === undefined)
    return { approved: false, reason: `${reason}, and the run has no approve callback` };
  const answer = await approve({ ...request, provenance, reason, signal });
  if (typeof answer === 'boolean')
    return { approved: answer, reason: answer ? 'approved' : 'the approver said no' };
  return {
    approved: answer.approved === true,
    reason: answer.reason ?? (answer.approved ? 'approved' : 'the approver said no'),
  };
}

async function wantsApproval(tool: AnyTool, input: unknown): Promise<boolean> {
  const { needsApproval } = tool;
  if (typeof needsApproval === 'function') return (await needsApproval(input)) === true;
  return needsApproval === true;
}

function normalize(verdict: PolicyDecision | PolicyDecision['verdict']): PolicyDecision {
  if (typeof verdict === 'string') return { verdict, reason: `the policy said ${verdict}` };
  if (verdict?.verdict === 'allow' || verdict?.verdict === 'deny' || verdict?.verdict === 'approve')
    return verdict;
  return {
    verdict: 'deny',
    reason: `the policy returned ${JSON.stringify(verdict)}, not a verdict`,
  };
}

function invalid(
  base: Omit<AuditEntry, 'spanId' | 'provenance' | 'decision' | 'reason'>,
  provenance: Provenance,
  content: string,
): Checked {
  return {
    run: false,
    outcome: { content, isError: true },
    entry: { ...base, provenance, decision: 'invalid', reason: content },
  };
}

function refused(
  entry: Omit<AuditEntry, 'spanId' | 'decision' | 'reason'>,
  decision: 'denied' | 'not-approved',
  reason: string,
  content: string,
): Checked {
  return { run: false, outcome: { content, isError: true }, entry: { ...entry, decision, reason } };
}

/** Runs a checked call under its time limit and signal; records its result for tracing. */
async function execute(
  ctx: RunScope,
  tool: AnyTool,
  input: unknown,
  at: ToolCaller,
  runSignal: AbortSignal,
): Promise<ToolOutcome> {
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
    if (link?.timedOut) return failed(`Tool \`${tool.name}\` timed out after ${toolTimeoutMs} ms.`);
    return failed(`Tool \`${tool.name}\` failed: ${describeError(error)}`);
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

/** A stand-in to trace an unknown tool's arguments. */
function placeholderTool(name: string): AnyTool {
  return { name } as AnyTool;
}

function toContent(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > RESULT_LIMIT
    ? `${text.slice(0, RESULT_LIMIT)}… [${text.length - RESULT_LIMIT} more characters cut]`
    : text;
}

function failed(content: string): ToolOutcome {
  return { content, isError: true };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
