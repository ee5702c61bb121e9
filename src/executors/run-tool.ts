import type { ToolCall } from '../core/language-model.ts';
import type { Tier } from '../core/tier.ts';
import type { AnyTool } from '../core/tool.ts';
import type { RunContext } from './run-context.ts';
import { describeError } from './trace-recorder.ts';
import { untilAborted } from './until-aborted.ts';

/** What the model is told of one tool call. */
export interface ToolOutcome {
  readonly content: string;
  readonly isError: boolean;
}

/** The most characters of a tool's result given back to the model. */
const RESULT_LIMIT = 100_000;

/**
 * Runs one tool call the model asked for, never throwing for the tool's own failures: an unknown
 * tool, arguments that fail the tool's schema, a tool that throws or passes `toolTimeoutMs` each
 * become an error result the model sees. Only the run's own abort (caller, budget, time limit)
 * propagates.
 */
export async function runTool(
  ctx: RunContext,
  at: { readonly agent: string; readonly tier: Tier; readonly parentId: string },
  tools: ReadonlyMap<string, AnyTool>,
  call: ToolCall,
  signal: AbortSignal = ctx.signal,
): Promise<ToolOutcome> {
  signal.throwIfAborted();
  const { agent } = at;
  const spanId = ctx.trace.open({
    type: 'tool-call',
    name: call.name,
    tier: at.tier,
    agent,
    parentId: at.parentId,
    arguments: call.arguments,
  });
  ctx.emit({
    type: 'tool-call-start',
    agent,
    spanId,
    toolCallId: call.id,
    name: call.name,
    arguments: call.arguments,
  });
  const outcome = await attempt(ctx, tools, call, signal).catch((error: unknown) => {
    ctx.trace.close(spanId, { error });
    throw error;
  });
  ctx.trace.close(spanId, outcome.isError ? { error: outcome.content } : {});
  ctx.emit({
    type: 'tool-call-end',
    agent,
    spanId,
    toolCallId: call.id,
    name: call.name,
    result: outcome.content,
    isError: outcome.isError,
  });
  return outcome;
}

async function attempt(
  ctx: RunContext,
  tools: ReadonlyMap<string, AnyTool>,
  call: ToolCall,
  runSignal: AbortSignal,
): Promise<ToolOutcome> {
  const tool = tools.get(call.name);
  if (tool === undefined) {
    const known = [...tools.keys()].join(', ') || 'none';
    return failed(`Unknown tool \`${call.name}\`. Tools you can call: ${known}.`);
  }
  const parsed = tool.input.safeParse(call.arguments);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
      .join('; ');
    return failed(`Invalid arguments for \`${call.name}\`: ${problems}. Fix them and call again.`);
  }
  const { toolTimeoutMs } = ctx.budgets;
  const timeout = AbortSignal.timeout(toolTimeoutMs);
  const signal = AbortSignal.any([runSignal, timeout]);
  try {
    const value = await untilAborted(
      Promise.resolve().then(() => tool.run(parsed.data as never, { signal })),
      signal,
    );
    return { content: toContent(value), isError: false };
  } catch (error) {
    runSignal.throwIfAborted();
    if (timeout.aborted)
      return failed(`Tool \`${call.name}\` timed out after ${toolTimeoutMs} ms.`);
    return failed(`Tool \`${call.name}\` failed: ${describeError(error)}`);
  }
}

function toContent(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > RESULT_LIMIT
    ? `${text.slice(0, RESULT_LIMIT)}… [${text.length - RESULT_LIMIT} more characters cut]`
    : text;
}

function failed(content: string): ToolOutcome {
  return { content, isError: true };
}
