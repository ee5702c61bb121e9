import { lowerTier, type Tier, tierRank } from '../core/tier.ts';

/** The most sessions `escalation: 'sticky'` remembers; the oldest is forgotten first. */
const MAX_SESSIONS = 10_000;

/** Where runs of one conversation start: `escalation: 'sticky'` remembers the highest tier reached. */
export interface Sessions {
  /** The tier a run starts on: the decided one, or the session's highest (within `cap`). */
  startTier(sessionId: string | undefined, decided: Tier, cap: Tier): Tier;
  /** Remembers that a run of the session reached `tier`. */
  reached(sessionId: string | undefined, tier: Tier): void;
}

/** Sessions for the `escalation` option: `per-request` remembers nothing. */
export function createSessions(mode: 'per-request' | 'sticky'): Sessions {
  if (mode !== 'sticky') return { startTier: (_id, decided) => decided, reached: () => {} };
  const sessions = new Map<string, Tier>();
  return {
    startTier(sessionId, decided, cap) {
      const reached = sessionId ? sessions.get(sessionId) : undefined;
      return reached && tierRank(reached) > tierRank(decided) ? lowerTier(reached, cap) : decided;
    },
    reached(sessionId, tier) {
      if (!sessionId) return;
      const before = sessions.get(sessionId);
      if (before !== undefined && tierRank(before) >= tierRank(tier)) return;
      sessions.delete(sessionId);
      sessions.set(sessionId, tier);
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    },
  };
}
