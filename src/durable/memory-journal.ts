import { InvalidConfigError } from '../core/errors.ts';
import { BudgetBook } from './budget-book.ts';
import type {
  JournalContents,
  JournalEntry,
  JournaledRun,
  RunEnd,
  RunJournal,
} from './run-journal.ts';

/** Options of {@link memoryJournal}. */
export interface MemoryJournalOptions {
  /**
   * How long a run's journal is kept after its last write, in milliseconds.
   * @default 86400000 (a day)
   */
  readonly ttlMs?: number;
  /** The clock, in milliseconds (injectable for tests). @default Date.now */
  readonly now?: () => number;
}

/** One run's journal as stored: JSON text, as a shared store would hold it. */
interface StoredRun {
  run: string;
  budget: BudgetBook;
  entries: Map<string, string>;
  end?: string;
  expiresAt: number;
}

/**
 * A {@link RunJournal} in this process's memory (budgets shared by the run's calls included): a run resumes in the same process (after its
 * caller gave up on it, say), not after a crash. Entries are kept as JSON, as a shared store keeps
 * them, so what a resume reads is what Redis would give back. For runs that outlive a process,
 * use `redisJournal` from `tierup/bullmq`.
 *
 * @example
 * const tierup = createTierup({ model, tools, journal: memoryJournal() });
 * @throws {InvalidConfigError} naming `ttlMs` when it is not a positive integer.
 */
export function memoryJournal(options: MemoryJournalOptions = {}): RunJournal {
  const { ttlMs = 86_400_000, now = Date.now } = options;
  if (!Number.isInteger(ttlMs) || ttlMs < 1) {
    throw new InvalidConfigError([
      { path: 'ttlMs', message: `must be a positive integer, got ${ttlMs}` },
    ]);
  }
  const runs = new Map<string, StoredRun>();
  const live = (runId: string): StoredRun | undefined => {
    const stored = runs.get(runId);
    if (stored === undefined || stored.expiresAt > now()) return stored;
    runs.delete(runId);
    return undefined;
  };
  const touched = (runId: string): StoredRun => {
    const stored = live(runId);
    if (stored === undefined) throw new Error(`the journal holds no run ${runId}`);
    stored.expiresAt = now() + ttlMs;
    return stored;
  };
  return {
    async begin(runId: string, run: JournaledRun) {
      if (live(runId) !== undefined) return false;
      const budget = new BudgetBook();
      runs.set(runId, {
        run: JSON.stringify(run),
        budget,
        entries: new Map(),
        expiresAt: now() + ttlMs,
      });
      return true;
    },
    async read(runId: string): Promise<JournalContents | undefined> {
      const stored = live(runId);
      if (stored === undefined) return undefined;
      const entries = new Map<string, JournalEntry>();
      for (const [key, text] of stored.entries) entries.set(key, JSON.parse(text) as JournalEntry);
      return {
        run: JSON.parse(stored.run) as JournaledRun,
        entries,
        ...(stored.end === undefined ? {} : { end: JSON.parse(stored.end) as RunEnd }),
      };
    },
    async write(runId: string, key: string, entry: JournalEntry) {
      touched(runId).entries.set(key, JSON.stringify(entry));
    },
    async end(runId: string, end: RunEnd) {
      touched(runId).end = JSON.stringify(end);
    },
    async reserve(runId, key, amount, limits) {
      return touched(runId).budget.reserve(key, amount, limits);
    },
    async settle(runId, key, used) {
      touched(runId).budget.settle(key, used);
    },
  };
}
