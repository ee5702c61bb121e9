import type { ToolErrorMessage } from '../core/tool-error.ts';
import { redactToolError } from './redact-tool-error.ts';
import { describeError } from './trace-recorder.ts';

/**
 * What the model reads of the error a tool threw: the caller's `toolErrorMessage` decides, from
 * the default (the error with addresses and paths replaced). A hook that throws or returns
 * something else than a string leaves the model with no detail at all, never the raw error.
 */
export function toolErrorText(
  hook: ToolErrorMessage | undefined,
  failure: { readonly tool: string; readonly agent: string; readonly error: unknown },
): string {
  const message = redactToolError(describeError(failure.error));
  if (hook === undefined) return message;
  try {
    const text: unknown = hook({ ...failure, message });
    if (typeof text === 'string') return text;
  } catch {
    // The hook's failure must not put the raw error in front of the model.
  }
  return 'the tool failed (no detail is given)';
}
