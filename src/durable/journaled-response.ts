import type { ModelResponse } from '../core/language-model.ts';
import type { RunRecorder } from './run-recorder.ts';

/**
 * A model call of a durable run: the response journaled under `key` when there is one (a resumed
 * run: the model is not called, and a streaming run is told its text at once), else the model's,
 * written to the journal before it is returned.
 * @throws {Error} when the entry under `key` is not a model call's: the run took another course
 * than the one journaled.
 */
export async function journaledResponse(
  journal: RunRecorder,
  key: string,
  call: () => Promise<ModelResponse>,
  onText?: (delta: string) => void,
): Promise<ModelResponse> {
  const entry = journal.entry(key);
  if (entry !== undefined) {
    if (entry.type !== 'model') {
      throw new Error(
        `the journal holds a ${entry.type} entry under ${key}, where this run makes a model call`,
      );
    }
    if (onText && entry.response.text) onText(entry.response.text);
    return entry.response;
  }
  const response = await call();
  await journal.write(key, { type: 'model', response });
  return response;
}
