import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';

/** What a tierup job carries: the subtask request as JSON, and its HMAC-SHA256 signature. */
export interface SignedJob {
  /** The {@link SubtaskRequest} as JSON. */
  readonly payload: string;
  /** HMAC-SHA256 of `payload` with the shared secret, hex. */
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

/** Signs a payload with the shared secret. */
export function signPayload(payload: string, secret: string): SignedJob {
  return { payload, signature: hmac(payload, secret) };
}

/**
 * The payload of a signed job, once its signature verifies.
 * @throws {JobSignatureError} for a missing, malformed or wrong signature.
 */
export function verifiedPayload(data: unknown, secret: string, jobId?: string): string {
  const job = data as Partial<SignedJob> | null;
  if (typeof job?.payload !== 'string' || typeof job.signature !== 'string') {
    throw new JobSignatureError(jobId, 'it is not a signed tierup job');
  }
  const expected = Buffer.from(hmac(job.payload, secret), 'hex');
  const given = Buffer.from(job.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JobSignatureError(jobId, 'its signature does not match its payload');
  }
  return job.payload;
}

function hmac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
