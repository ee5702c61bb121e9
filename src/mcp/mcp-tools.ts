import { z } from 'zod';
import { InvalidConfigError } from '../core/errors.ts';
import { parseOptions } from '../core/parse.ts';
import { type AnyTool, defineTool, type ToolDefinition } from '../core/tool.ts';
import { Callback } from '../security/run-security.ts';
import type { McpCallResult, McpClient, McpToolInfo } from './mcp-client.ts';
import { McpToolError } from './mcp-tool-error.ts';

/** What can be set per tool, over what its annotations say. */
export type McpToolOverride = Partial<
  Pick<
    ToolDefinition<Record<string, unknown>, unknown>,
    | 'name'
    | 'description'
    | 'domain'
    | 'untrustedInput'
    | 'sensitiveData'
    | 'sideEffects'
    | 'needsApproval'
    | 'destinations'
    | 'openWorld'
    | 'credentials'
    | 'amounts'
  >
>;

/** Options of {@link mcpTools}. */
export interface McpToolsOptions {
  /** The tools' `domain`. @default the server's name (`getServerVersion().name`), else `'mcp'` */
  readonly domain?: string;
  /** Put before each tool's name, to tell apart tools of several servers (`github_`). @default '' */
  readonly prefix?: string;
  /** Per tool, by its name on the server: flags, description, name or domain to use instead. */
  readonly overrides?: Readonly<Record<string, McpToolOverride>>;
  /**
   * Milliseconds each request to the server may take (listing, and each call; a run's
   * `toolTimeoutMs` and signal stop a call too). @default 30000
   */
  readonly timeoutMs?: number;
  /** Aborts listing the tools. */
  readonly signal?: AbortSignal;
}

const Override = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  domain: z.string().optional(),
  untrustedInput: z.boolean().optional(),
  sensitiveData: z.boolean().optional(),
  sideEffects: z.boolean().optional(),
  needsApproval: z.union([z.boolean(), Callback]).optional(),
  destinations: z.array(z.string()).optional(),
  openWorld: z.boolean().optional(),
  credentials: z.array(z.string()).optional(),
  amounts: z.array(z.string()).optional(),
});

const Options = z.strictObject({
  domain: z.string().min(1).max(64).optional(),
  prefix: z.string().regex(/^\S*$/, 'must not contain white space').optional(),
  overrides: z.record(z.string(), Override).optional(),
  timeoutMs: z.int().min(1).max(3_600_000).optional(),
  signal: z
    .custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal')
    .optional(),
});

/**
 * The tools of a connected MCP server as tierup tools, to give `createTierup` or a task. Each
 * keeps the server's name, description and argument schema (arguments are checked against it
 * before a call), and takes its flags from the tool's annotations: `sideEffects` unless
 * `readOnlyHint` (and not `destructiveHint`), `untrustedInput` and `openWorld` unless `openWorldHint: false`,
 * as the protocol's defaults say; `overrides` sets any of them per tool. A call goes through the
 * client with the run's signal and `timeoutMs`; an error the tool reports, a server that closed
 * or timed out become an {@link McpToolError}, which the model reads as the tool's failure.
 *
 * @example
 * const client = new Client({ name: 'shop', version: '1.0.0' });
 * await client.connect(new StdioClientTransport({ command: 'orders-mcp-server' }));
 * const tools = await mcpTools(client, { overrides: { get_customer: { sensitiveData: true } } });
 * const tierup = createTierup({ model, tools });
 * @throws {InvalidConfigError} naming the option at fault, or an override naming a tool the
 * server does not list; {@link McpToolError} when the server cannot list its tools.
 */
export async function mcpTools(
  client: McpClient,
  options: McpToolsOptions = {},
): Promise<AnyTool[]> {
  parseOptions(Options, options);
  const { prefix = '', overrides = {}, timeoutMs = 30_000, signal } = options;
  const listed = await listAll(client, { timeout: timeoutMs, ...(signal ? { signal } : {}) });
  const unknown = Object.keys(overrides).filter((name) => !listed.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new InvalidConfigError(
      unknown.map((name) => ({
        path: `overrides.${name}`,
        message: 'is not a tool the server lists',
      })),
    );
  }
  const domain = options.domain ?? client.getServerVersion?.()?.name?.slice(0, 64) ?? 'mcp';
  return listed.map((tool) =>
    toTool(client, tool, { domain, prefix, timeoutMs, override: overrides[tool.name] ?? {} }),
  );
}

/** Every tool the server lists, page after page. */
async function listAll(
  client: McpClient,
  request: { timeout: number; signal?: AbortSignal },
): Promise<McpToolInfo[]> {
  const tools: McpToolInfo[] = [];
  let cursor: string | undefined;
  do {
    let page: Awaited<ReturnType<McpClient['listTools']>>;
    try {
      page = await client.listTools(cursor === undefined ? {} : { cursor }, request);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw McpToolError.from('tools/list', error);
    }
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

function toTool(
  client: McpClient,
  tool: McpToolInfo,
  setup: { domain: string; prefix: string; timeoutMs: number; override: McpToolOverride },
): AnyTool {
  const hints = tool.annotations ?? {};
  const sideEffects = hints.readOnlyHint !== true || hints.destructiveHint === true;
  return defineTool<Record<string, unknown>, unknown>({
    name: `${setup.prefix}${tool.name}`,
    description: tool.description ?? tool.title ?? hints.title ?? '',
    domain: setup.domain,
    sideEffects,
    untrustedInput: hints.openWorldHint !== false,
    // The protocol's open world: the tool reaches parties outside the service, so what its
    // arguments carry leaves (the default policy checks them as an outward read).
    openWorld: hints.openWorldHint !== false,
    input: inputSchema(tool.inputSchema),
    ...setup.override,
    run: async (input, { signal }) => {
      let result: McpCallResult;
      try {
        result = await client.callTool({ name: tool.name, arguments: input }, undefined, {
          signal,
          timeout: setup.timeoutMs,
        });
      } catch (error) {
        // The run's abort or the tool's time limit: tierup reports those itself.
        if (signal.aborted) throw error;
        throw McpToolError.from(tool.name, error);
      }
      const output = outputOf(result);
      if (result.isError) {
        const text = typeof output === 'string' ? output : JSON.stringify(output);
        throw new McpToolError(tool.name, 'tool-error', `reported an error: ${text}`);
      }
      return output;
    },
  });
}

/**
 * A zod schema of the server's JSON Schema: converted when zod can (so arguments are checked
 * before the call), else any object, shown to the model as the server wrote it.
 */
function inputSchema(schema: McpToolInfo['inputSchema']): z.ZodType<Record<string, unknown>> {
  const { $schema: _, ...rest } = schema;
  try {
    return z.fromJSONSchema({ type: 'object', ...rest }) as z.ZodType<Record<string, unknown>>;
  } catch {
    return z.looseObject({}).meta({ type: 'object', ...rest });
  }
}

/** What the model reads of a result: its structured content, else its content as text. */
function outputOf(result: McpCallResult): unknown {
  if (result.content === undefined && result.toolResult !== undefined) return result.toolResult;
  if (result.structuredContent !== undefined && !result.isError) return result.structuredContent;
  return (result.content ?? []).map(describeBlock).join('\n');
}

function describeBlock(block: unknown): string {
  const b = block as {
    type?: string;
    text?: string;
    mimeType?: string;
    uri?: string;
    resource?: { uri?: string; text?: string };
  };
  switch (b.type) {
    case 'text':
      return b.text ?? '';
    case 'resource':
      return b.resource?.text ?? `[resource ${b.resource?.uri ?? ''}]`;
    case 'resource_link':
      return `[resource ${b.uri ?? ''}]`;
    default:
      return `[${b.type ?? 'content'}${b.mimeType ? ` ${b.mimeType}` : ''}]`;
  }
}
