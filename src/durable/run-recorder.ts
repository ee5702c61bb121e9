import { agentPath, idempotencyKeyOf, modelKey, toolKey } from './journal-keys.ts';
import type { JournalEntry, RunJournal } from './run-journal.ts';

/**
 * One run's view of its journal, on the run's scope (`scope.journal`) when the run is durable:
 * the entries read when the run started (a resumed run replays them), the count of model calls
 * of each agent (so a call's key is the same on every replay), and the writes. Agents of one run
 * may run at once (subtasks); each agent's own calls are in order, which is all the keys rely on.
 */
export class RunRecorder {
  readonly journal: RunJournal;
  readonly runId: string;
  /**
   * A journaled model failure is replayed as the same failure (true), or the call is made again
   * (false: a resumed run that had ended failed retries what failed).
   */
  readonly replaysErrors: boolean;
  readonly #entries: Map<string, JournalEntry>;
  readonly #calls = new Map<string, number>();

  constructor(
    journal: RunJournal,
    runId: string,
    entries: ReadonlyMap<string, JournalEntry> = new Map(),
    options: { readonly replaysErrors?: boolean } = {},
  ) {
    this.journal = journal;
    this.runId = runId;
    this.#entries = new Map(entries);
    this.replaysErrors = options.replaysErrors ?? true;
  }

  /** The key of the next model call of the agent at `path` (counting it). */
  nextModelKey(path: string): string {
    const n = (this.#calls.get(path) ?? 0) + 1;
    this.#calls.set(path, n);
    return modelKey(path, n);
  }

  /** The key of a tool call of the agent at `path`, asked for by its latest model call. */
  toolKey(path: string, callId: string): string {
    return toolKey(path, this.#calls.get(path) ?? 0, callId);
  }

  /** The entry under `key`: read when the run started, or written since. */
  entry(key: string): JournalEntry | undefined {
    return this.#entries.get(key);
  }

  /** Writes an entry; resolves once the journal holds it. */
  async write(key: string, entry: JournalEntry): Promise<void> {
    this.#entries.set(key, entry);
    await this.journal.write(this.runId, key, entry);
  }

  /** The idempotency key of the tool call under `key`. */
  idempotencyKey(key: string): string {
    return idempotencyKeyOf(this.runId, key);
  }
}

/** An agent's journal path: the one given, else `<tier>/<agent>`. */
export function pathOf(at: {
  readonly tier: Parameters<typeof agentPath>[0];
  readonly agent: string;
  readonly path?: string | undefined;
}): string {
  return at.path ?? agentPath(at.tier, at.agent);
}
