// An OpenTelemetry SDK for the telemetry tests: a tracer provider with an in-memory exporter, and
// the AsyncLocalStorage context manager a Node service registers, so spans nest across awaits.
import { context, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

const manager = new AsyncLocalStorageContextManager().enable();
context.setGlobalContextManager(manager);

/** A tracer whose finished spans the test reads. */
export function inMemoryTracing(exporter: SpanExporter = new InMemorySpanExporter()) {
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer: Tracer = provider.getTracer('test-service');
  return {
    tracer,
    provider,
    exporter,
    /** Finished spans, once every export is done (in-memory exporter only). */
    spans: async (): Promise<ReadableSpan[]> => {
      await provider.forceFlush();
      return (exporter as InMemorySpanExporter).getFinishedSpans();
    },
  };
}

/** Runs `fn` inside a span of the caller, as an HTTP server's instrumentation would. */
export async function inCallerSpan<T>(tracer: Tracer, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan('GET /support', async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });
}

/** The span's parent's id. */
export function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/** The span's own id. */
export function idOf(span: ReadableSpan): string {
  return span.spanContext().spanId;
}

/** The spans named `name`. */
export function named(spans: readonly ReadableSpan[], name: string): ReadableSpan[] {
  return spans.filter((s) => s.name === name);
}

/** The one span named `name`. */
export function one(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = named(spans, name);
  if (found.length !== 1) {
    throw new Error(
      `expected one span named ${name}, got ${found.length}: ${spans.map((s) => s.name).join(', ')}`,
    );
  }
  return found[0] as ReadableSpan;
}
