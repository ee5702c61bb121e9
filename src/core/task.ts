import { z } from 'zod';
import { InvalidTaskError } from './errors.ts';
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
    /** Run on exactly this tier, whatever the signals say (the router's `maxTier` still caps it). */
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
  input: z.string().min(1).max(1_000_000),
  /** Tools the service offers for this request; the request may need none, some or all. */
  tools: z
    .array(ToolSpec)
    .max(10_000)
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

/** Tools already validated, by the caller's object: a tool's metadata is read once. */
const validatedTools = new WeakMap<object, ToolSpec>();

/**
 * Validates a task and applies defaults. Each tool object is validated the first time it is seen
 * and its parsed form reused after that, so tools must not be mutated once routed
 * (`defineTool` returns frozen tools).
 * @throws {InvalidTaskError} naming the first field at fault.
 */
export function parseTask(value: unknown): Task {
  const tools = (value as { tools?: unknown } | null)?.tools;
  if (!Array.isArray(tools)) return parseWhole(value);
  const parsed: ToolSpec[] = new Array(tools.length);
  for (let i = 0; i < tools.length; i++) {
    const tool: unknown = tools[i];
    const known = typeof tool === 'object' && tool !== null ? validatedTools.get(tool) : undefined;
    if (known === undefined) return parseWhole(value);
    parsed[i] = known;
  }
  if (hasDuplicateNames(parsed)) return parseWhole(value);
  const rest = TaskWithoutTools.safeParse(value);
  if (!rest.success) throw new InvalidTaskError(toIssues(rest.error));
  return { ...rest.data, tools: parsed };
}

const TaskWithoutTools = Task.omit({ tools: true });

function hasDuplicateNames(tools: readonly ToolSpec[]): boolean {
  if (tools.length < 2) return false;
  const names = new Set<string>();
  for (const tool of tools) {
    if (names.has(tool.name)) return true;
    names.add(tool.name);
  }
  return false;
}

function parseWhole(value: unknown): Task {
  const result = Task.safeParse(value);
  if (!result.success) throw new InvalidTaskError(toIssues(result.error));
  const tools = (value as { tools?: unknown[] }).tools;
  if (Array.isArray(tools)) {
    for (let i = 0; i < tools.length; i++) {
      const tool = tools[i];
      const spec = result.data.tools[i];
      if (typeof tool === 'object' && tool !== null && spec !== undefined)
        validatedTools.set(tool, spec);
    }
  }
  return result.data;
}
