import { BudgetExceededError, TierupError } from '../core/errors.ts';
import type { ModelResponse } from '../core/language-model.ts';
import type { BudgetAmount, BudgetLimits, ModelErrorEntry } from './run-journal.ts';
import type { RunRecorder } from './run-recorder.ts';

/** What a model call of a run with budgets spends, for a journal that shares budgets. */
export interface CallSpend {
  /** What the call may use, as the run reserved it. */
  readonly reserve: BudgetAmount;
  readonly limits: BudgetLimits;
  /** What a response used. */
  used(response: ModelResponse): BudgetAmount;
}

/** How a model call of a durable run is made, besides its key. */
export interface JournaledCall {
  /** Makes the call for real. */
  readonly call: () => Promise<ModelResponse>;
  /** The call's signal: a failure once it fired is the run's stop, not the call's, and is not journaled. */
  readonly signal: AbortSignal;
  /** Told a replayed response's text at once (a streaming run). */
  readonly onText?: ((delta: string) => void) | undefined;
  /** What the call spends, when the run has a token or cost budget. */
  readonly spend?: CallSpend | undefined;
}

const NOTHING: BudgetAmount = { tokens: 0, usd: 0 };

/**
 * A model call of a durable run: the response journaled under `key` when there is one (a resumed
 * run: the model is not called), or its journaled failure, thrown again; else the model's
 * response, written to the journal before it is returned (or its failure, written before it is
 * thrown). With `spend` and a journal that shares budgets (`reserve`, `settle`), the call is
 * reserved against what every process of the run committed before it is made, and settled after
 * (a replayed call is settled again, which frees a reservation its crashed process left).
 * @throws {BudgetExceededError} when the shared reservation would pass a limit.
 * @throws {ReplayedModelError} the journaled failure of the call.
 * @throws {Error} when the entry under `key` is not a model call's: the run took another course
 * than the one journaled.
 */
export async function journaledResponse(
  journal: RunRecorder,
  key: string,
  made: JournaledCall,
): Promise<ModelResponse> {
  const { runId } = journal;
  const store = journal.journal;
  const shared = made.spend && store.reserve && store.settle ? made.spend : undefined;
  const entry = journal.entry(key);
  if (entry?.type === 'model') {
    if (shared) await store.settle?.(runId, key, shared.used(entry.response));
    if (made.onText && entry.response.text) made.onText(entry.response.text);
    return entry.response;
  }
  if (entry?.type === 'model-error' && journal.replaysErrors) throw new ReplayedModelError(entry);
  if (entry !== undefined && entry.type !== 'model-error') {
    throw new Error(
      `the journal holds a ${entry.type} entry under ${key}, where this run makes a model call`,
    );
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
    response = await made.call();
  } catch (error) {
    // The reservation is freed; a call made again under this key reserves afresh.
    if (shared) await store.settle?.(runId, key, NOTHING).catch(() => {});
    if (!made.signal.aborted) await journal.write(key, failureOf(error)).catch(() => {});
    throw error;
  }
  await journal.write(key, { type: 'model', response });
  if (shared) await store.settle?.(runId, key, shared.used(response));
  return response;
}

/** A model call's failure, as the journal keeps it. */
function failureOf(error: unknown): ModelErrorEntry {
  const { name, message } =
    error instanceof Error ? error : { name: 'Error', message: String(error) };
  const code = TierupError.isInstance(error) ? { code: error.code } : {};
  return { type: 'model-error', error: { name, message, ...code } };
}

/**
 * A model call's failure, replayed from the journal: the same `name` and `message` (and `code`)
 * as the failure the run met the first time, so what the run made of it is made again.
 */
export class ReplayedModelError extends Error {
  readonly code: string | undefined;
  constructor(entry: ModelErrorEntry) {
    super(entry.error.message);
    this.name = entry.error.name;
    this.code = entry.error.code;
  }
}
