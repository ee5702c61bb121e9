import {
  BoundaryViolationError,
  BudgetExceededError,
  GuardrailTripped,
  InvalidConfigError,
} from '../core/errors.ts';
import type { ModelMessage } from '../core/language-model.ts';
import { linkSignal } from '../core/linked-signal.ts';
import { InDoubtError } from '../durable/in-doubt-error.ts';
import { subtaskPath } from '../durable/journal-keys.ts';
import { handOnRequest, subtaskPrompt } from '../prompts/team-prompts.ts';
import { asAgent } from '../run/agent-span.ts';
import { createLimiter } from '../run/limiter.ts';
import type { RunScope } from '../run/run-scope.ts';
import { callForOutput } from '../run/structured-output.ts';
import { describeError } from '../run/trace-recorder.ts';
import { untilAborted } from '../run/until-aborted.ts';
import {
  expandPlaceholders,
  extractionSchema,
  fieldsOf,
  maskPlaceholders,
  type Placeholders,
  renderHandOff,
  withheldFailure,
} from '../security/quarantine.ts';
import { type AgentAnswer, runAgentLoop } from './agent-loop.ts';
import type { Plan, Subtask } from './plan.ts';
import type { ResolvedSpecialist } from './specialists.ts';

/** The state a multi-agent run shares between its subtasks. */
export interface TeamRun {
  readonly ctx: RunScope;
  /** The security boundary is enforced. */
  readonly boundary: boolean;
  /** Untrusted strings of quarantined hand-offs, by placeholder. */
  readonly placeholders: Placeholders;
  /** The manager's span, parent of every specialist's. */
  readonly managerSpan: string;
  /** The service's own instructions, put before each specialist's. */
  readonly instructions: string | undefined;
}

/** How one subtask ended, as the manager sees it. */
export interface SubtaskResult {
  readonly subtask: Subtask;
  readonly ok: boolean;
  /** The specialist's answer (a quarantined one's fields, strings as placeholders), or why it failed. */
  readonly text: string;
  /** Its specialist reads sensitive data, or saw it in the results it depends on. */
  readonly sensitive: boolean;
}

/**
 * Runs a plan's subtasks: each after the ones it depends on (in this plan, or in `done`, the
 * results of earlier plans), independent ones at once within `maxConcurrency`. A subtask whose
 * dependency failed is reported as not run.
 */
export async function runPlan(
  team: TeamRun,
  plan: Plan,
  specialists: readonly ResolvedSpecialist[],
  done: readonly SubtaskResult[] = [],
): Promise<SubtaskResult[]> {
  const byName = new Map(specialists.map((s) => [s.name, s]));
  const byId = new Map(plan.subtasks.map((s) => [s.id, s]));
  const limit = createLimiter(team.ctx.budgets.maxConcurrency);
  const started = new Map(done.map((result) => [result.subtask.id, Promise.resolve(result)]));
  const settle = (subtask: Subtask): Promise<SubtaskResult> => {
    let promise = started.get(subtask.id);
    if (promise === undefined) {
      promise = (async () => {
        const deps = await Promise.all(
          subtask.dependsOn.flatMap((id) => {
            const dep = byId.get(id);
            const earlier = started.get(id);
            return dep ? [settle(dep)] : earlier ? [earlier] : [];
          }),
        );
        const failed = deps.find((dep) => !dep.ok);
        if (failed) {
          return {
            subtask,
            ok: false,
            text: `not run: subtask ${failed.subtask.id} it depends on failed`,
            sensitive: false,
          };
        }
        const specialist = byName.get(subtask.specialist);
        if (specialist === undefined) throw new Error(`unknown specialist ${subtask.specialist}`);
        return limit(() => runSubtask(team, subtask, specialist, deps));
      })();
      started.set(subtask.id, promise);
    }
    return promise;
  };
  return Promise.all(plan.subtasks.map(settle));
}

async function runSubtask(
  team: TeamRun,
  subtask: Subtask,
  specialist: ResolvedSpecialist,
  deps: readonly SubtaskResult[],
): Promise<SubtaskResult> {
  const { ctx } = team;
  const { agentTimeoutMs } = ctx.budgets;
  const sensitive = specialist.privileges.includes('sensitive') || deps.some((d) => d.sensitive);
  // A time limit that is cleared when the subtask ends (AbortSignal.timeout's cannot be, and keeps
  // the signals it joins alive until it fires).
  const link = linkSignal([ctx.signal], {
    ms: agentTimeoutMs,
    reason: () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
  });
  const { signal } = link;
  const context = deps.map((dep) => `[${dep.subtask.id}] ${dep.subtask.specialist}: ${dep.text}`);
  const content = subtaskPrompt(subtask.task, context);
  try {
    const { text } = await asAgent(
      ctx,
      { name: specialist.name, tier: 'multi-agent', parentId: team.managerSpan },
      (spanId) =>
        untilAborted(work(team, subtask, specialist, content, spanId, signal, sensitive), signal),
      // The guardrail sees what the agent produced: a reader's fields, not their placeholders.
      (done) => done.output,
    );
    return { subtask, ok: true, text, sensitive };
  } catch (error) {
    // The run's own stop (abort, time limit, budget, guardrail) and a misconfiguration end the run.
    if (
      ctx.signal.aborted ||
      error instanceof BudgetExceededError ||
      error instanceof InvalidConfigError ||
      error instanceof GuardrailTripped ||
      error instanceof BoundaryViolationError ||
      error instanceof InDoubtError
    ) {
      throw error;
    }
    const why = link.timedOut
      ? `timed out after ${agentTimeoutMs} ms`
      : error instanceof CallRefused
        ? error.describe(specialist.quarantined)
        : specialist.quarantined
          ? withheldFailure(error)
          : describeError(error);
    return { subtask, ok: false, text: `failed: ${why}`, sensitive };
  } finally {
    link.dispose();
  }
}

/** A specialist's work: its tool loop, then, for a quarantined one, the structured hand-off. */
async function work(
  team: TeamRun,
  subtask: Subtask,
  specialist: ResolvedSpecialist,
  content: string,
  spanId: string,
  signal: AbortSignal,
  sensitive: boolean,
): Promise<{ readonly text: string; readonly output: unknown }> {
  const { ctx, placeholders } = team;
  const system = [team.instructions?.trim(), specialist.instructions].filter(Boolean).join('\n\n');
  // The same specialist may work on several subtasks at once: each has its own journal path.
  const path = subtaskPath(subtask.id, specialist.name);
  const answer: AgentAnswer = await runAgentLoop(
    ctx,
    {
      name: specialist.name,
      tier: 'multi-agent',
      parentId: spanId,
      model: specialist.model,
      system,
      tools: specialist.tools,
      limit: createLimiter(ctx.budgets.maxConcurrency),
      signal,
      path,
      ...(team.boundary
        ? { resolveArguments: (args: unknown) => expandPlaceholders(args, placeholders) }
        : {}),
      // A tool may repeat what a placeholder stood for: who may not read untrusted text sees the
      // placeholder again.
      ...(team.boundary && !specialist.quarantined
        ? { resolveResult: (content: string) => maskPlaceholders(content, placeholders) }
        : {}),
    },
    [{ role: 'user', content }],
  );
  // Nothing the plan made depend on a refused call runs: the subtask fails.
  const [first] = answer.refused;
  if (first) throw new CallRefused(first, answer.refused.length);
  if (!specialist.quarantined) return { text: answer.text, output: answer.text };
  const fields = fieldsOf(subtask);
  const request: ModelMessage = {
    role: 'user',
    content: handOnRequest(fields),
  };
  const values = (await callForOutput(
    ctx,
    {
      agent: specialist.name,
      tier: 'multi-agent',
      parentId: spanId,
      model: specialist.model,
      signal,
      path,
      request: { system, messages: [...answer.messages, request] },
    },
    extractionSchema(fields),
  )) as Record<string, unknown>;
  // Labelled untrusted, and sensitive when the reader saw sensitive data.
  ctx.security.ledger.recordExtraction(values, specialist.name, sensitive);
  return { text: renderHandOff(subtask.id, values, placeholders, fields), output: values };
}

/** A specialist's call that the policy denied or nobody approved: its subtask fails. */
class CallRefused extends Error {
  override readonly name = 'CallRefused';
  readonly refusal: AgentAnswer['refused'][number];
  readonly count: number;
  constructor(refusal: AgentAnswer['refused'][number], count: number) {
    super(`${refusal.decision}: ${refusal.reason}`);
    this.refusal = refusal;
    this.count = count;
  }

  /** What the manager is told: the rule, and the reason unless the specialist read untrusted text. */
  describe(quarantined: boolean): string {
    const { decision, reason, rule } = this.refusal;
    const what = decision === 'denied' ? 'the policy denied' : 'nobody approved';
    const calls = this.count > 1 ? ` (and ${this.count - 1} more)` : '';
    const detail = quarantined
      ? `${rule ? ` (rule ${rule})` : ''}; details withheld, as the specialist read untrusted content`
      : `: ${reason}`;
    return `${what} a call it made${calls}${detail}`;
  }
}
