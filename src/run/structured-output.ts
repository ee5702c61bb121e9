import { z } from 'zod';
import { EscalationRequired } from '../core/errors.ts';
import type { JsonSchema, ModelMessage, ModelResponse } from '../core/language-model.ts';
import { memoizeWeak } from '../core/memoize-weak.ts';
import { invalidOutputSummary } from '../prompts/escalation-summaries.ts';
import { repairRequest } from '../prompts/tier-roles.ts';
import { callModel, type ModelCall } from './call-model.ts';
import type { RunScope } from './run-scope.ts';

/** The JSON Schema a model is asked to follow for a zod output schema (cached per schema). */
export const outputJsonSchema = memoizeWeak((schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
});

/**
 * Asks for structured output and validates it with the zod schema; on a validation failure, asks
 * once more with the problems named. Returns the parsed value.
 * @throws {EscalationRequired} `invalid-output` when the repaired answer fails too.
 */
export async function callForOutput(
  ctx: RunScope,
  call: ModelCall,
  schema: z.ZodType,
  /** Rewrites the model's JSON before the schema checks it (placeholders put back). */
  prepare: (candidate: unknown) => unknown = (candidate) => candidate,
): Promise<unknown> {
  const request = { ...call.request, output: { name: 'answer', schema: outputJsonSchema(schema) } };
  const first = await callModel(ctx, { ...call, request });
  const checked = check(first, schema, prepare);
  if (checked.ok) {
    ctx.report.output(checked.value);
    return checked.value;
  }
  ctx.report.output(checked.raw);
  const repair: ModelMessage[] = [
    ...request.messages,
    { role: 'assistant', content: checked.raw },
    {
      role: 'user',
      content: repairRequest(checked.problems),
    },
  ];
  const second = await callModel(ctx, { ...call, request: { ...request, messages: repair } });
  const again = check(second, schema, prepare);
  if (again.ok) {
    ctx.report.output(again.value);
    return again.value;
  }
  ctx.report.output(again.raw);
  throw new EscalationRequired(
    {
      type: 'invalid-output',
      message: `the structured output failed its schema twice: ${again.problems}`,
    },
    {
      summary: invalidOutputSummary(again.problems),
      output: again.raw,
    },
  );
}

type Checked =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly raw: string; readonly problems: string };

function check(
  response: ModelResponse,
  schema: z.ZodType,
  prepare: (candidate: unknown) => unknown,
): Checked {
  const raw = response.text;
  let candidate = response.output;
  if (candidate === undefined) {
    try {
      candidate = JSON.parse(stripFence(raw));
    } catch {
      return { ok: false, raw, problems: 'the answer is not JSON' };
    }
  }
  const parsed = schema.safeParse(prepare(candidate));
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'the value'}: ${issue.message}`)
    .join('; ');
  return { ok: false, raw: raw || JSON.stringify(candidate), problems };
}

/** Removes a Markdown code fence around JSON, as some models add one. */
function stripFence(text: string): string {
  const match = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return match?.[1] ?? text;
}
