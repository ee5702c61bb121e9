// The OpenTelemetry binding: maps a run's trace, as it happens, to spans of the GenAI semantic
// conventions on the caller's tracer, nested under the span active when the run started. Loaded
// on the first run only when `telemetry` is configured: `@opentelemetry/api` is an optional peer.
import {
  type Attributes,
  type Context,
  context,
  ProxyTracer,
  ProxyTracerProvider,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { TraceSpan } from '../core/run-result.ts';
import type { RunTelemetry, SpanDetails, TelemetryStart } from '../run/run-telemetry.ts';
import { TIERUP } from './gen-ai-conventions.ts';
import { type RunAttributes, setRunAttributes } from './run-attributes.ts';
import { describeSpan, setClosingAttributes } from './span-attributes.ts';

/** What the binding needs: a tracer (the global one when absent) and whether to record content. */
export interface OpenTelemetrySettings {
  readonly tracer?: Tracer | undefined;
  readonly recordContent?: boolean | undefined;
}

/**
 * Starts one run's telemetry on the tracer. A run starts none while no SDK is registered (the
 * global provider's tracers record nothing); a run whose first span does not record (sampled out)
 * records nothing more.
 */
export function openTelemetryStart(settings: OpenTelemetrySettings): TelemetryStart {
  const tracer = settings.tracer ?? trace.getTracer('tierup');
  const recordsContent = settings.recordContent === true;
  const unregistered = proxiesNothing(tracer);
  return (startedAt) =>
    unregistered?.()
      ? undefined
      : new RunSpans(tracer, context.active(), startedAt, recordsContent);
}

/** The API's no-op provider: what a provider with no SDK behind it delegates to. */
const NOOP_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * For a tracer of the global provider (`trace.getTracer(...)` before an SDK is registered, the
 * default `tierup` one): whether no SDK is registered yet, asked on each run as one can be later.
 * `undefined` for any other tracer, which is asked for the run's first span instead.
 */
function proxiesNothing(tracer: Tracer): (() => boolean) | undefined {
  if (!(tracer instanceof ProxyTracer)) return undefined;
  return () => {
    const provider = trace.getTracerProvider();
    return provider instanceof ProxyTracerProvider && provider.getDelegate() === NOOP_PROVIDER;
  };
}

interface Entry {
  readonly span: Span;
  readonly context: Context;
}

/** The OpenTelemetry spans of one run, by trace span id. */
class RunSpans implements RunTelemetry {
  readonly recordsContent: boolean;
  readonly #tracer: Tracer;
  readonly #caller: Context;
  readonly #startedAt: number;
  readonly #spans = new Map<string, Entry>();
  /** Tier spans left out: their id stands for their parent's span. */
  readonly #folded = new Set<string>();
  #root: Span | undefined;
  #rootId: string | undefined;
  /** The first span did not record (no SDK, or sampled out): nothing more is done. */
  #off = false;
  /** What the run learns, set on its span when it ends. */
  readonly #run: RunAttributes = { escalations: 0 };

  constructor(tracer: Tracer, caller: Context, startedAt: number, recordsContent: boolean) {
    this.#tracer = tracer;
    this.#caller = caller;
    this.#startedAt = startedAt;
    this.recordsContent = recordsContent;
  }

  opened(span: TraceSpan, details?: SpanDetails): boolean {
    if (this.#off) return false;
    const parent = span.parentId === undefined ? undefined : this.#spans.get(span.parentId);
    if (parent !== undefined && folds(span)) {
      this.#spans.set(span.id, parent);
      this.#folded.add(span.id);
      return true;
    }
    const parentContext = parent?.context ?? this.#caller;
    const { name, kind, attributes } = describeSpan(span, details, this.recordsContent);
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
      this.#rootId = span.id;
    }
    this.#spans.set(span.id, { span: otel, context: trace.setSpan(parentContext, otel) });
    return true;
  }

  closed(span: TraceSpan, details?: SpanDetails): void {
    const entry = this.#spans.get(span.id);
    if (entry === undefined) return;
    this.#spans.delete(span.id);
    if (this.#folded.delete(span.id)) return;
    const { span: otel } = entry;
    if (span.id === this.#rootId) setRunAttributes(otel, this.#run);
    setClosingAttributes(otel, span, details, this.recordsContent);
    if (span.status === 'error' || span.status === 'escalated') {
      otel.setStatus({ code: SpanStatusCode.ERROR, message: span.error ?? span.status });
    }
    otel.end(this.#startedAt + (span.endMs ?? span.startMs));
  }

  within<T>(spanId: string, fn: () => T): T {
    const entry = this.#spans.get(spanId);
    return entry === undefined ? fn() : context.with(entry.context, fn);
  }

  decided(decision: Parameters<RunTelemetry['decided']>[0]): void {
    this.#run.decision = decision;
  }

  tierStarted(tier: Parameters<RunTelemetry['tierStarted']>[0]): void {
    this.#run.tier = tier;
  }

  escalated(escalation: Parameters<RunTelemetry['escalated']>[0]): void {
    this.#run.escalations += 1;
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
    const attributes: Attributes = {
      [TIERUP.toolDecision]: entry.decision,
      [TIERUP.toolDecisionReason]: entry.reason,
      [TIERUP.agent]: entry.agent,
      [TIERUP.toolPrivileges]: [...entry.privileges],
      [TIERUP.argumentPaths]: args.map((a) => a.path),
      [TIERUP.argumentOrigins]: args.map((a) => a.origins.join('+')),
      [TIERUP.argumentSources]: args.map((a) => a.sources.join('+')),
      [TIERUP.argumentDescriptions]: args.map((a) => a.description),
    };
    if (entry.rule !== undefined) attributes[TIERUP.toolDecisionRule] = entry.rule;
    if (entry.argument !== undefined) attributes[TIERUP.toolDecisionArgument] = entry.argument;
    otel.addEvent(TIERUP.toolDecisionEvent, attributes);
  }

  used(usage: Parameters<RunTelemetry['used']>[0]): void {
    this.#run.usage = usage;
  }
}

/**
 * Whether a span is left out of the export: the span of a direct or an agent tier under the run's.
 * Such a tier runs one agent, whose `invoke_agent` span says what the tier's would (its tier, its
 * error); the agent's span nests under the run's instead. The multi-agent tier's span, which
 * holds the manager and the specialists, and the tier span of an executor run alone (the
 * outermost) are kept.
 */
function folds(span: TraceSpan): boolean {
  return span.type === 'tier' && span.tier !== 'multi-agent';
}
