/** What a {@link SessionStore} call receives besides its key. */
export interface SessionStoreCallOptions {
  /** The run's signal: forward it to the store's client. */
  readonly signal: AbortSignal;
}

/**
 * Where `escalation: 'sticky'` keeps what it knows of each conversation, by `sessionId`: strings
 * in and out, each with a time to live, so a store over Redis (`GET`, `SET ... PX`, `DEL`) or a
 * database is a few lines. tierup writes JSON strings and reads back what it wrote; a value it
 * cannot read is an error of the run, not a guess. The default, `memorySessionStore()`, keeps
 * them in the process.
 *
 * @example
 * const redisStore: SessionStore = {
 *   get: async (key) => (await redis.get(`tierup:${key}`)) ?? undefined,
 *   set: async (key, value, { ttlMs }) => void (await redis.set(`tierup:${key}`, value, 'PX', ttlMs)),
 *   delete: async (key) => void (await redis.del(`tierup:${key}`)),
 * };
 */
export interface SessionStore {
  /** The value last set for `sessionId`, or `undefined` when there is none or it expired. */
  get(sessionId: string, options: SessionStoreCallOptions): Promise<string | undefined>;
  /** Sets the value of `sessionId`, to expire `ttlMs` milliseconds from now. */
  set(
    sessionId: string,
    value: string,
    options: SessionStoreCallOptions & { readonly ttlMs: number },
  ): Promise<void>;
  /** Forgets `sessionId`: tierup never calls it; call it when a conversation ends. */
  delete(sessionId: string, options?: Partial<SessionStoreCallOptions>): Promise<void>;
}
