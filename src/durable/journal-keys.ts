import { createHash } from 'node:crypto';
import type { Tier } from '../core/tier.ts';

/** The key of the router's decision (and the start tier) in a run's journal. */
export const DECISION_KEY = 'run/decision';

/** The path of an agent in a run's journal: `<tier>/<agent>` (`multi-agent/manager`, `agent/agent`). */
export function agentPath(tier: Tier, agent: string): string {
  return `${tier}/${agent}`;
}

/** The path of a specialist's work on one subtask: `multi-agent/subtask:<subtaskId>:<specialist>`. */
export function subtaskPath(subtaskId: string, specialist: string): string {
  return `multi-agent/subtask:${subtaskId}:${specialist}`;
}

/** The key of the n-th model call (from 1) of the agent at `path`. */
export function modelKey(path: string, n: number): string {
  return `${path}/model:${n}`;
}

/** The key of a tool call that the n-th model call of the agent at `path` asked for. */
export function toolKey(path: string, n: number, callId: string): string {
  return `${path}/tool:${n}:${callId}`;
}

/**
 * The idempotency key a tool call is given: the same for the same run and journal key, so a retry
 * of the call (after a crash, in another process) sends the same one. 32 hex characters.
 */
export function idempotencyKeyOf(runId: string, key: string): string {
  return createHash('sha256').update(`${runId}\n${key}`).digest('hex').slice(0, 32);
}
