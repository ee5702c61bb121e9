import { randomUUID } from 'node:crypto';
import type { Queue, Worker } from 'bullmq';

/** The BullMQ Redis backend's raw client (its escape hatch): an ioredis client. */
interface RawClient {
  duplicate(): RawClient;
  subscribe(channel: string): Promise<unknown>;
  publish(channel: string, message: string): Promise<number>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  disconnect(): void;
}

const clientOf = (queue: Queue | Worker) =>
  (queue.getBackend() as unknown as { client: Promise<RawClient> }).client;

/** What one engine's outcomes come back on: a Redis channel of its own on the queue's prefix. */
export function outcomeChannelName(prefix: string | undefined, queue: string): string {
  return `${prefix ?? 'bull'}:${queue}:tierup-outcomes:${randomUUID()}`;
}

/**
 * Subscribes to `channel` on a connection of its own (a duplicate of the queue's), calling
 * `onMessage` with each message; resolves with a way to close it, or undefined when the
 * subscription fails (the engine then waits on the queue's events alone).
 */
export async function subscribeOutcomes(
  queue: Queue,
  channel: string,
  onMessage: (message: string) => void,
): Promise<{ close(): void } | undefined> {
  let subscriber: RawClient | undefined;
  try {
    subscriber = (await clientOf(queue)).duplicate();
    subscriber.on('message', (from, message) => {
      if (from === channel) onMessage(message);
    });
    await subscriber.subscribe(channel);
    const connection = subscriber;
    return { close: () => connection.disconnect() };
  } catch {
    subscriber?.disconnect();
    return undefined;
  }
}

/**
 * Publishes a job's signed outcome on its reply channel, on the worker's own connection: resolves
 * once the command is sent (not answered), so BullMQ's completing the job, on the same connection,
 * comes after it. A message lost is made up for by the job's `completed` event, which carries the
 * same outcome.
 */
export async function publishOutcome(worker: Worker, channel: string, message: string) {
  try {
    const client = await clientOf(worker);
    client.publish(channel, message).catch(() => undefined);
  } catch {
    // The engine still gets the outcome from the job's completion.
  }
}
