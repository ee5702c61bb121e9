import { InvalidConfigError } from '../core/errors.ts';
import type { SessionStore } from '../core/session-store.ts';

/** Options of {@link memorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** The most sessions kept; past it the one set longest ago is forgotten. @default 10000 */
  readonly maxSessions?: number;
  /** The clock, in milliseconds (injectable for tests). @default Date.now */
  readonly now?: () => number;
}

/**
 * A {@link SessionStore} in this process's memory: the default of `createTierup`. Values expire
 * after their `ttlMs`; past `maxSessions` the one set longest ago is forgotten. Processes do not
 * share it: a service on several processes gives `createTierup` a shared store instead.
 *
 * @example
 * const store = memorySessionStore({ maxSessions: 50_000 });
 * const tierup = createTierup({ model, escalation: 'sticky', sessions: { store } });
 * await store.delete(conversation.id); // the conversation ended
 * @throws {InvalidConfigError} naming `maxSessions` when it is not a positive integer.
 */
export function memorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const { maxSessions = 10_000, now = Date.now } = options;
  if (!Number.isInteger(maxSessions) || maxSessions < 1) {
    throw new InvalidConfigError([
      { path: 'maxSessions', message: `must be a positive integer, got ${maxSessions}` },
    ]);
  }
  const values = new Map<string, { readonly value: string; readonly expiresAt: number }>();
  return {
    async get(sessionId) {
      const entry = values.get(sessionId);
      if (entry === undefined) return undefined;
      if (entry.expiresAt > now()) return entry.value;
      values.delete(sessionId);
      return undefined;
    },
    async set(sessionId, value, { ttlMs }) {
      // Set again is last in line to be forgotten.
      values.delete(sessionId);
      values.set(sessionId, { value, expiresAt: now() + ttlMs });
      if (values.size > maxSessions) values.delete(values.keys().next().value as string);
    },
    async delete(sessionId) {
      values.delete(sessionId);
    },
  };
}
