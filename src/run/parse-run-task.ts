import { z } from 'zod';
import { InvalidTaskError } from '../core/errors.ts';
import type { RunTask } from '../core/executor.ts';
import type { ModelMessage } from '../core/language-model.ts';
import { toIssues } from '../core/parse.ts';
import { parseTask, parseTools, refuseUnknownTaskFields, type Task } from '../core/task.ts';
import { type AnyTool, toolProblem } from '../core/tool.ts';
import type { PreparedTask } from './tier-step.ts';

const ToolCallShape = z.object({ id: z.string(), name: z.string(), arguments: z.unknown() });
const History = z.array(
  z.discriminatedUnion('role', [
    z.object({ role: z.literal('user'), content: z.string() }),
    z.object({
      role: z.literal('assistant'),
      content: z.string(),
      toolCalls: z.array(ToolCallShape).optional(),
    }),
    z.object({
      role: z.literal('tool'),
      toolCallId: z.string(),
      toolName: z.string(),
      content: z.string(),
      isError: z.boolean().optional(),
    }),
  ]),
);

/** What a run task holds besides what `parseTask` checks: runnable tools, schemas, history. */
const RunTaskExtras = z.looseObject({
  tools: z
    .array(
      z.unknown().superRefine((tool, ctx) => {
        const problem = toolProblem(tool);
        if (problem)
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      }),
    )
    .optional(),
  instructions: z.string().optional(),
  output: z
    .custom<z.ZodType>((value) => value instanceof z.ZodType, 'must be a zod schema')
    .optional(),
  history: History.optional(),
});

/** A run task, checked: what the router reads and what the executors run. */
export interface CheckedTask {
  /** For the router, parsed: the request, its hints and every tool's metadata. */
  readonly routed: Task;
  /** For the executors; `priorAttempts` empty and `canEscalate` false until the runner sets them. */
  readonly prepared: PreparedTask;
}

/**
 * Validates a run task (a plain string is `{ input }`) and merges its tools with the runner's own
 * (a task's tool replaces the runner's tool of the same name).
 * @throws {InvalidTaskError} naming the field at fault: `tools[1].run`, `output`, `history[0].role`,
 * or a field a task does not have (`inptu`).
 */
export function checkTask(
  task: RunTask<unknown> | string,
  ownTools: readonly AnyTool[],
): CheckedTask {
  const given: RunTask<unknown> = typeof task === 'string' ? { input: task } : task;
  if (typeof given !== 'object' || given === null) {
    throw new InvalidTaskError([{ path: '', message: 'must be a string or an object' }]);
  }
  if (typeof task !== 'string') refuseUnknownTaskFields(given);
  const taskTools = given.tools ?? [];
  // The router reads the parsed request and hints; the executors the given tools and schemas.
  const { input, hints } = parseTask({
    input: given.input,
    tools: taskTools,
    ...(given.hints ? { hints: given.hints } : {}),
  });
  // A task of input and hints alone (most are) has nothing more to check.
  const extra = [given.tools, given.instructions, given.output, given.history];
  if (extra.some((field) => field !== undefined)) {
    const extras = RunTaskExtras.safeParse(given);
    if (!extras.success) throw new InvalidTaskError(toIssues(extras.error));
  }

  const merged = new Map(ownTools.map((tool) => [tool.name, tool]));
  for (const tool of taskTools) merged.set(tool.name, tool);
  const tools = [...merged.values()];
  return {
    // Each tool object's metadata is parsed once (the task's just above) and reused.
    routed: { input, tools: parseTools(tools), ...(hints ? { hints } : {}) },
    prepared: {
      input,
      tools,
      output: given.output,
      history: (given.history ?? []) as readonly ModelMessage[],
      instructions: given.instructions,
      priorAttempts: [],
      canEscalate: false,
    },
  };
}
