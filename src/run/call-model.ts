import { applySettings } from '../core/call-settings.ts';
import { BudgetExceededError, InvalidConfigError } from '../core/errors.ts';
import type {
  LanguageModel,
  ModelRequest,
  ModelResponse,
  ToolCall,
  Usage,
} from '../core/language-model.ts';
import type { Tier } from '../core/tier.ts';
import { journaledResponse } from '../durable/journaled-response.ts';
import { pathOf } from '../durable/run-recorder.ts';
import type { RunScope } from './run-scope.ts';
import type { SpanDetails } from './run-telemetry.ts';

/** One model call of a run: who makes it, on which model, asking what. */
export interface ModelCall {
  readonly agent: string;
  readonly tier: Tier;
  /** The span the call belongs to (its agent's). */
  readonly parentId: string;
  readonly model: LanguageModel;
  readonly request: Omit<ModelRequest, 'signal'>;
  /** The agent's signal, when it has its own time limit; else the run's. */
  readonly signal?: AbortSignal;
  /** The agent's path in a durable run's journal. @default `<tier>/<agent>` */
  readonly path?: string | undefined;
}

/**
 * Makes one model call for a run: checks the budgets against an estimate of the call first (and
 * caps its output tokens to what the budgets leave, so the run cannot overshoot by a whole call),
 * streams when the run streams, then counts the usage and cost and records the span.
 * @throws {BudgetExceededError} before the call when it would pass `maxTokens` or `maxCostUsd`.
 */
export async function callModel(ctx: RunScope, call: ModelCall): Promise<ModelResponse> {
  const signal = call.signal ?? ctx.signal;
  signal.throwIfAborted();
  const { model, agent, tier } = call;
  const budgeted = withinBudget(ctx, model, applySettings(call.request, ctx.settings));
  const request: ModelRequest = { ...budgeted.request, signal };
  const name = `${model.provider}/${model.modelId}`;
  // Structured output (a plan, a typed answer) is not text for a reader, and a provider may
  // carry it outside the text when streaming: it is fetched whole.
  const streams = ctx.streaming && request.output === undefined;
  const { telemetry } = ctx.trace;
  const spanId = ctx.trace.open(
    { type: 'model-call', name, tier, agent, parentId: call.parentId },
    telemetry && requestDetails(request, streams, telemetry.recordsContent),
  );
  ctx.emit({ type: 'model-call-start', agent, spanId, model: name });
  const onText = (delta: string) => ctx.emit({ type: 'text-delta', agent, delta });
  const produce = () => (streams ? collectStream(model, request, onText) : model.generate(request));
  const { journal } = ctx;
  let response: ModelResponse;
  try {
    response = await ctx.trace.within(spanId, () =>
      journal === undefined
        ? produce()
        : journaledResponse(journal, journal.nextModelKey(pathOf(call)), {
            call: produce,
            signal,
            onText: streams ? onText : undefined,
            spend: budgeted.reserved && {
              reserve: budgeted.reserved,
              limits: ctx.budgets,
              used: ({ usage }) => ({
                tokens: usage.inputTokens + usage.outputTokens,
                usd: ctx.prices.costOf(model.modelId, usage) ?? 0,
              }),
            },
          }),
    );
  } catch (error) {
    budgeted.release();
    ctx.trace.close(spanId, { error });
    ctx.emit({
      type: 'model-call-end',
      agent,
      spanId,
      model: name,
      usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0 },
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  budgeted.release();
  ctx.report.modelFinished(response.finishReason, response.warnings);
  const costUsd = ctx.prices.costOf(model.modelId, response.usage);
  ctx.usage.add({ tier, agent, model: name }, response.usage, costUsd);
  const usage = {
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cachedInputTokens: response.usage.cachedInputTokens,
    costUsd,
    ...(response.usage.estimated ? { estimated: true as const } : {}),
  };
  ctx.trace.close(spanId, {
    usage,
    ...(telemetry && { details: responseDetails(response, telemetry.recordsContent) }),
  });
  ctx.emit({ type: 'model-call-end', agent, spanId, model: name, usage });
  return response;
}

/** What telemetry is told of a call's request: its settings, and its content when recorded. */
function requestDetails(request: ModelRequest, stream: boolean, content: boolean): SpanDetails {
  const { settings } = request;
  return {
    request: {
      maxOutputTokens: settings?.maxOutputTokens,
      temperature: settings?.temperature,
      stream,
    },
    ...(content && { input: { system: request.system, messages: request.messages } }),
  };
}

/** What telemetry is told of a call's response: its id, model and finish, and its content when recorded. */
function responseDetails(response: ModelResponse, content: boolean): SpanDetails {
  return {
    response: { ...response.response, finishReason: response.finishReason },
    ...(content && { output: { text: response.text, toolCalls: response.toolCalls } }),
  };
}

/** A rough count of a request's input tokens: four characters a token. */
export function estimateInputTokens(request: Omit<ModelRequest, 'signal'>): number {
  let chars = request.system?.length ?? 0;
  for (const message of request.messages) {
    chars += message.content.length + 4;
    if (message.role === 'assistant') {
      for (const toolCall of message.toolCalls ?? []) {
        chars += toolCall.name.length + JSON.stringify(toolCall.arguments ?? {}).length;
      }
    }
  }
  for (const tool of request.tools ?? []) {
    chars += tool.name.length + tool.description.length + JSON.stringify(tool.inputSchema).length;
  }
  if (request.output) chars += JSON.stringify(request.output.schema).length;
  return Math.ceil(chars / 4);
}

/**
 * Output tokens left uncapped: below this, a budget caps a call's output to what it leaves. A
 * larger cap would only ask for more than models write by default (and Anthropic's SDK refuses a
 * non-streamed call whose `max_tokens` could take over ten minutes).
 */
const UNCAPPED_OUTPUT = 16_384;

/**
 * Checks the budgets against an estimate of the call, reserves what the call may use (so calls
 * made at the same time, such as parallel specialists, cannot each spend the same remainder), and
 * caps its output tokens to what is left. `release` gives the reservation back once the call's
 * real usage is counted.
 */
function withinBudget(
  ctx: RunScope,
  model: LanguageModel,
  request: Omit<ModelRequest, 'signal'>,
): {
  request: Omit<ModelRequest, 'signal'>;
  release: () => void;
  /** What was reserved, when the run has a token or cost budget. */
  reserved?: { tokens: number; usd: number };
} {
  const { maxTokens, maxCostUsd } = ctx.budgets;
  if (maxTokens === undefined && maxCostUsd === undefined) return { request, release: () => {} };
  const input = estimateInputTokens(request);
  // The model may apply its own (or its tier's) limit under the request's.
  const asked = request.settings?.maxOutputTokens ?? model.settings?.maxOutputTokens;
  let cap = asked ?? Number.POSITIVE_INFINITY;
  const price = maxCostUsd === undefined ? undefined : ctx.prices.priceOf(model.modelId);
  if (maxTokens !== undefined) {
    const used = ctx.usage.tokens + ctx.usage.reservedTokens;
    const left = maxTokens - used - input;
    if (left < 1) {
      throw new BudgetExceededError(
        'maxTokens',
        maxTokens,
        used + input,
        `${used} tokens used or reserved by calls in flight, and the next call's input is about ${input}`,
      );
    }
    if (left < (asked ?? UNCAPPED_OUTPUT)) cap = Math.min(cap, left);
  }
  if (maxCostUsd !== undefined) {
    const spent = ctx.usage.costUsd;
    if (price === undefined || spent === null) {
      const unknown = price === undefined ? model.modelId : 'a model called earlier in the run';
      throw new InvalidConfigError([
        {
          path: 'maxCostUsd',
          message: `needs the price of ${unknown}: add it to \`prices\``,
        },
      ]);
    }
    const committed = spent + ctx.usage.reservedUsd;
    const inputUsd = (input * price.inputPerMillion) / 1e6;
    const left = maxCostUsd - committed - inputUsd;
    const affordable =
      price.outputPerMillion === 0
        ? Number.POSITIVE_INFINITY
        : (left * 1e6) / price.outputPerMillion;
    if (left <= 0 || affordable < 1) {
      throw new BudgetExceededError(
        'maxCostUsd',
        maxCostUsd,
        committed + inputUsd,
        `$${committed.toFixed(6)} spent or reserved, and the next call's input costs about $${inputUsd.toFixed(6)}`,
      );
    }
    if (affordable < (asked ?? UNCAPPED_OUTPUT)) cap = Math.min(cap, Math.floor(affordable));
  }
  const output = cap === Number.POSITIVE_INFINITY ? (asked ?? UNCAPPED_OUTPUT) : cap;
  const tokens = input + output;
  const usd =
    price === undefined
      ? 0
      : (input * price.inputPerMillion + output * price.outputPerMillion) / 1e6;
  ctx.usage.reserve(tokens, usd);
  const release = () => ctx.usage.reserve(-tokens, -usd);
  const reserved = { tokens, usd };
  if (cap === Number.POSITIVE_INFINITY) return { request, release, reserved };
  return {
    request: { ...request, settings: { ...request.settings, maxOutputTokens: Math.floor(cap) } },
    release,
    reserved,
  };
}

/** Reads a model's stream into one response, passing text deltas on as they come. */
async function collectStream(
  model: LanguageModel,
  request: ModelRequest,
  onText: (delta: string) => void,
): Promise<ModelResponse> {
  let text = '';
  const toolCalls: ToolCall[] = [];
  let usage: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
  let finish: Pick<ModelResponse, 'finishReason' | 'warnings' | 'response'> | undefined;
  for await (const event of model.stream(request)) {
    switch (event.type) {
      case 'text-delta':
        text += event.delta;
        onText(event.delta);
        break;
      case 'tool-call-end':
        toolCalls.push(event.toolCall);
        break;
      case 'usage':
        usage = event.usage;
        break;
      case 'finish':
        finish = {
          finishReason: event.finishReason,
          warnings: event.warnings,
          response: event.response,
        };
        break;
    }
  }
  return {
    text,
    toolCalls,
    usage,
    finishReason: finish?.finishReason ?? { unified: 'other', raw: undefined },
    warnings: finish?.warnings ?? [],
    ...(finish?.response && { response: finish.response }),
  };
}
