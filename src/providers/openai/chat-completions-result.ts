import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { ModelWarning } from '../../core/language-model.ts';
import type { RunResult, TraceSpan } from '../../core/run-result.ts';

// A run's result as a Chat Completions answer: a completion, or the chunks of a stream.

/** What tierup adds to a completion: how the run went, and the fields it did not honour. */
export interface TierupCompletionDetails
  extends Omit<RunResult<unknown>, 'output' | 'trace' | 'audit'> {
  /** With `details: 'full'` only. */
  readonly trace?: RunResult<unknown>['trace'];
  /** With `details: 'full'` only. */
  readonly audit?: RunResult<unknown>['audit'];
  /** Body fields that were set but not honoured (`temperature`, `max_tokens`, ...), then the run's own. */
  readonly warnings: readonly ModelWarning[];
}

/** A `ChatCompletion`, with tierup's account of the run under `tierup`. */
export interface TierupChatCompletion extends ChatCompletion {
  readonly tierup: TierupCompletionDetails;
}

/** A `ChatCompletionChunk`; the one with `finish_reason` also carries `tierup`. */
export interface TierupChatCompletionChunk extends ChatCompletionChunk {
  readonly tierup?: TierupCompletionDetails;
}

/** What a call's completion or chunks are made of, besides the run's result. */
export interface Answer {
  readonly id: string;
  /** Seconds since the epoch, when the call was made. */
  readonly created: number;
  /** The body's `model`, for a run that made no model call. */
  readonly requested: string;
  /** The body asked for JSON: the output is given as JSON text, even a string. */
  readonly json: boolean;
  readonly warnings: readonly ModelWarning[];
  /** `details: 'full'`: the trace and the audit go under `tierup` too. */
  readonly full: boolean;
}

/** The completion of a call that did not stream. */
export function toCompletion(result: RunResult<unknown>, answer: Answer): TierupChatCompletion {
  const { id, created, requested, json, warnings, full } = answer;
  return {
    id,
    created,
    object: 'chat.completion',
    model: answeredBy(result.trace) ?? requested,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: contentOf(result, json),
          refusal: null,
          annotations: [],
        },
        finish_reason: finishReasonOf(result),
        logprobs: null,
      },
    ],
    usage: toUsage(result),
    tierup: detailsOf(result, warnings, full),
  };
}

/**
 * The chunks of a streamed call, sent once the run has its answer: the role, the content, the
 * finish reason (with `tierup`), then the usage when asked for. The run starts with the reading.
 */
export async function* streamChunks(
  run: () => Promise<RunResult<unknown>>,
  answer: Answer & { readonly includeUsage: boolean },
): AsyncGenerator<TierupChatCompletionChunk> {
  const result = await run();
  const { id, created, requested, json, includeUsage, warnings, full } = answer;
  const base = {
    id,
    created,
    model: answeredBy(result.trace) ?? requested,
    object: 'chat.completion.chunk' as const,
    ...(includeUsage ? { usage: null } : {}),
  };
  const chunk = (
    delta: ChatCompletionChunk.Choice.Delta,
    finish: 'stop' | 'length' | 'content_filter' | null = null,
  ): TierupChatCompletionChunk => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  yield chunk({ role: 'assistant', content: '', refusal: null });
  const content = contentOf(result, json);
  if (content !== '') yield chunk({ content });
  yield { ...chunk({}, finishReasonOf(result)), tierup: detailsOf(result, warnings, full) };
  if (includeUsage) yield { ...base, choices: [], usage: toUsage(result) };
}

/** The text answer, or the structured output as JSON. */
function contentOf(result: RunResult<unknown>, json: boolean): string {
  return json || typeof result.output !== 'string' ? JSON.stringify(result.output) : result.output;
}

/** The model of the run's last model call: the one that wrote the answer. */
function answeredBy(trace: readonly TraceSpan[]): string | undefined {
  const call = trace.findLast((span) => span.type === 'model-call' && span.status === 'ok');
  // Span names are `provider/modelId`; a model id may hold slashes of its own.
  return call?.name.slice(call.name.indexOf('/') + 1);
}

function toUsage({ usage }: RunResult<unknown>): CompletionUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
  };
}

/** The Chat Completions finish reason of the run's answer: cut at the limit, filtered, or done. */
function finishReasonOf(result: RunResult<unknown>): 'stop' | 'length' | 'content_filter' {
  const { unified } = result.finishReason;
  return unified === 'length' ? 'length' : unified === 'content-filter' ? 'content_filter' : 'stop';
}

function detailsOf(
  result: RunResult<unknown>,
  warnings: readonly ModelWarning[],
  full: boolean,
): TierupCompletionDetails {
  const { output: _, trace, audit, ...rest } = result;
  const all = [...warnings, ...result.warnings];
  return full ? { ...rest, trace, audit, warnings: all } : { ...rest, warnings: all };
}
