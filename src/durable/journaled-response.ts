import { BudgetExceededError } from '../core/errors.ts';
import type { ModelResponse } from '../core/language-model.ts';
import type { BudgetAmount, BudgetLimits } from './run-journal.ts';
import type { RunRecorder } from './run-recorder.ts';

/** What a model call of a run with budgets spends, for a journal that shares budgets. */
export interface CallSpend {
  /** What the call may use, as the run reserved it. */
  readonly reserve: BudgetAmount;
  readonly limits: BudgetLimits;
  /** What a response used. */
  used(response: ModelResponse): BudgetAmount;
}

const NOTHING: BudgetAmount = { tokens: 0, usd: 0 };

/**
 * A model call of a durable run: the response journaled under `key` when there is one (a resumed
 * run: the model is not called, and a streaming run is told its text at once), else the model's,
 * written to the journal before it is returned. With `spend` and a journal that shares budgets
 * (`reserve`, `settle`), the call is reserved against what every process of the run committed
 * before it is made, and settled after (a replayed call is settled again, which frees a
 * reservation its crashed process left).
 * @throws {BudgetExceededError} when the shared reservation would pass a limit.
 * @throws {Error} when the entry under `key` is not a model call's: the run took another course
 * than the one journaled.
 */
export async function journaledResponse(
  journal: RunRecorder,
  key: string,
  call: () => Promise<ModelResponse>,
  onText?: (delta: string) => void,
  spend?: CallSpend,
): Promise<ModelResponse> {
  const { runId } = journal;
  const store = journal.journal;
  const shared = spend && store.reserve && store.settle ? spend : undefined;
  const entry = journal.entry(key);
  if (entry !== undefined) {
    if (entry.type !== 'model') {
      throw new Error(
        `the journal holds a ${entry.type} entry under ${key}, where this run makes a model call`,
      );
    }
    if (shared) await store.settle?.(runId, key, shared.used(entry.response));
    if (onText && entry.response.text) onText(entry.response.text);
    return entry.response;
  }
  if (shared) {
    const reserved = await store.reserve?.(runId, key, shared.reserve, shared.limits);
    if (reserved?.ok === false) {
      const { limit, committed } = reserved;
      const max = shared.limits[limit] ?? 0;
      const asked = limit === 'maxTokens' ? shared.reserve.tokens : shared.reserve.usd;
      const why = `the run's processes together committed ${committed}, and this call may use ${asked} more`;
      throw new BudgetExceededError(limit, max, committed + asked, why);
    }
  }
  let response: ModelResponse;
  try {
    response = await call();
  } catch (error) {
    // The reservation is freed; a call made again under this key reserves afresh.
    if (shared) await store.settle?.(runId, key, NOTHING).catch(() => {});
    throw error;
  }
  await journal.write(key, { type: 'model', response });
  if (shared) await store.settle?.(runId, key, shared.used(response));
  return response;
}
