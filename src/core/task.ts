import { z } from 'zod';
import { InvalidTaskError, type Issue } from './errors.ts';
import { toIssues } from './parse.ts';
import { Tier, tierRank } from './tier.ts';

/**
 * What the router knows of a tool: its metadata, never its implementation.
 * Flags follow the Rule of Two (see docs/routing.md); all default to `false`.
 */
export const ToolSpec = z.looseObject({
  /** Identifier as the service writes it: `get_order`, `crm.lookup_account`, `patient/get-record`. */
  name: z.string().min(1).max(128).regex(/^\S+$/, 'must not contain white space'),
  /** What the tool does, in a sentence. The router reads it to judge whether a request needs the tool. */
  description: z.string().max(4096).default(''),
  /** The specialist area the tool belongs to (`commerce`, `payments`, `hr`). @default 'general' */
  domain: z.string().min(1).max(64).default('general'),
  /** The tool returns content someone outside the trust boundary controls (web pages, inbound email, uploads). */
  untrustedInput: z.boolean().default(false),
  /** The tool reads private or confidential data (customer records, salaries, credentials). */
  sensitiveData: z.boolean().default(false),
  /** The tool changes state or communicates outward (sends, writes, pays, deletes, deploys, posts). */
  sideEffects: z.boolean().default(false),
  /**
   * The call's arguments reach a party outside the service even when nothing changes (fetching
   * a URL, a web search): data put in them leaves. Counts as communicating outward.
   * `defineTool` sets it for a tool with a `url`, `uri`, `link` or `endpoint` argument.
   */
  openWorld: z.boolean().optional(),
  /**
   * Calling the tool twice with the same `idempotencyKey` does it once (the API it calls dedupes
   * on the key). A durable run that crashed while this side-effect tool ran calls it again, with
   * the same key, instead of ending `in-doubt` (docs/scale-out.md).
   */
  idempotent: z.boolean().optional(),
});
/** Tool metadata as the router reads it, defaults applied. */
export type ToolSpec = z.output<typeof ToolSpec>;
/** Tool metadata as a caller may write it: description, domain and flags are optional. */
export type ToolSpecInput = z.input<typeof ToolSpec>;

/** Caller's hints that constrain routing. */
export const TaskHints = z
  .strictObject({
    /** Domains the caller knows the request spans; two or more set `crossDomain`. */
    domains: z.array(z.string().min(1).max(64)).max(64).optional(),
    /**
     * Start on this tier, whatever the signals say (the router's `maxTier` still caps it);
     * a run escalates from it when it cannot meet the request.
     */
    tier: Tier.optional(),
    /** Never route above this tier. */
    maxTier: Tier.optional(),
  })
  .refine(
    (hints) =>
      hints.tier === undefined ||
      hints.maxTier === undefined ||
      tierRank(hints.tier) <= tierRank(hints.maxTier),
    { message: 'must not be above `hints.maxTier`', path: ['tier'] },
  );
export type TaskHints = z.infer<typeof TaskHints>;

/** One request to route and run: its text, the tools on offer, optional hints. */
export const Task = z.object({
  /** The request text, as the user wrote it. */
  input: z
    .string()
    .min(1)
    .max(1_000_000)
    .refine((text) => text.trim() !== '', 'must not be blank'),
  /** Tools the service offers for this request; the request may need none, some or all. */
  tools: z
    .array(ToolSpec)
    .max(10_000, 'must have at most 10000 items')
    .default([])
    .superRefine((tools, context) => {
      const seen = new Map<string, number>();
      tools.forEach((tool, index) => {
        const first = seen.get(tool.name);
        if (first === undefined) seen.set(tool.name, index);
        else {
          context.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `duplicates the name of tools[${first}]`,
          });
        }
      });
    }),
  hints: TaskHints.optional(),
});
/** A validated task, defaults applied. */
export type Task = z.output<typeof Task>;
/** A task as a caller writes it. */
export type TaskInput = z.input<typeof Task>;

/**
 * Every field a task may have, at tierup's public entry points: the router reads `input`, `tools`
 * and `hints`; a run also reads `output`, `history` and `instructions` (see `RunTask`).
 */
export const TASK_FIELDS = [
  'input',
  'tools',
  'hints',
  'output',
  'history',
  'instructions',
] as const;

/**
 * Refuses a task object with a field tierup does not know (`inptu`), naming it: the public entry
 * points (`router.route`, `tierup.run`, an executor's `run`) call it before they parse the task,
 * so a typo is not routed as a task with no input. {@link parseTask} itself ignores unknown fields,
 * for internal callers that route records carrying more (labels, ids).
 * @throws {InvalidTaskError} naming each unknown field, with the known one it is closest to.
 */
export function refuseUnknownTaskFields(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const issues: Issue[] = [];
  for (const key of Object.keys(value)) {
    if ((TASK_FIELDS as readonly string[]).includes(key)) continue;
    const near = TASK_FIELDS.find((field) => editDistance(field, key) <= 2);
    const hint = near ? `did you mean \`${near}\`?` : `a task has ${TASK_FIELDS.join(', ')}`;
    issues.push({ path: key, message: `is not a task field (${hint})` });
  }
  if (issues.length > 0) throw new InvalidTaskError(issues);
}

/** Levenshtein distance, for short field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Tools already validated, by the caller's object: a tool's metadata is read once. */
const validatedTools = new WeakMap<object, ToolSpec>();

/** The most tools one task may offer. */
const MAX_TOOLS = 10_000;

/**
 * Validates a task and applies defaults. Each tool object is validated the first time it is seen
 * and its parsed, frozen form reused after that, so tools must not be mutated once routed
 * (`defineTool` returns frozen tools).
 * @throws {InvalidTaskError} naming the first field at fault.
 */
export function parseTask(value: unknown): Task {
  try {
    return parseFields(value);
  } catch (error) {
    if (error instanceof InvalidTaskError) throw error;
    // A getter or proxy on the caller's object threw while it was read.
    throw new InvalidTaskError([{ path: '', message: `could not be read: ${String(error)}` }], {
      cause: error,
    });
  }
}

function parseFields(value: unknown): Task {
  const tools =
    typeof value === 'object' && value !== null ? (value as { tools?: unknown }).tools : undefined;
  if (tools !== undefined && !Array.isArray(tools)) return parseWhole(value);
  const parsed = parseTools(tools ?? []);
  const rest = TaskWithoutTools.safeParse(value);
  if (!rest.success) throw new InvalidTaskError(toIssues(rest.error));
  return { ...rest.data, tools: parsed };
}

/**
 * A task's `tools`, validated as {@link parseTask} does: each tool object once, its parsed form
 * reused after that.
 * @throws {InvalidTaskError} naming the first field at fault (`tools[2].name`).
 */
export function parseTools(list: readonly unknown[]): ToolSpec[] {
  if (list.length > MAX_TOOLS) {
    throw new InvalidTaskError([
      { path: 'tools', message: `must have at most ${MAX_TOOLS} items` },
    ]);
  }
  const parsed: ToolSpec[] = new Array(list.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const spec = parseTool(list[i], i);
    const first = seen.get(spec.name);
    if (first !== undefined) {
      throw new InvalidTaskError([
        { path: `tools[${i}].name`, message: `duplicates the name of tools[${first}]` },
      ]);
    }
    seen.set(spec.name, i);
    parsed[i] = spec;
  }
  return parsed;
}

const TaskWithoutTools = Task.omit({ tools: true });

function parseTool(tool: unknown, index: number): ToolSpec {
  const known = typeof tool === 'object' && tool !== null ? validatedTools.get(tool) : undefined;
  if (known !== undefined) return known;
  const result = ToolSpec.safeParse(tool);
  if (!result.success) throw new InvalidTaskError(toIssues(result.error, ['tools', index]));
  const spec = Object.freeze(result.data);
  if (typeof tool === 'object' && tool !== null) validatedTools.set(tool, spec);
  return spec;
}

/** Validates the whole task at once, for the error messages of a malformed one. */
function parseWhole(value: unknown): Task {
  const result = Task.safeParse(value);
  if (!result.success) throw new InvalidTaskError(toIssues(result.error));
  return result.data;
}
