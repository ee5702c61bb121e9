import type { Readable, Writable } from 'node:stream';
import type { Decision } from '../core/decision.ts';
import { InvalidTaskError, type Issue } from '../core/errors.ts';
import type { TaskInput } from '../core/task.ts';
import type { Router } from '../router/create-router.ts';
import { formatIssues } from './format-issues.ts';
import { type JsonLine, readRecords } from './read-records.ts';
import { ToolListCache } from './tool-list-cache.ts';

/** A record the router accepted. */
export interface RoutedRecord {
  readonly line: number;
  /** The record's `id`, or `line-N` when it has none. */
  readonly id: string;
  /** The whole record as read, `expected` and other fields included. */
  readonly record: Readonly<Record<string, unknown>>;
  /** The task as routed: the record's `input`, `tools` and `hints`. */
  readonly task: TaskInput;
  readonly decision: Decision;
}

/** A record routed, or the problems that kept it from being routed. */
export type RecordOutcome =
  | ({ readonly type: 'routed' } & RoutedRecord)
  | { readonly type: 'rejected'; readonly line: number; readonly issues: readonly Issue[] };

/**
 * Routes one JSONL record. Only `id`, `input`, `tools` and `hints` are read; a missing
 * `id` becomes `line-N`. Invalid JSON and tasks the router rejects with
 * {@link InvalidTaskError} come back as `rejected`, naming the field at fault. With
 * `toolLists`, a tool list of the same content as an earlier record's is routed as that
 * record's objects, which the router has validated and profiled already.
 */
export function routeRecord(
  router: Router,
  entry: JsonLine,
  toolLists?: ToolListCache,
): RecordOutcome {
  const { line } = entry;
  const reject = (path: string, message: string): RecordOutcome => ({
    type: 'rejected',
    line,
    issues: [{ path, message }],
  });
  if (entry.type === 'invalid-json') return reject('', `invalid JSON: ${entry.message}`);
  const record = entry.value;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return reject('', 'must be a JSON object');
  }
  const fields = record as Record<string, unknown>;
  const id = recordId(fields.id, line);
  if (id === undefined) return reject('id', 'must be a non-empty string or a number');
  try {
    // The router validates the task and names the field at fault.
    const tools = toolLists === undefined ? fields.tools : toolLists.shared(fields.tools);
    const task = { input: fields.input, tools, hints: fields.hints } as TaskInput;
    return { type: 'routed', line, id, record: fields, task, decision: router.route(task) };
  } catch (error) {
    if (error instanceof InvalidTaskError) return { type: 'rejected', line, issues: error.issues };
    throw error;
  }
}

/** What {@link routeRecords} reads, routes and reports to. */
export interface RouteRecordsOptions {
  readonly router: Router;
  /** The JSONL file to read; `undefined` or `-` reads `stdin`. */
  readonly file: string | undefined;
  readonly stdin: Readable;
  /** Where rejected lines are reported, as `line N: field: message`. */
  readonly stderr: Writable;
  /** The command's name, for the message when the file cannot be read. */
  readonly command: string;
  /** Called for each routed record in input order; returned issues reject the record. */
  readonly onRouted: (
    routed: RoutedRecord,
  ) => readonly Issue[] | undefined | Promise<readonly Issue[] | undefined>;
}

/**
 * Reads a JSONL input and routes each record, streaming. Bad lines are reported on
 * `stderr` and skipped; the others are still routed.
 * @returns the exit code: 0, or 2 when a line was rejected or the file could not be read.
 */
export async function routeRecords(options: RouteRecordsOptions): Promise<number> {
  const { router, file, stdin, stderr, command, onRouted } = options;
  if ((file === undefined || file === '-') && (stdin as { isTTY?: boolean }).isTTY) {
    stderr.write(`tierup ${command}: reading JSONL from stdin (end with Ctrl-D)\n`);
  }
  const records = readRecords(file, stdin);
  const toolLists = new ToolListCache();
  let exitCode = 0;
  try {
    for (;;) {
      let next: IteratorResult<JsonLine>;
      try {
        next = await records.next();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        stderr.write(`tierup ${command}: cannot read ${file ?? 'stdin'}: ${reason}\n`);
        return 2;
      }
      if (next.done) return exitCode;
      const outcome = routeRecord(router, next.value, toolLists);
      const issues = outcome.type === 'rejected' ? outcome.issues : await onRouted(outcome);
      if (issues !== undefined && issues.length > 0) {
        stderr.write(formatIssues(`line ${outcome.line}`, issues));
        exitCode = 2;
      }
    }
  } finally {
    await records.return(undefined);
  }
}

function recordId(value: unknown, line: number): string | undefined {
  if (value === undefined || value === null) return `line-${line}`;
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
