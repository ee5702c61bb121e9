import { z } from 'zod';
import { parseOptions } from '../core/parse.ts';

/** The options `bullmqEngine` and `startTierupWorker` share. */
const BullmqOptionsShape = z.looseObject({
  connection: z.custom<object>(
    (value) => typeof value === 'object' && value !== null,
    'must be ioredis options ({ host, port }) or an ioredis client',
  ),
  queue: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, `_`, `.` or `-`'),
  secret: z.string().min(16, 'must be at least 16 characters (the HMAC key of every job)'),
  prefix: z.string().min(1).optional(),
});

/**
 * Checks the connection, queue name and secret of an engine or a worker.
 * @throws {InvalidConfigError} naming the option.
 */
export function checkBullmqOptions(options: unknown): void {
  parseOptions(BullmqOptionsShape, options);
}
