import { z } from 'zod';
import { SIGNALS } from '../core/decision.ts';
import { InvalidInputError, type Issue } from '../core/errors.ts';
import { toIssues } from '../core/parse.ts';
import { Tier } from '../core/tier.ts';

// What `tierup report` reads: a run saved as JSON with its whole trace, finished
// (`JSON.stringify(result)`) or failed (`JSON.stringify(error)`: a RunError carries `partial`).
// The schema checks what the page draws and lets everything else through, so a file saved by a
// newer tierup still opens.

const Totals = z.looseObject({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  costUsd: z.number().nullable(),
  calls: z.number().optional(),
});

const Span = z.looseObject({
  id: z.string(),
  parentId: z.string().optional(),
  type: z.enum(['run', 'tier', 'agent', 'model-call', 'tool-call']),
  name: z.string(),
  tier: Tier.optional(),
  agent: z.string().optional(),
  startMs: z.number(),
  endMs: z.number().optional(),
  status: z.enum(['ok', 'error', 'escalated', 'open']),
  error: z.string().optional(),
  usage: Totals.partial().optional(),
  arguments: z.unknown().optional(),
});

const Signal = z.looseObject({
  score: z.number(),
  threshold: z.number(),
  set: z.boolean(),
  uncertain: z.boolean().optional(),
});

const Decision = z.looseObject({
  tier: Tier,
  signalTier: Tier.optional(),
  signals: z.object(
    Object.fromEntries(SIGNALS.map((s) => [s, Signal])) as Record<
      (typeof SIGNALS)[number],
      typeof Signal
    >,
  ),
  tools: z.array(z.looseObject({ name: z.string(), domain: z.string(), score: z.number() })),
  reasons: z.array(z.string()),
  override: z.looseObject({ by: z.string(), from: Tier, to: Tier }).optional(),
});

const ArgumentProvenance = z.looseObject({
  path: z.string(),
  origins: z.array(z.string()),
  sources: z.array(z.string()),
});

const AuditEntry = z.looseObject({
  spanId: z.string().optional(),
  tool: z.string(),
  agent: z.string(),
  tier: Tier.optional(),
  privileges: z.array(z.string()).optional(),
  arguments: z.unknown().optional(),
  provenance: z.looseObject({ arguments: z.array(ArgumentProvenance) }).optional(),
  decision: z.string(),
  reason: z.string(),
});

const Escalation = z.looseObject({
  from: Tier,
  to: Tier,
  cause: z.looseObject({ type: z.string(), message: z.string() }),
  summary: z.string().optional(),
});

const RunBody = z.looseObject({
  output: z.unknown().optional(),
  tier: Tier,
  decision: Decision.optional(),
  escalations: z.array(Escalation),
  usage: Totals,
  trace: z.array(Span),
  audit: z.array(AuditEntry),
  finishReason: z.looseObject({ unified: z.string() }).optional(),
  warnings: z.array(z.unknown()).optional(),
});

const FailedRun = z.looseObject({
  name: z.string(),
  code: z.string().optional(),
  message: z.string(),
  partial: RunBody,
});

/** A saved run's body: what a finished run returned, or what a failed one had got to. */
export type SavedRunBody = z.infer<typeof RunBody>;
export type SavedSpan = z.infer<typeof Span>;
export type SavedAuditEntry = z.infer<typeof AuditEntry>;

/** A saved run, finished or failed, as the report page draws it. */
export interface SavedRun {
  readonly run: SavedRunBody;
  /** Set for a failed run: the error's name, code and message. */
  readonly error?: { readonly name: string; readonly code?: string; readonly message: string };
}

/**
 * Reads a saved run: the JSON of a `RunResult`, or of a `RunError` (which carries `partial`).
 * @throws {InvalidInputError} naming the field at fault.
 */
export function parseSavedRun(value: unknown): SavedRun {
  const failed = FailedRun.safeParse(value);
  if (failed.success) {
    const { name, code, message, partial } = failed.data;
    return { run: partial, error: { name, message, ...(code === undefined ? {} : { code }) } };
  }
  const finished = RunBody.safeParse(value);
  if (finished.success) return { run: finished.data };
  const looksFailed = typeof value === 'object' && value !== null && 'partial' in value;
  throw new InvalidSavedRunError(toIssues(looksFailed ? failed.error : finished.error));
}

/**
 * The caller's fault: the file is not a saved run (the JSON of a run's result, or of a
 * `RunError` with its partial run). Its code is `invalid-config`, as for other bad files;
 * `field` names the first field at fault.
 */
export class InvalidSavedRunError extends InvalidInputError {
  override readonly name = 'InvalidSavedRunError';
  constructor(issues: readonly Issue[]) {
    super('invalid-config', 'Not a saved run', issues);
  }
}
