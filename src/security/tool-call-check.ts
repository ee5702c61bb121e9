import type { ToolCall } from '../core/language-model.ts';
import type {
  AuditEntry,
  PolicyDecision,
  Privilege,
  Provenance,
  ToolCallRequest,
} from '../core/security.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import { toolMessages } from '../prompts/tool-messages.ts';
import { destinationsOf } from './argument-roles.ts';
import { forApprover } from './permit-coverage.ts';
import type { RunSecurity } from './run-security.ts';

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

/** What the model is told of one tool call. */
export interface ToolOutcome {
  readonly content: string;
  readonly isError: boolean;
  /** The policy denied the call, or nobody approved it: what the plan made depend on it stops. */
  readonly refused?: Pick<AuditEntry, 'decision' | 'reason' | 'rule'>;
}

/** A checked tool call: run it with `input`, or tell the model `outcome`; audited either way. */
export type CheckedCall =
  | { readonly run: true; readonly input: unknown; readonly entry: Omit<AuditEntry, 'spanId'> }
  | {
      readonly run: false;
      readonly outcome: ToolOutcome;
      readonly entry: Omit<AuditEntry, 'spanId'>;
    };

type Entry = Omit<AuditEntry, 'spanId' | 'decision' | 'reason'>;

/**
 * Everything before a tool may run: the tool exists, its arguments pass its schema, the
 * tool-call guardrails, the policy (on every call, reads included) and approvals.
 * @throws {GuardrailTripped} and whatever a guardrail, the policy or the approver throws.
 */
export async function checkToolCall(
  security: RunSecurity,
  at: ToolCaller,
  tools: ReadonlyMap<string, AnyTool>,
  call: ToolCall,
  signal: AbortSignal,
): Promise<CheckedCall> {
  const tool = tools.get(call.name);
  const { ledger } = security;
  const base = {
    tool: call.name,
    agent: at.agent,
    tier: at.tier,
    privileges: at.privileges,
    arguments: call.arguments,
  };
  if (tool === undefined) {
    const provenance = ledger.provenanceOf(standIn(call.name), call.arguments);
    return invalid({ ...base, provenance }, toolMessages.unknown(call.name, [...tools.keys()]));
  }
  const provenance = ledger.provenanceOf(tool, call.arguments, at.agent);
  const parsed = tool.input.safeParse(call.arguments);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
      .join('; ');
    return invalid({ ...base, provenance }, toolMessages.invalidArguments(call.name, problems));
  }
  await security.check('tool-call', parsed.data, { agent: at.agent, tool: tool.name, signal });
  const entry = { ...base, arguments: parsed.data, provenance };
  return decide(security, at, tool, parsed.data, entry, signal);
}

/** The policy and approvals for a valid call. */
async function decide(
  security: RunSecurity,
  at: ToolCaller,
  tool: AnyTool,
  input: unknown,
  entry: Entry,
  signal: AbortSignal,
): Promise<CheckedCall> {
  const { provenance } = entry;
  const request: ToolCallRequest = {
    tool: tool.name,
    arguments: input,
    agent: at.agent,
    tier: at.tier,
    privileges: at.privileges,
    sideEffects: tool.sideEffects,
    sensitiveData: tool.sensitiveData,
    untrustedInput: tool.untrustedInput,
    openWorld: tool.openWorld === true,
    destinations: destinationsOf(tool, input),
  };
  let decision = normalize(await security.policy(request, provenance));
  if (decision.verdict === 'allow' && (await wantsApproval(tool, input))) {
    decision = { verdict: 'approve', reason: `\`${tool.name}\` needs approval` };
  }
  // The rule that decided, for code to read.
  const ruled = {
    ...entry,
    ...(decision.rule === undefined ? {} : { rule: decision.rule }),
    ...(decision.argument === undefined ? {} : { argument: decision.argument }),
  };
  if (decision.verdict === 'allow') {
    return { run: true, input, entry: { ...entry, decision: 'allowed', reason: decision.reason } };
  }
  if (decision.verdict === 'deny') {
    return refused(ruled, 'denied', decision.reason, toolMessages.denied(decision.reason));
  }
  const answer = await askApproval(security, request, provenance, decision.reason, signal);
  if (answer.approved) {
    return { run: true, input, entry: { ...ruled, decision: 'approved', reason: answer.reason } };
  }
  return refused(ruled, 'not-approved', answer.reason, toolMessages.notApproved(answer.reason));
}

async function askApproval(
  security: RunSecurity,
  request: ToolCallRequest,
  provenance: Provenance,
  reason: string,
  signal: AbortSignal,
): Promise<{ approved: boolean; reason: string }> {
  const { approve } = security;
  if (approve === undefined)
    return { approved: false, reason: `${reason}, and the run has no approve callback` };
  // A person may see what outsiders wrote: the values a permitted source holds, to choose among.
  const answer = await approve({ ...request, provenance: forApprover(provenance), reason, signal });

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
  if (verdict === 'allow' || verdict === 'deny' || verdict === 'approve')
    return { verdict, reason: `the policy said ${verdict}` };
  if (verdict?.verdict === 'allow' || verdict?.verdict === 'deny' || verdict?.verdict === 'approve')
    return {
      verdict: verdict.verdict,
      reason:
        typeof verdict.reason === 'string' ? verdict.reason : `the policy said ${verdict.verdict}`,
      ...(typeof verdict.rule === 'string' ? { rule: verdict.rule } : {}),
      ...(typeof verdict.argument === 'string' ? { argument: verdict.argument } : {}),
    };
  return {
    verdict: 'deny',
    reason: `the policy returned ${JSON.stringify(verdict)}, not a verdict`,
  };
}

function invalid(entry: Entry, content: string): CheckedCall {
  return {
    run: false,
    outcome: { content, isError: true },
    entry: { ...entry, decision: 'invalid', reason: content },
  };
}

function refused(
  entry: Entry & Pick<AuditEntry, 'rule' | 'argument'>,
  decision: 'denied' | 'not-approved',
  reason: string,
  content: string,
): CheckedCall {
  const rule = entry.rule === undefined ? {} : { rule: entry.rule };
  return {
    run: false,
    outcome: { content, isError: true, refused: { decision, reason, ...rule } },
    entry: { ...entry, decision, reason },
  };
}

/** A stand-in to trace an unknown tool's arguments. */
function standIn(name: string): AnyTool {
  return { name } as AnyTool;
}
