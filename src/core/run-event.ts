import type { Decision } from './decision.ts';
import type { Escalation, RunResult, UsageTotals } from './run-result.ts';
import type { Tier } from './tier.ts';

/**
 * What a streamed run reports, in order. Every event but `tier-decided`, `tier-escalated` and
 * `run-finish` names the agent it comes from (`direct`, `agent`, `manager` or a specialist), so
 * text of several agents running at once can be told apart. Each `*-start` is followed by its
 * `*-end`, with an error when it failed.
 */
export type RunEvent<Output = string> =
  | { readonly type: 'tier-decided'; readonly tier: Tier; readonly decision: Decision }
  | { readonly type: 'agent-start'; readonly agent: string; readonly tier: Tier }
  | {
      readonly type: 'agent-end';
      readonly agent: string;
      readonly tier: Tier;
      readonly status: 'ok' | 'error';
      readonly error?: string;
    }
  | {
      readonly type: 'model-call-start';
      readonly agent: string;
      readonly spanId: string;
      /** `provider/modelId`. */
      readonly model: string;
    }
  | {
      readonly type: 'model-call-end';
      readonly agent: string;
      readonly spanId: string;
      readonly model: string;
      readonly usage: Omit<UsageTotals, 'calls'>;
      /** Set when the call failed (its usage is then zero). */
      readonly error?: string;
    }
  | { readonly type: 'text-delta'; readonly agent: string; readonly delta: string }
  | {
      readonly type: 'tool-call-start';
      readonly agent: string;
      readonly spanId: string;
      readonly toolCallId: string;
      readonly name: string;
      readonly arguments: unknown;
    }
  | {
      readonly type: 'tool-call-end';
      readonly agent: string;
      readonly spanId: string;
      readonly toolCallId: string;
      readonly name: string;
      /** The text the model is given back. */
      readonly result: string;
      readonly isError: boolean;
    }
  | { readonly type: 'tier-escalated'; readonly escalation: Escalation }
  | { readonly type: 'run-finish'; readonly result: RunResult<Output> };

/** The `type` of a {@link RunEvent}. */
export type RunEventType = RunEvent['type'];
