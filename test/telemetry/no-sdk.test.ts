// With no OpenTelemetry SDK registered, a run with `telemetry` asks the tracer for nothing; an SDK
// registered later is used from the next run on.
import { ProxyTracer, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { createTierup } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  trace.disable();
});

describe('telemetry with no SDK registered', () => {
  it('starts no span, with the default tracer or one of the global provider', async () => {
    const startSpan = vi.spyOn(ProxyTracer.prototype, 'startSpan');
    for (const telemetry of [{}, { tracer: trace.getTracer('my-service') }]) {
      const tierup = createTierup({ model: scriptedModel('4'), telemetry });
      const result = await tierup.run('What is 2 + 2?');
      expect(result.output).toBe('4');
      expect(result.trace.length).toBeGreaterThan(2);
    }
    expect(startSpan).not.toHaveBeenCalled();
  });

  it('records from the first run after an SDK is registered', async () => {
    const tierup = createTierup({ model: scriptedModel('4'), telemetry: {} });
    await tierup.run('What is 2 + 2?');
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    expect(trace.setGlobalTracerProvider(provider)).toBe(true);
    await tierup.run('What is 2 + 2?');
    await provider.forceFlush();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toContain('invoke_workflow tierup');
  });
});
