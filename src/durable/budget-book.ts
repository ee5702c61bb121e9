import type { BudgetAmount, BudgetLimits, BudgetReservation } from './run-journal.ts';

/**
 * One run's shared budget in memory: what its calls spent, what those in flight reserved (by
 * journal key), and which keys are settled. What `memoryJournal` reserves and settles with; the
 * Redis journal does the same in a Lua script.
 */
export class BudgetBook {
  readonly #spent = { tokens: 0, usd: 0 };
  readonly #reserved = new Map<string, BudgetAmount>();
  readonly #settled = new Set<string>();

  reserve(key: string, amount: BudgetAmount, limits: BudgetLimits): BudgetReservation {
    let tokens = this.#spent.tokens;
    let usd = this.#spent.usd;
    for (const [held, reserved] of this.#reserved) {
      if (held === key) continue;
      tokens += reserved.tokens;
      usd += reserved.usd;
    }
    if (limits.maxTokens !== undefined && tokens + amount.tokens > limits.maxTokens) {
      return { ok: false, limit: 'maxTokens', committed: tokens };
    }
    if (limits.maxCostUsd !== undefined && usd + amount.usd > limits.maxCostUsd) {
      return { ok: false, limit: 'maxCostUsd', committed: usd };
    }
    this.#reserved.set(key, amount);
    this.#settled.delete(key);
    return { ok: true };
  }

  settle(key: string, used: BudgetAmount): void {
    if (this.#settled.has(key)) return;
    this.#settled.add(key);
    this.#reserved.delete(key);
    this.#spent.tokens += used.tokens;
    this.#spent.usd += used.usd;
  }
}
