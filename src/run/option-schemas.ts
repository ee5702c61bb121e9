import { z } from 'zod';
import { CallSettingsShape } from '../core/call-settings.ts';
import type { Engine } from '../core/engine.ts';
import type { LanguageModel } from '../core/language-model.ts';
import { LIFECYCLE_CALLBACKS } from '../core/lifecycle.ts';
import { type AnyTool, isTool } from '../core/tool.ts';
import { Callback, SecurityOptionsShape } from '../security/run-security.ts';
import { TelemetryOptionsShape } from './telemetry-options.ts';

// The schemas of what a caller configures: checked with `parseOptions` (core/parse.ts), whose
// issues name the option at fault (`tools[1].name`, `specialists[0].model`).

/** A {@link LanguageModel}; with `tools`, one that can call tools. */
export function modelSchema(needs: { readonly tools?: boolean } = {}): z.ZodType<LanguageModel> {
  return z.unknown().superRefine((value, ctx) => {
    const model = value as Partial<LanguageModel> | null | undefined;
    if (typeof model?.generate !== 'function' || typeof model.stream !== 'function') {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a LanguageModel (openaiModel, anthropicModel, fromFunction, ...)',
      });
    } else if (needs.tools && model.supportsTools === false) {
      ctx.addIssue({
        code: 'custom',
        message: 'cannot call tools, and this part of a run needs a model that can',
      });
    }
  }) as unknown as z.ZodType<LanguageModel>;
}

/** A tool made with `defineTool`. */
export const DefinedTool = z.custom<AnyTool>(isTool, 'must be a tool made with `defineTool`');

/** Where the multi-agent tier runs its subtasks: an {@link Engine} (`bullmqEngine`, ...). */
export const EngineSchema = z.custom<Engine>(
  (value) =>
    typeof (value as Engine | undefined)?.runSubtask === 'function' &&
    typeof (value as Engine).name === 'string',
  'must be an Engine (name, runSubtask), e.g. from `bullmqEngine`',
);

/** A refinement of a list that names each item whose `name` an earlier item has. */
export function uniqueNames(what: string) {
  return (items: readonly { readonly name: string }[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.name)) {
        const message = `duplicates the ${what} \`${item.name}\``;
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message });
      }
      seen.add(item.name);
    });
  };
}

/** Tools made with `defineTool`, with unique names. */
export const ToolList = z.array(DefinedTool).superRefine(uniqueNames('tool'));

/** A run option of `createTierup`'s runs, which an executor run alone does not take. */
const facadeOnly = z
  .custom<undefined>(
    (value) => value === undefined,
    "is an option of createTierup's runs, not of an executor's",
  )
  .optional();

/**
 * Options of one run besides its budgets and security settings (those are checked apart). The
 * facade reads and removes its own (`sessionId`, `accept`) before the pipeline sees the rest.
 */
export const RunOptionsShape = z.looseObject({
  signal: z
    .custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal')
    .optional(),
  runId: z.string().min(1).max(256).optional(),
  settings: CallSettingsShape.optional(),
  sessionId: facadeOnly,
  accept: facadeOnly,
  textDeltas: facadeOnly,
  ...Object.fromEntries(LIFECYCLE_CALLBACKS.map((name) => [name, facadeOnly])),
});

/** The lifecycle callbacks (`onToolCall`, ...), as options of `createTierup` or of its runs. */
export const LifecycleShape = Object.fromEntries(
  LIFECYCLE_CALLBACKS.map((name) => [name, Callback.optional()]),
);

/** `createTierup`'s own run options, checked by the facade before the pipeline sees the rest. */
export const TierupRunOptionsShape = z.looseObject({
  sessionId: z.string().optional(),
  accept: Callback.optional(),
  textDeltas: z.enum(['kept', 'all']).optional(),
  ...LifecycleShape,
});

/** Options every executor takes; budgets and prices are checked where they are resolved. */
export function executorOptionsShape(needs: { readonly tools: boolean }) {
  return z.looseObject({
    model: modelSchema(needs),
    instructions: z.string().optional(),
    tools: ToolList.optional(),
    toolErrorMessage: Callback.optional(),
    telemetry: TelemetryOptionsShape.optional(),
    ...SecurityOptionsShape.shape,
  });
}
