import { z } from 'zod';
import { InvalidToolError } from './errors.ts';
import type { ModelTool } from './language-model.ts';
import { toIssues } from './parse.ts';
import { ToolSpec } from './task.ts';

/** What a tool's `run` receives besides its validated input. */
export interface ToolRunOptions {
  /** Aborts the tool's work: forward it to fetch, SDK calls and child processes. */
  readonly signal: AbortSignal;
  /**
   * In a durable run (`createTierup({ journal })`): a key that stays the same when this call is
   * made again (a resumed run retrying an `idempotent` tool). Send it as the idempotency key of
   * the API the tool calls. `undefined` in a run without a journal.
   */
  readonly idempotencyKey?: string;
}

/** A tool defined once with {@link defineTool}: metadata for the router, schema and code for the executors. */
export interface Tool<Input = unknown, Output = unknown> extends ToolSpec {
  /** Zod schema of the tool's arguments; model-supplied arguments are validated against it before `run`. */
  readonly input: z.ZodType<Input>;
  /** Does the work. Receives arguments already validated by `input`. */
  readonly run: (input: Input, options: ToolRunOptions) => Output | Promise<Output>;
  /** Every call (`true`), or the calls this function picks, waits for the run's `approve` callback. */
  readonly needsApproval?: boolean | ((input: Input) => boolean | Promise<boolean>);
  /** Top-level argument names that say where the call sends or writes (`to`, `url`, `channel`). */
  readonly destinations?: readonly string[];
  /** Top-level argument names that carry a secret or a credential (`password`, `token`). */
  readonly credentials?: readonly string[];
  /** Top-level argument names that carry an amount the call moves (`amount`, `quantity`). */
  readonly amounts?: readonly string[];
}

/**
 * A tool of any input and output type, as lists of tools hold them (`tools: [getOrder, refund]`).
 */
// biome-ignore lint/suspicious/noExplicitAny: a list holds tools of different input types; each tool validates its own input.
export type AnyTool = Tool<any, unknown>;

/** What {@link defineTool} accepts: description, domain and flags are optional. */
export interface ToolDefinition<Input, Output> {
  /** Identifier as the service writes it: `get_order`, `crm.lookup_account`. Up to 128 characters, no white space. */
  name: string;
  /** One sentence on what the tool does; the router matches requests against it. @default '' */
  description?: string;
  /** The tool's zod input schema. */
  input: z.ZodType<Input>;
  /** Specialist area (`commerce`, `payments`). @default 'general' */
  domain?: string;
  /** Returns content controlled by outsiders (web pages, inbound email, uploads). @default false */
  untrustedInput?: boolean;
  /** Reads private or confidential data. @default false */
  sensitiveData?: boolean;
  /** Changes state or communicates outward. @default false */
  sideEffects?: boolean;
  /**
   * A side-effect tool that does its work once however often it is called with the same
   * `idempotencyKey` (its `run` sends the key to an API that dedupes on it). When a durable run
   * crashed while it ran, `resume` calls it again with the same key rather than ending the run
   * `in-doubt`.
   * @default false
   */
  idempotent?: boolean;
  /**
   * Its arguments reach a party outside the service even when nothing changes (fetching a URL, a
   * web search, a third-party lookup), so data put in them leaves: the default policy checks
   * them, and the tool counts as outward for the Rule of Two.
   * @default true for a tool with a `url`, `uri`, `link` or `endpoint` argument, else false
   */
  openWorld?: boolean;
  /**
   * Calls wait for the run's `approve` callback: every call (`true`), or those for which this
   * function of the validated arguments returns true. No callback means the call is denied.
   * @default false
   */
  needsApproval?: boolean | ((input: Input) => boolean | Promise<boolean>);
  /**
   * Top-level argument names that say where a side-effect call sends or writes (`to`, `url`,
   * `channel`, `account`). The default policy denies a call whose destination came from untrusted
   * content. @default argument names such as `to`, `email`, `url`, `recipient`, `channel`
   */
  destinations?: readonly string[];
  /**
   * Top-level argument names that carry a secret or a credential. The default policy denies a
   * side-effect call whose credential came from untrusted content.
   * @default arguments named `password`, `passcode`, `pin`, `token`, `secret`, `api_key`,
   * `apiKey`, `credential(s)`, `otp`
   */
  credentials?: readonly string[];
  /**
   * Top-level argument names that carry an amount of money or a quantity the call moves. The
   * default policy denies a side-effect call whose amount came from untrusted content.
   * @default arguments named `amount`, `value`, `price`, `total`, `sum`, `quantity`
   */
  amounts?: readonly string[];
  run: (input: Input, options: ToolRunOptions) => Output | Promise<Output>;
}

/**
 * Defines a tool once, for both the router (which reads only its metadata) and the executors.
 * The returned object is frozen.
 *
 * @example
 * const getOrder = defineTool({
 *   name: 'get_order',
 *   description: 'Look up a shop order by id, with items, status and shipping address.',
 *   domain: 'commerce',
 *   sensitiveData: true,
 *   input: z.object({ orderId: z.string() }),
 *   run: async ({ orderId }, { signal }) => orders.get(orderId, { signal }),
 * });
 * @throws {InvalidToolError} naming the field at fault.
 */
export function defineTool<Input, Output>(
  definition: ToolDefinition<Input, Output>,
): Tool<Input, Output> {
  const result = ToolSpec.safeParse(definition);
  const issues = result.success ? [] : toIssues(result.error);
  if (!(definition?.input instanceof z.ZodType)) {
    issues.push({ path: 'input', message: 'must be a zod schema' });
  } else if (!describesObject(definition.input)) {
    issues.push({
      path: 'input',
      message:
        'must describe an object (z.object({ ... })): a model calls a tool with named arguments',
    });
  }
  if (typeof definition?.run !== 'function') {
    issues.push({ path: 'run', message: 'must be a function' });
  }
  const { needsApproval } = definition ?? {};
  if (
    !(
      needsApproval === undefined ||
      typeof needsApproval === 'boolean' ||
      typeof needsApproval === 'function'
    )
  ) {
    issues.push({ path: 'needsApproval', message: 'must be a boolean or a function' });
  }
  for (const key of ['destinations', 'credentials', 'amounts'] as const) {
    const names: unknown = definition?.[key];
    if (
      !(names === undefined || (Array.isArray(names) && names.every((d) => typeof d === 'string')))
    )
      issues.push({ path: key, message: 'must be a list of argument names' });
  }
  if (!result.success || issues.length > 0) throw new InvalidToolError(issues);
  const openWorld = result.data.openWorld ?? argumentNames(definition.input).some(isLocator);
  return Object.freeze({ ...result.data, openWorld, input: definition.input, run: definition.run });
}

/** Whether an argument name says where a tool reaches out to: `url`, `page_url`, `webhookUri`. */
function isLocator(name: string): boolean {
  return (
    /(^|_)(url|uri|link|endpoint)s?$/i.test(name) || /[a-z](Url|Uri|Link|Endpoint)s?$/.test(name)
  );
}

/** The top-level argument names of an input schema, as the model is sent it. */
function argumentNames(input: z.ZodType): string[] {
  const names = (schema: unknown): string[] => {
    const s = schema as { properties?: object; anyOf?: unknown[]; oneOf?: unknown[] } | undefined;
    if (s?.properties) return Object.keys(s.properties);
    return (s?.anyOf ?? s?.oneOf ?? []).flatMap(names);
  };
  try {
    return names(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }));
  } catch {
    return [];
  }
}

/**
 * Whether a schema's JSON Schema, as the model is sent it, is an object or a choice of objects:
 * every provider calls a tool with an object of named arguments.
 */
function describesObject(input: z.ZodType): boolean {
  const isObject = (schema: unknown): boolean => {
    const s = schema as { type?: unknown; anyOf?: unknown[]; oneOf?: unknown[] } | undefined;
    if (s?.type === 'object') return true;
    const choices = s?.anyOf ?? s?.oneOf;
    return Array.isArray(choices) && choices.length > 0 && choices.every(isObject);
  };
  try {
    return isObject(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }));
  } catch {
    // A schema zod cannot describe is reported when the tool is sent, as before.
    return true;
  }
}

/**
 * What keeps a value from being a tool made with {@link defineTool}, or `undefined` when it is
 * one: the one check of "is this a tool", for options, specialists and tasks alike.
 */
export function toolProblem(
  value: unknown,
): { readonly field: 'run' | 'input'; readonly message: string } | undefined {
  const tool = value as Partial<AnyTool> | null | undefined;
  if (typeof tool?.run !== 'function') {
    return { field: 'run', message: 'must be a function (define tools with `defineTool`)' };
  }
  if (!(tool.input instanceof z.ZodType))
    return { field: 'input', message: 'must be a zod schema' };
  return undefined;
}

/** Whether a value is a tool made with {@link defineTool}. */
export function isTool(value: unknown): value is AnyTool {
  return toolProblem(value) === undefined;
}

/**
 * The model-facing description of a tool: its name, description and the JSON Schema of its
 * arguments, made from its zod schema.
 *
 * @example
 * const request = { messages, tools: [getOrder].map(toModelTool) };
 */
export function toModelTool(tool: Pick<Tool, 'name' | 'description' | 'input'>): ModelTool {
  const { $schema: _, ...schema } = z.toJSONSchema(tool.input, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, inputSchema: schema };
}
