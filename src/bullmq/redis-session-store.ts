import type { Redis } from 'ioredis';
import { InvalidConfigError } from '../core/errors.ts';
import type { SessionStore } from '../core/session-store.ts';

/** Options of {@link redisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** An ioredis client; yours to close. */
  readonly connection: Redis;
  /** The start of every key the store writes. @default 'tierup' */
  readonly prefix?: string;
}

/**
 * A {@link SessionStore} in Redis, for `escalation: 'sticky'` across processes: one string per
 * session (`<prefix>:session:<sessionId>`), set with its time to live (`SET ... PX`).
 *
 * @example
 * const tierup = createTierup({
 *   model,
 *   escalation: 'sticky',
 *   sessions: { store: redisSessionStore({ connection: new Redis(url) }), ttlMs: 3_600_000 },
 * });
 * @throws {InvalidConfigError} naming `connection` or `prefix`.
 */
export function redisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  const { connection, prefix = 'tierup' } = options;
  if (typeof connection?.set !== 'function' || typeof connection.get !== 'function') {
    throw new InvalidConfigError([{ path: 'connection', message: 'must be an ioredis client' }]);
  }
  if (typeof prefix !== 'string' || prefix === '') {
    throw new InvalidConfigError([{ path: 'prefix', message: 'must be a non-empty string' }]);
  }
  const keyOf = (sessionId: string) => `${prefix}:session:${sessionId}`;
  return {
    async get(sessionId, { signal }) {
      signal.throwIfAborted();
      return (await connection.get(keyOf(sessionId))) ?? undefined;
    },
    async set(sessionId, value, { signal, ttlMs }) {
      signal.throwIfAborted();
      await connection.set(keyOf(sessionId), value, 'PX', ttlMs);
    },
    async delete(sessionId) {
      await connection.del(keyOf(sessionId));
    },
  };
}
