import { randomUUID } from 'node:crypto';
import { type ConnectionOptions, type JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { Engine, SubtaskOutcome } from '../core/engine.ts';
import { untilAborted } from '../run/until-aborted.ts';
import { checkBullmqOptions } from './bullmq-options.ts';
import { signPayload, verifiedOutcome } from './job-signature.ts';
import { outcomeChannelName, subscribeOutcomes } from './outcome-channel.ts';

/** Options of {@link bullmqEngine}. */
export interface BullmqEngineOptions {
  /** The Redis connection: ioredis options (`{ host, port }`) or an ioredis client. */
  readonly connection: ConnectionOptions;
  /** The BullMQ queue the subtasks go to; its workers run `startTierupWorker` on the same name. */
  readonly queue: string;
  /** The secret every job's payload is signed with (HMAC-SHA256); the workers hold the same. At least 16 characters. */
  readonly secret: string;
  /** BullMQ's key prefix. @default 'bull' */
  readonly prefix?: string;
  /**
   * BullMQ's options of each job (priority, attempts, ...). @default { attempts: 1,
   * removeOnComplete: true, removeOnFail: { age: 86400 } }
   */
  readonly jobs?: JobsOptions;
}

/** An engine over a BullMQ queue; `close()` it when the service stops. */
export interface BullmqEngine extends Engine {
  /** Closes the queue's connections; subtasks still waiting for their job reject. */
  close(): Promise<void>;
}

/** A job that failed on its worker (refused, crashed, stalled too often): its subtask fails. */
export class SubtaskJobFailed extends Error {
  override readonly name = 'SubtaskJobFailed';
  readonly jobId: string;
  constructor(jobId: string, reason: string) {
    super(`job ${jobId} failed: ${reason}`);
    this.jobId = jobId;
  }
}

const UNSIGNED =
  "its outcome's signature does not match (tampered with, or signed with another secret)";

interface Waiter {
  resolve(outcome: SubtaskOutcome): void;
  reject(error: Error): void;
}

/**
 * Runs the multi-agent tier's specialists on BullMQ workers (`startTierupWorker`): each subtask a
 * job on `queue`, its payload signed with `secret`; the run awaits the job's result under the
 * subtask's signal (its time limit and the run's), so nothing waits forever.
 *
 * @example
 * const engine = bullmqEngine({ connection: { host: '127.0.0.1', port: 6379 }, queue: 'tierup', secret });
 * const tierup = createTierup({ model, tools, engine });
 */
export function bullmqEngine(options: BullmqEngineOptions): BullmqEngine {
  checkBullmqOptions(options);
  const { connection, secret, prefix } = options;
  const at = { connection, ...(prefix ? { prefix } : {}) };
  const queue = new Queue(options.queue, at);
  const jobs: JobsOptions = {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { age: 86_400 },
    ...options.jobs,
  };
  const waiting = new Map<string, Waiter>();
  const settle = (jobId: string, outcome: { value: SubtaskOutcome } | { error: Error }) => {
    const waiter = waiting.get(jobId);
    waiting.delete(jobId);
    if (waiter === undefined) return;
    if ('value' in outcome) waiter.resolve(outcome.value);
    else waiter.reject(outcome.error);
  };
  /** A job's signed outcome, from its reply channel or its `completed` event, whichever comes first. */
  const answer = (jobId: string, signed: unknown, lastWord: boolean) => {
    if (!waiting.has(jobId)) return;
    const value = verifiedOutcome(signed, jobId, secret);
    if (value !== undefined) settle(jobId, { value });
    // A message on the channel that does not verify is dropped: the job's completion still comes.
    else if (lastWord) settle(jobId, { error: new SubtaskJobFailed(jobId, UNSIGNED) });
  };
  // The outcomes come back on a channel of this engine's own, published by the worker before
  // BullMQ completes the job; the queue's `completed` event carries them too, for a message lost.
  const channel = outcomeChannelName(prefix, options.queue);
  const subscribed = subscribeOutcomes(queue, channel, (message) => {
    let parsed: { jobId?: unknown } | undefined;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (typeof parsed?.jobId === 'string') answer(parsed.jobId, parsed, false);
  });
  // Events are read from after the stream's last entry as it was before the first job: read from
  // the stream's end ('$', BullMQ's default), an event sent before the reader's first read (a job
  // that finished quickly) would be lost, and its subtask would wait until its time limit.
  const events = lastEventId(queue).then(async (id) => {
    const reader = new QueueEvents(options.queue, { ...at, lastEventId: id });
    reader.on('completed', ({ jobId, returnvalue }) => answer(jobId, returnvalue, true));
    reader.on('failed', ({ jobId, failedReason }) =>
      settle(jobId, { error: new SubtaskJobFailed(jobId, failedReason) }),
    );
    await reader.waitUntilReady();
    return reader;
  });
  const ready = Promise.all([events, subscribed]);
  return {
    name: 'bullmq',
    async runSubtask(request, { signal }) {
      signal.throwIfAborted();
      // Redis out of reach: the subtask stops at its own time limit, not when Redis comes back.
      const [, subscription] = await untilAborted(ready, signal);
      const jobId = `${request.runId}.${request.subtask.id}.${randomUUID().slice(0, 8)}`;
      const done = new Promise<SubtaskOutcome>((resolve, reject) => {
        waiting.set(jobId, { resolve, reject });
      });
      // Stopped while the job is being added, it rejects before anyone awaits it.
      done.catch(() => undefined);
      const stop = () => {
        const waiter = waiting.get(jobId);
        waiting.delete(jobId);
        waiter?.reject(signal.reason);
        // A job no worker took yet is taken back; one that runs stops at its time limit.
        queue.remove(jobId).catch(() => undefined);
      };
      signal.addEventListener('abort', stop, { once: true });
      try {
        const reply = subscription ? channel : undefined;
        await queue.add('subtask', signPayload(JSON.stringify(request), secret, reply), {
          ...jobs,
          jobId,
        });
        if (signal.aborted) queue.remove(jobId).catch(() => undefined);
        return await done;
      } finally {
        signal.removeEventListener('abort', stop);
        waiting.delete(jobId);
      }
    },
    async close() {
      for (const jobId of [...waiting.keys()]) {
        settle(jobId, { error: new SubtaskJobFailed(jobId, 'the engine was closed') });
      }
      // The event reader and the subscription close once they exist; closing does not wait for a
      // Redis that never answers longer than CLOSE_GRACE_MS.
      const closeReaders = ready.then(
        ([reader, subscription]) => {
          subscription?.close();
          return reader.close();
        },
        () => undefined,
      );
      const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
      await Promise.all([Promise.race([closeReaders, grace]), queue.close()]);
    },
  };
}

/** How long `close()` waits for the event reader to be ready so it can close it. */
const CLOSE_GRACE_MS = 2_000;

/** The id of the last entry of the queue's event stream, `0-0` when it has none (or is unreadable). */
async function lastEventId(queue: Queue): Promise<string> {
  // The Redis backend's client (BullMQ's escape hatch, an ioredis client).
  const backend = queue.getBackend() as unknown as { client?: Promise<EventStreamReader> };
  try {
    const client = await backend.client;
    const [last] =
      (await client?.xrevrange(queue.keys.events as string, '+', '-', 'COUNT', 1)) ?? [];
    return last?.[0] ?? '0-0';
  } catch {
    return '0-0';
  }
}

interface EventStreamReader {
  xrevrange(
    key: string,
    end: '+',
    start: '-',
    count: 'COUNT',
    n: number,
  ): Promise<[string, string[]][]>;
}
