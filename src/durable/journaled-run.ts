import type { z } from 'zod';
import { InvalidConfigError } from '../core/errors.ts';
import type { RunTask } from '../core/executor.ts';
import type { ModelMessage } from '../core/language-model.ts';
import type { AnyTool } from '../core/tool.ts';
import type { JournaledRun, JournaledTask } from './run-journal.ts';

/** What `resume` needs besides the journal: the task's own tools and output schema, which are not data. */
export interface ResumedTaskParts<Output = unknown> {
  /** The task's own tools (not `createTierup`'s), by the names the run was started with. */
  readonly tools?: readonly AnyTool[];
  /** The task's output schema, when it had one. */
  readonly output?: z.ZodType<Output>;
}

/** A run's task and the data among its options, as a journal keeps them. */
export function journaledRun(
  task: RunTask<unknown> | string,
  options: Readonly<Record<string, unknown>>,
  now: number,
): JournaledRun {
  const given = typeof task === 'string' ? { input: task } : task;
  const kept: JournaledTask = {
    input: given.input,
    ...(given.hints === undefined ? {} : { hints: given.hints }),
    ...(given.history === undefined ? {} : { history: given.history }),
    ...(given.instructions === undefined ? {} : { instructions: given.instructions }),
    tools: (given.tools ?? []).map((tool) => tool.name),
    output: given.output !== undefined,
  };
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (name !== 'runId' && isData(value)) data[name] = value;
  }
  return { version: 1, startedAt: now, task: kept, options: data };
}

/**
 * The task of a journaled run, with its tools and output schema given again.
 * @throws {InvalidConfigError} naming `tools` when one of the task's tools is not given, or
 * `output` when the task had an output schema and none is given (or the other way round).
 */
export function resumedTask<Output>(
  journaled: JournaledTask,
  parts: ResumedTaskParts<Output>,
): RunTask<Output> {
  const byName = new Map((parts.tools ?? []).map((tool) => [tool.name, tool]));
  const missing = journaled.tools.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    const message = `must hold the run's own tools ${missing.map((n) => `\`${n}\``).join(', ')}`;
    throw new InvalidConfigError([{ path: 'tools', message }]);
  }
  if (journaled.output !== (parts.output !== undefined)) {
    const message = journaled.output
      ? "must be the run's output schema: the run had one"
      : 'must not be given: the run had no output schema';
    throw new InvalidConfigError([{ path: 'output', message }]);
  }
  return {
    input: journaled.input,
    ...(journaled.hints === undefined ? {} : { hints: journaled.hints }),
    ...(journaled.history === undefined
      ? {}
      : { history: journaled.history as readonly ModelMessage[] }),
    ...(journaled.instructions === undefined ? {} : { instructions: journaled.instructions }),
    ...(journaled.tools.length === 0
      ? {}
      : { tools: journaled.tools.map((name) => byName.get(name) as AnyTool) }),
    ...(parts.output === undefined ? {} : { output: parts.output }),
  };
}

/** Whether a value is plain data JSON keeps as it is: no function, signal or class instance. */
function isData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isData);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isData);
}
