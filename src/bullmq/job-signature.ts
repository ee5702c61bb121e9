import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { SubtaskOutcome } from '../core/engine.ts';

/**
 * What a tierup job carries: the subtask request as JSON, the channel its outcome is published
 * on, and their HMAC-SHA256 signature.
 */
export interface SignedJob {
  /** The {@link SubtaskRequest} as JSON. */
  readonly payload: string;
  /** The Redis channel the worker publishes the signed outcome on; absent, it only returns it. */
  readonly reply?: string;
  /** HMAC-SHA256 of `reply` (empty when absent), a newline and `payload`, with the shared secret, hex. */
  readonly signature: string;
}

/** What a worker sends back: the {@link SubtaskOutcome} as JSON, signed with the job's id. */
export interface SignedOutcome {
  /** The outcome as JSON. */
  readonly outcome: string;
  /** HMAC-SHA256 of the job's id, a newline and `outcome`, with the shared secret, hex. */
  readonly signature: string;
}

/**
 * A job whose payload does not verify against the worker's secret (tampered with, or signed with
 * another secret), or is not a tierup subtask: the worker refuses it and runs nothing. A BullMQ
 * `UnrecoverableError`, so the job fails at once, without retries.
 */
export class JobSignatureError extends UnrecoverableError {
  override readonly name = 'JobSignatureError';
  readonly code = 'job-signature';
  /** The job refused. */
  readonly jobId: string | undefined;
  constructor(jobId: string | undefined, detail: string) {
    super(`Job ${jobId ?? '(no id)'} refused: ${detail}`);
    this.jobId = jobId;
  }
}

/** Signs a payload, and the channel its outcome goes back on, with the shared secret. */
export function signPayload(payload: string, secret: string, reply?: string): SignedJob {
  return {
    payload,
    ...(reply === undefined ? {} : { reply }),
    signature: hmac(`${reply ?? ''}\n${payload}`, secret),
  };
}

/**
 * The payload of a signed job and its reply channel, once their signature verifies.
 * @throws {JobSignatureError} for a missing, malformed or wrong signature.
 */
export function verifiedJob(
  data: unknown,
  secret: string,
  jobId?: string,
): { readonly payload: string; readonly reply: string | undefined } {
  const job = data as Partial<SignedJob> | null;
  const reply = job?.reply;
  if (
    typeof job?.payload !== 'string' ||
    typeof job.signature !== 'string' ||
    (reply !== undefined && typeof reply !== 'string')
  ) {
    throw new JobSignatureError(jobId, 'it is not a signed tierup job');
  }
  if (!matches(job.signature, `${reply ?? ''}\n${job.payload}`, secret)) {
    throw new JobSignatureError(jobId, 'its signature does not match its payload');
  }
  return { payload: job.payload, reply };
}

/** Signs a job's outcome with the shared secret and the job's id (so it answers that job only). */
export function signOutcome(jobId: string, outcome: SubtaskOutcome, secret: string): SignedOutcome {
  const json = JSON.stringify(outcome);
  return { outcome: json, signature: hmac(`${jobId}\n${json}`, secret) };
}

/** The outcome a worker signed for `jobId`; undefined when it is not one, or does not verify. */
export function verifiedOutcome(
  data: unknown,
  jobId: string,
  secret: string,
): SubtaskOutcome | undefined {
  const signed = data as Partial<SignedOutcome> | null;
  if (typeof signed?.outcome !== 'string' || typeof signed.signature !== 'string') return undefined;
  if (!matches(signed.signature, `${jobId}\n${signed.outcome}`, secret)) return undefined;
  try {
    return JSON.parse(signed.outcome) as SubtaskOutcome;
  } catch {
    return undefined;
  }
}

function matches(signature: string, signed: string, secret: string): boolean {
  const expected = Buffer.from(hmac(signed, secret), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hmac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
