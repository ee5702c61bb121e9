/**
 * tierup/mcp: the tools of an MCP server, through a client of the official
 * `@modelcontextprotocol/sdk`, as tierup tools.
 * @module
 */

export type { McpClient, McpToolInfo } from './mcp-client.ts';
export { type McpFailure, McpToolError } from './mcp-tool-error.ts';
export { type McpToolOverride, type McpToolsOptions, mcpTools } from './mcp-tools.ts';
