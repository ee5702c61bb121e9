import { TierupError } from '../core/errors.ts';

/** Why an MCP tool call failed. */
export type McpFailure =
  /** The tool ran and reported an error (`isError`). */
  | 'tool-error'
  /** The connection to the server closed (it died, or was closed) before the answer. */
  | 'connection-closed'
  /** The server did not answer within `timeoutMs`. */
  | 'timeout'
  /** Anything else the client threw (a protocol error, an unknown tool). */
  | 'protocol';

/** JSON-RPC codes of the SDK's `McpError`. */
const CONNECTION_CLOSED = -32000;
const REQUEST_TIMEOUT = -32001;

/**
 * An MCP tool's call failed. Inside a run it is the tool's failure, which the model reads and
 * the trace records; `failure` says why.
 */
export class McpToolError extends TierupError {
  override readonly name = 'McpToolError';
  /** The tool's name on the server. */
  readonly tool: string;
  readonly failure: McpFailure;

  constructor(tool: string, failure: McpFailure, message: string, options?: { cause?: unknown }) {
    super('tool-failed', `MCP tool \`${tool}\` ${message}`, options);
    this.tool = tool;
    this.failure = failure;
  }

  /** The error of a call the client threw for, by the SDK's error code or message. */
  static from(tool: string, thrown: unknown): McpToolError {
    const code = (thrown as { code?: unknown } | null)?.code;
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    if (code === CONNECTION_CLOSED || /not connected|connection closed/i.test(text)) {
      return new McpToolError(tool, 'connection-closed', `lost its server: ${text}`, {
        cause: thrown,
      });
    }
    if (code === REQUEST_TIMEOUT) {
      return new McpToolError(tool, 'timeout', `timed out: ${text}`, { cause: thrown });
    }
    return new McpToolError(tool, 'protocol', `failed: ${text}`, { cause: thrown });
  }
}
