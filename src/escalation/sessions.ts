import { z } from 'zod';
import { RunError } from '../core/errors.ts';
import type { SessionStore } from '../core/session-store.ts';
import { lowerTier, TIERS, type Tier, tierRank } from '../core/tier.ts';
import type { RunScope } from '../run/run-scope.ts';
import { describeError } from '../run/trace-recorder.ts';
import { untilAborted } from '../run/until-aborted.ts';
import { memorySessionStore } from './memory-session-store.ts';

/** How long a sticky session is remembered after its last run, unless `sessions.ttlMs` says. */
export const DEFAULT_SESSION_TTL_MS = 86_400_000;

/** What `escalation: 'sticky'` keeps of a session, as JSON in the store. */
const SessionState = z.object({ tier: z.enum(TIERS) });
type SessionState = z.infer<typeof SessionState>;

/** One run's view of its session, for `escalation: 'sticky'`. */
export interface Sessions {
  /** The tier a run starts on: the decided one, or the session's highest (within `cap`). */
  startTier(scope: RunScope, parentId: string, decided: Tier, cap: Tier): Promise<Tier>;
  /** Remembers that the run reached `tier` (and keeps the session another `ttlMs`). */
  reached(scope: RunScope, parentId: string, tier: Tier): Promise<void>;
}

/** The sessions of the `escalation` option: `per-request` remembers nothing. */
export interface SessionKeeper {
  /** The run's view of session `sessionId`; one that remembers nothing without an id. */
  of(sessionId: string | undefined): Sessions;
}

const FORGETFUL: Sessions = {
  startTier: async (_scope, _parent, decided) => decided,
  reached: async () => {},
};

/**
 * Sessions for the `escalation` option over `store` (in memory by default). Each store call is a
 * `session` span of the run's trace, under the run's span; a call that fails (or a value tierup
 * cannot read) fails the run with a {@link RunError} whose `cause` is the store's error.
 */
export function createSessions(
  mode: 'per-request' | 'sticky',
  store: SessionStore = memorySessionStore(),
  ttlMs: number = DEFAULT_SESSION_TTL_MS,
): SessionKeeper {
  if (mode !== 'sticky') return { of: () => FORGETFUL };
  return {
    of(sessionId) {
      if (!sessionId) return FORGETFUL;
      const read = (scope: RunScope, parentId: string) =>
        storeCall(scope, parentId, 'get', async (signal) => {
          const value = await store.get(sessionId, { signal });
          return value === undefined ? undefined : parseState(value);
        });
      return {
        async startTier(scope, parentId, decided, cap) {
          const reached = (await read(scope, parentId))?.tier;
          return reached && tierRank(reached) > tierRank(decided)
            ? lowerTier(reached, cap)
            : decided;
        },
        async reached(scope, parentId, tier) {
          // Read again: another run of the session may have gone higher meanwhile.
          const before = (await read(scope, parentId))?.tier;
          const highest = before !== undefined && tierRank(before) > tierRank(tier) ? before : tier;
          const value = JSON.stringify({ tier: highest } satisfies SessionState);
          await storeCall(scope, parentId, 'set', (signal) =>
            store.set(sessionId, value, { ttlMs, signal }),
          );
        },
      };
    },
  };
}

/** One call of the store, in a `session` span; bounded by the run's signal. */
async function storeCall<T>(
  scope: RunScope,
  parentId: string,
  name: 'get' | 'set',
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const spanId = scope.trace.open({ type: 'session', name, parentId });
  try {
    const value = await untilAborted(
      Promise.resolve().then(() => work(scope.signal)),
      scope.signal,
    );
    scope.trace.close(spanId);
    return value;
  } catch (error) {
    scope.trace.close(spanId, { error });
    throw new RunError(
      'run-failed',
      `The session store's ${name} failed: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  }
}

function parseState(value: string): SessionState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new Error(`not JSON: ${describeError(error)}`);
  }
  const state = SessionState.safeParse(parsed);
  if (!state.success) throw new Error(`not a session tierup wrote: ${value.slice(0, 100)}`);
  return state.data;
}
