import { z } from 'zod';
import { InvalidConfigError } from '../core/errors.ts';
import type { TelemetrySetup, TelemetryStart } from './run-telemetry.ts';

/**
 * The part of an OpenTelemetry `Tracer` tierup calls. Any `Tracer` of `@opentelemetry/api` is
 * one; the type is written here so that tierup's types do not need that package.
 */
export interface TelemetryTracer {
  startSpan(name: string, options?: unknown, context?: unknown): unknown;
}

/** Where a run's spans go (docs/observability.md). */
export interface TelemetryOptions {
  /**
   * Your tracer (`trace.getTracer('my-service')`); by default the `tierup` tracer of the global
   * tracer provider. With no OpenTelemetry SDK registered, nothing is recorded.
   */
  readonly tracer?: TelemetryTracer;
  /**
   * Also record content: each model call's system prompt, messages and answer, each tool call's
   * arguments and result. They may hold personal or secret data. @default false
   */
  readonly recordContent?: boolean;
}

/** The schema of {@link TelemetryOptions}. */
export const TelemetryOptionsShape = z.strictObject({
  tracer: z
    .custom<TelemetryTracer>(
      (value) => typeof (value as TelemetryTracer | undefined)?.startSpan === 'function',
      'must be an OpenTelemetry Tracer (trace.getTracer(...))',
    )
    .optional(),
  recordContent: z.boolean().optional(),
});

/**
 * The telemetry of a pipeline: the OpenTelemetry binding, imported on the first run (it needs
 * `@opentelemetry/api`, an optional peer dependency), then shared by every run.
 */
export function telemetrySetup(options: TelemetryOptions | undefined): TelemetrySetup | undefined {
  if (options === undefined) return undefined;
  let loading: Promise<TelemetryStart> | undefined;
  let loaded: TelemetryStart | undefined;
  const load = async (): Promise<TelemetryStart> => {
    let binding: typeof import('../telemetry/open-telemetry.ts');
    try {
      binding = await import('../telemetry/open-telemetry.ts');
    } catch (error) {
      throw new InvalidConfigError([
        {
          path: 'telemetry',
          message: `needs the package @opentelemetry/api (npm install @opentelemetry/api): ${(error as Error).message}`,
        },
      ]);
    }
    loaded = binding.openTelemetryStart({
      tracer: options.tracer as Parameters<typeof binding.openTelemetryStart>[0]['tracer'],
      recordContent: options.recordContent,
    });
    return loaded;
  };
  return {
    get loaded() {
      return loaded;
    },
    load: () => {
      if (loading === undefined) {
        loading = load();
        // A failed import is reported to the runs waiting for it, not cached for ever.
        loading.catch(() => {
          loading = undefined;
        });
      }
      return loading;
    },
  };
}
