import type { Redis } from 'ioredis';
import { InvalidConfigError } from '../core/errors.ts';
import type {
  JournalContents,
  JournalEntry,
  JournaledRun,
  RunEnd,
  RunJournal,
} from '../durable/run-journal.ts';
import { RESERVE, SETTLE } from './redis-budget-scripts.ts';

/** Options of {@link redisJournal}. */
export interface RedisJournalOptions {
  /** An ioredis client; yours to close. */
  readonly connection: Redis;
  /** The start of every key the journal writes. @default 'tierup' */
  readonly prefix?: string;
  /**
   * How long a run's journal is kept after its last write, in milliseconds: a run can be resumed
   * for that long after it stopped.
   * @default 86400000 (a day)
   */
  readonly ttlMs?: number;
}

/** The fields of a run's hash besides its entries (whose fields start with `e:`). */
const RUN = 'run';
const END = 'end';
const ENTRY = 'e:';

/**
 * A {@link RunJournal} in Redis, so a run outlives the process that started it: one hash per run
 * (`<prefix>:journal:<runId>`) holding the run's task and options, how it ended, and one field
 * per entry, all as JSON; it expires `ttlMs` after the run's last write. A run with `maxTokens`
 * or `maxCostUsd` also reserves each model call atomically (a Lua script) in
 * `<prefix>:budget:<runId>` before making it, so processes that run parts of the run at once
 * cannot overspend it together. Each write resolves once
 * Redis has it: run Redis with `appendonly yes` (and `appendfsync always` for no loss on a crash
 * of Redis itself) for journals that outlive a restart of Redis.
 *
 * @example
 * const connection = new Redis(process.env.REDIS_URL);
 * const tierup = createTierup({ model, tools, journal: redisJournal({ connection }) });
 * const result = await tierup.resume(runId); // in another process, after a crash
 * @throws {InvalidConfigError} naming `connection`, `prefix` or `ttlMs`.
 */
export function redisJournal(options: RedisJournalOptions): RunJournal {
  const { connection, prefix = 'tierup', ttlMs = 86_400_000 } = options;
  if (typeof connection?.multi !== 'function' || typeof connection.hgetall !== 'function') {
    throw new InvalidConfigError([{ path: 'connection', message: 'must be an ioredis client' }]);
  }
  if (typeof prefix !== 'string' || prefix === '') {
    throw new InvalidConfigError([{ path: 'prefix', message: 'must be a non-empty string' }]);
  }
  if (!Number.isInteger(ttlMs) || ttlMs < 1) {
    throw new InvalidConfigError([
      { path: 'ttlMs', message: `must be a positive integer, got ${ttlMs}` },
    ]);
  }
  const keyOf = (runId: string) => `${prefix}:journal:${runId}`;
  const budgetOf = (runId: string) => `${prefix}:budget:${runId}`;
  const set = async (runId: string, field: string, value: unknown) => {
    const key = keyOf(runId);
    await check(
      connection.multi().hset(key, field, JSON.stringify(value)).pexpire(key, ttlMs).exec(),
    );
  };
  return {
    async begin(runId: string, run: JournaledRun) {
      const key = keyOf(runId);
      const results = await check(
        connection.multi().hsetnx(key, RUN, JSON.stringify(run)).pexpire(key, ttlMs).exec(),
      );
      return results[0] === 1;
    },
    async read(runId: string): Promise<JournalContents | undefined> {
      const fields = await connection.hgetall(keyOf(runId));
      const run = fields[RUN];
      if (run === undefined) return undefined;
      const entries = new Map<string, JournalEntry>();
      for (const [field, text] of Object.entries(fields)) {
        if (field.startsWith(ENTRY)) entries.set(field.slice(ENTRY.length), JSON.parse(text));
      }
      const end = fields[END];
      return {
        run: JSON.parse(run) as JournaledRun,
        entries,
        ...(end === undefined ? {} : { end: JSON.parse(end) as RunEnd }),
      };
    },
    write: (runId: string, key: string, entry: JournalEntry) => set(runId, ENTRY + key, entry),
    end: (runId: string, end: RunEnd) => set(runId, END, end),
    async reserve(runId, key, amount, limits) {
      const { maxTokens = -1, maxCostUsd = -1 } = limits;
      const args = [key, amount.tokens, amount.usd, maxTokens, maxCostUsd, ttlMs].map(String);
      const reply = (await connection.eval(RESERVE, 1, budgetOf(runId), ...args)) as unknown[];
      if (reply[0] === 1) return { ok: true };
      const limit = reply[1] === 'maxTokens' ? 'maxTokens' : 'maxCostUsd';
      return { ok: false, limit, committed: Number(reply[2]) };
    },
    async settle(runId, key, used) {
      const args = [key, used.tokens, used.usd, ttlMs].map(String);
      await connection.eval(SETTLE, 1, budgetOf(runId), ...args);
    },
  };
}

/** The replies of a MULTI, or the first command's error. */
async function check(
  replies: Promise<[error: Error | null, result: unknown][] | null>,
): Promise<unknown[]> {
  const done = await replies;
  if (done === null) throw new Error('the Redis transaction was discarded');
  return done.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}
