/**
 * The part of an MCP client tierup uses: `Client` of the official `@modelcontextprotocol/sdk`
 * (`@modelcontextprotocol/sdk/client/index.js`) has it, connected over any transport. Typed here,
 * not imported, so that `tierup/mcp` loads nothing of the SDK itself.
 */
export interface McpClient {
  listTools(
    params?: { cursor?: string },
    options?: McpRequestOptions,
  ): Promise<{ tools: readonly McpToolInfo[]; nextCursor?: string | undefined }>;
  callTool(
    params: { name: string; arguments?: Record<string, unknown> },
    resultSchema?: undefined,
    options?: McpRequestOptions,
  ): Promise<McpCallResult>;
  /** The server's name and version, once connected; names the tools' `domain`. */
  getServerVersion?(): { readonly name: string } | undefined;
}

/** What tierup passes with each request: the run's signal and a time limit. */
export interface McpRequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the SDK gives up with a request timeout. */
  timeout?: number;
}

/** A tool as an MCP server lists it. */
export interface McpToolInfo {
  readonly name: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  /** The JSON Schema of its arguments. */
  readonly inputSchema: { readonly [key: string]: unknown };
  /** Hints about what the tool does; the protocol says not to trust them from an untrusted server. */
  readonly annotations?:
    | {
        readonly title?: string | undefined;
        /** It changes nothing. @default false */
        readonly readOnlyHint?: boolean | undefined;
        /** A change it makes may destroy something (meaningful when not read-only). @default true */
        readonly destructiveHint?: boolean | undefined;
        readonly idempotentHint?: boolean | undefined;
        /** It reaches an open world of outside entities (the web, anyone's email). @default true */
        readonly openWorldHint?: boolean | undefined;
      }
    | undefined;
}

/** What a tool call returns: content blocks, structured content, or an error the tool reports. */
export interface McpCallResult {
  readonly content?: readonly unknown[] | undefined;
  readonly structuredContent?: unknown;
  readonly isError?: boolean | undefined;
  /** The result of servers of protocol versions before 2024-11-05. */
  readonly toolResult?: unknown;
}
