// The OpenTelemetry binding: maps a run's trace, as it happens, to spans of the GenAI semantic
// conventions on the caller's tracer, nested under the span active when the run started. Loaded
// on the first run only when `telemetry` is configured: `@opentelemetry/api` is an optional peer.
import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { SIGNALS } from '../core/decision.ts';
import type { ModelMessage } from '../core/language-model.ts';
import type { TraceSpan } from '../core/run-result.ts';
import type { RunTelemetry, SpanDetails, TelemetryStart } from '../run/run-telemetry.ts';
import { GEN_AI, OPERATION, TIERUP } from './gen-ai-conventions.ts';

/** What the binding needs: a tracer (the global one when absent) and whether to record content. */
export interface OpenTelemetrySettings {
  readonly tracer?: Tracer | undefined;
  readonly recordContent?: boolean | undefined;
}

/** Starts one run's telemetry on the tracer; a run whose first span does not record records nothing. */
export function openTelemetryStart(settings: OpenTelemetrySettings): TelemetryStart {
  const tracer = settings.tracer ?? trace.getTracer('tierup');
  const recordsContent = settings.recordContent === true;
  return (startedAt) => new RunSpans(tracer, context.active(), startedAt, recordsContent);
}

/** The OpenTelemetry spans of one run, by trace span id. */
class RunSpans implements RunTelemetry {
  readonly recordsContent: boolean;
  readonly #tracer: Tracer;
  readonly #caller: Context;
  readonly #startedAt: number;
  readonly #spans = new Map<string, { readonly span: Span; readonly context: Context }>();
  #root: Span | undefined;
  /** The first span did not record (no SDK, or sampled out): nothing more is done. */
  #off = false;
  /** Run attributes learned before the outermost span opened. */
  #pending: Attributes = {};
  #escalations = 0;

  constructor(tracer: Tracer, caller: Context, startedAt: number, recordsContent: boolean) {
    this.#tracer = tracer;
    this.#caller = caller;
    this.#startedAt = startedAt;
    this.recordsContent = recordsContent;
  }

  opened(span: TraceSpan, details?: SpanDetails): boolean {
    if (this.#off) return false;
    const parent = span.parentId === undefined ? undefined : this.#spans.get(span.parentId);
    const parentContext = parent?.context ?? this.#caller;
    const { name, kind, attributes } = describe(span, details, this.recordsContent);
    const otel = this.#tracer.startSpan(
      name,
      { kind, attributes, startTime: this.#startedAt + span.startMs },
      parentContext,
    );
    if (this.#root === undefined) {
      if (!otel.isRecording()) {
        this.#off = true;
        return false;
      }
      this.#root = otel;
      otel.setAttributes(this.#pending);
    }
    this.#spans.set(span.id, { span: otel, context: trace.setSpan(parentContext, otel) });
    return true;
  }

  closed(span: TraceSpan, details?: SpanDetails): void {
    const entry = this.#spans.get(span.id);
    if (entry === undefined) return;
    const { span: otel } = entry;
    if (details) otel.setAttributes(closingAttributes(details, this.recordsContent));
    if (span.usage) {
      const { inputTokens, outputTokens, cachedInputTokens, costUsd } = span.usage;
      otel.setAttributes({
        [GEN_AI.inputTokens]: inputTokens,
        [GEN_AI.outputTokens]: outputTokens,
        [GEN_AI.cacheReadInputTokens]: cachedInputTokens,
        ...(typeof costUsd === 'number' && { [TIERUP.costUsd]: costUsd }),
      });
    }
    if (span.status === 'error' || span.status === 'escalated') {
      otel.setAttribute(GEN_AI.errorType, errorType(span));
      otel.setStatus({ code: SpanStatusCode.ERROR, message: span.error ?? span.status });
    }
    otel.end(this.#startedAt + (span.endMs ?? span.startMs));
    this.#spans.delete(span.id);
  }

  within<T>(spanId: string, fn: () => T): T {
    const entry = this.#spans.get(spanId);
    return entry === undefined ? fn() : context.with(entry.context, fn);
  }

  decided(decision: Parameters<RunTelemetry['decided']>[0]): void {
    const attributes: Attributes = {
      [TIERUP.decisionTier]: decision.tier,
      [TIERUP.decisionSignalTier]: decision.signalTier,
      [TIERUP.decisionTools]: decision.tools.map((t) => t.name),
      [TIERUP.decisionReasons]: [...decision.reasons],
      [TIERUP.decisionReasonCodes]: [...decision.reasonCodes],
    };
    for (const name of SIGNALS) {
      const signal = decision.signals[name];
      attributes[TIERUP.signal(name, 'score')] = signal.score;
      attributes[TIERUP.signal(name, 'threshold')] = signal.threshold;
      attributes[TIERUP.signal(name, 'set')] = signal.set;
    }
    if (decision.override) {
      const { by, from, to } = decision.override;
      attributes[TIERUP.decisionOverride] = `${by}: ${from} -> ${to}`;
    }
    this.#runAttributes(attributes);
  }

  tierStarted(tier: Parameters<RunTelemetry['tierStarted']>[0]): void {
    this.#runAttributes({ [TIERUP.tier]: tier });
  }

  escalated(escalation: Parameters<RunTelemetry['escalated']>[0]): void {
    this.#escalations += 1;
    this.#runAttributes({ [TIERUP.escalations]: this.#escalations });
    this.#root?.addEvent(TIERUP.escalationEvent, {
      [TIERUP.escalationFrom]: escalation.from,
      [TIERUP.escalationTo]: escalation.to,
      [TIERUP.escalationCause]: escalation.cause.type,
      [TIERUP.escalationMessage]: escalation.cause.message,
    });
  }

  audited(entry: Parameters<RunTelemetry['audited']>[0]): void {
    const otel = this.#spans.get(entry.spanId)?.span;
    if (otel === undefined) return;
    const args = entry.provenance.arguments;
    otel.addEvent(TIERUP.toolDecisionEvent, {
      [TIERUP.toolDecision]: entry.decision,
      [TIERUP.toolDecisionReason]: entry.reason,
      ...(entry.rule !== undefined && { [TIERUP.toolDecisionRule]: entry.rule }),
      ...(entry.argument !== undefined && { [TIERUP.toolDecisionArgument]: entry.argument }),
      [TIERUP.agent]: entry.agent,
      [TIERUP.toolPrivileges]: [...entry.privileges],
      [TIERUP.argumentPaths]: args.map((a) => a.path),
      [TIERUP.argumentOrigins]: args.map((a) => a.origins.join('+')),
      [TIERUP.argumentSources]: args.map((a) => a.sources.join('+')),
      [TIERUP.argumentDescriptions]: args.map((a) => a.description),
    });
  }

  used(usage: Parameters<RunTelemetry['used']>[0]): void {
    this.#runAttributes({
      [TIERUP.usageInputTokens]: usage.inputTokens,
      [TIERUP.usageOutputTokens]: usage.outputTokens,
      [TIERUP.usageCalls]: usage.calls,
      ...(typeof usage.costUsd === 'number' && { [TIERUP.costUsd]: usage.costUsd }),
    });
  }

  #runAttributes(attributes: Attributes): void {
    if (this.#off) return;
    if (this.#root) this.#root.setAttributes(attributes);
    else Object.assign(this.#pending, attributes);
  }
}

/** A span's name, kind and opening attributes, by the conventions. */
function describe(
  span: TraceSpan,
  details: SpanDetails | undefined,
  content: boolean,
): { name: string; kind: SpanKind; attributes: Attributes } {
  const tier = span.tier === undefined ? {} : { [TIERUP.tier]: span.tier };
  switch (span.type) {
    case 'run':
      return {
        name: `${OPERATION.invokeWorkflow} tierup`,
        kind: SpanKind.INTERNAL,
        attributes: {
          [GEN_AI.operationName]: OPERATION.invokeWorkflow,
          [GEN_AI.workflowName]: 'tierup',
        },
      };
    case 'tier':
      return {
        name: `tierup.tier ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: { [TIERUP.tier]: span.name },
      };
    case 'agent':
      return {
        name: `${OPERATION.invokeAgent} ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: {
          [GEN_AI.operationName]: OPERATION.invokeAgent,
          [GEN_AI.agentName]: span.name,
          ...tier,
        },
      };
    case 'model-call': {
      const slash = span.name.indexOf('/');
      const provider = slash < 0 ? span.name : span.name.slice(0, slash);
      const model = slash < 0 ? span.name : span.name.slice(slash + 1);
      const request = details?.request;
      const input = content ? details?.input : undefined;
      return {
        name: `${OPERATION.chat} ${model}`,
        kind: SpanKind.CLIENT,
        attributes: {
          [GEN_AI.operationName]: OPERATION.chat,
          [GEN_AI.providerName]: provider,
          [GEN_AI.requestModel]: model,
          ...(span.agent !== undefined && { [GEN_AI.agentName]: span.agent }),
          ...tier,
          ...(request?.maxOutputTokens !== undefined && {
            [GEN_AI.requestMaxTokens]: request.maxOutputTokens,
          }),
          ...(request?.temperature !== undefined && {
            [GEN_AI.requestTemperature]: request.temperature,
          }),
          ...(request?.stream !== undefined && { [GEN_AI.requestStream]: request.stream }),
          ...(input?.system !== undefined && {
            [GEN_AI.systemInstructions]: JSON.stringify([{ type: 'text', content: input.system }]),
          }),
          ...(input?.messages !== undefined && {
            [GEN_AI.inputMessages]: JSON.stringify(input.messages.map(toConventionMessage)),
          }),
        },
      };
    }
    case 'tool-call': {
      const args = content ? details?.input?.arguments : undefined;
      return {
        name: `${OPERATION.executeTool} ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: {
          [GEN_AI.operationName]: OPERATION.executeTool,
          [GEN_AI.toolName]: span.name,
          [GEN_AI.toolType]: 'function',
          ...(details?.toolCallId !== undefined && { [GEN_AI.toolCallId]: details.toolCallId }),
          ...(span.agent !== undefined && { [GEN_AI.agentName]: span.agent }),
          ...tier,
          ...(args !== undefined && { [GEN_AI.toolCallArguments]: JSON.stringify(args) }),
        },
      };
    }
    case 'callback':
      return {
        name: `tierup.callback ${span.name}`,
        kind: SpanKind.INTERNAL,
        attributes: { [TIERUP.callback]: span.name },
      };
    case 'session':
      return {
        name: `tierup.session ${span.name}`,
        kind: SpanKind.CLIENT,
        attributes: { [TIERUP.sessionCall]: span.name },
      };
  }
}

/** What a span learns when it closes: the response, and output content when recorded. */
function closingAttributes(details: SpanDetails, content: boolean): Attributes {
  const { response } = details;
  const output = content ? details.output : undefined;
  const finish = response?.finishReason;
  return {
    ...(response?.id !== undefined && { [GEN_AI.responseId]: response.id }),
    ...(response?.modelId !== undefined && { [GEN_AI.responseModel]: response.modelId }),
    ...(finish !== undefined && { [GEN_AI.responseFinishReasons]: [finish.unified] }),
    ...(output?.result !== undefined && { [GEN_AI.toolCallResult]: output.result }),
    ...(output?.text !== undefined && {
      [GEN_AI.outputMessages]: JSON.stringify([
        {
          role: 'assistant',
          parts: [
            ...(output.text === '' ? [] : [{ type: 'text', content: output.text }]),
            ...(output.toolCalls ?? []).map((call) => ({ type: 'tool_call', ...(call as object) })),
          ],
          ...(finish !== undefined && { finish_reason: finish.unified }),
        },
      ]),
    }),
  };
}

/** A message in the conventions' shape: a role and typed parts. */
function toConventionMessage(message: ModelMessage): object {
  switch (message.role) {
    case 'user':
      return { role: 'user', parts: [{ type: 'text', content: message.content }] };
    case 'assistant':
      return {
        role: 'assistant',
        parts: [
          ...(message.content === '' ? [] : [{ type: 'text', content: message.content }]),
          ...(message.toolCalls ?? []).map((call) => ({
            type: 'tool_call',
            id: call.id,
            name: call.name,
            arguments: call.arguments,
          })),
        ],
      };
    case 'tool':
      return {
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: message.toolCallId, response: message.content }],
      };
  }
}

/** `error.type`: the error's class name when the trace has it (`ProviderError: ...`), else `_OTHER`. */
function errorType(span: TraceSpan): string {
  if (span.status === 'escalated') return 'EscalationRequired';
  const name = /^([A-Za-z_$][\w$.]*): /.exec(span.error ?? '')?.[1];
  return name ?? (span.type === 'tool-call' ? 'tool_error' : '_OTHER');
}
