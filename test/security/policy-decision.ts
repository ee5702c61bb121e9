import { type AnyTool, defaultPolicy, type PolicyDecision } from 'tierup';
import { destinationsOf } from '../../src/security/argument-roles.ts';
import type { TaintLedger } from '../../src/security/taint-ledger.ts';

/** What the default policy decides for a call of `tool` by `agent`, given what `ledger` recorded. */
export async function policyDecision(
  ledger: TaintLedger,
  tool: AnyTool,
  args: Record<string, unknown>,
  agent?: string,
): Promise<PolicyDecision> {
  const decision = await defaultPolicy(
    {
      tool: tool.name,
      arguments: args,
      agent: agent ?? 'agent',
      tier: 'agent',
      privileges: [],
      sideEffects: tool.sideEffects,
      sensitiveData: tool.sensitiveData,
      untrustedInput: tool.untrustedInput,
      openWorld: tool.openWorld === true,
      destinations: destinationsOf(tool, args),
    },
    ledger.provenanceOf(tool, args, agent),
  );
  return typeof decision === 'string' ? { verdict: decision, reason: '' } : decision;
}
