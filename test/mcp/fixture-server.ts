// An MCP server over stdio, made with the official SDK, for test/mcp: a shop's tools with
// annotations, a tool that reports an error, one that throws, one that kills the server in the
// middle of a call, and one that waits until the call is cancelled (and says so on stderr).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'shop-mcp', version: '1.0.0' });
const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

server.registerTool(
  'get_order',
  {
    description: 'Look up a shop order by id, with its status.',
    inputSchema: { orderId: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ orderId }) => text(JSON.stringify({ orderId, status: 'shipped' })),
);

server.registerTool(
  'send_email',
  {
    description: 'Send an email to a customer.',
    inputSchema: { to: z.string(), body: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  },
  async ({ to }) => text(`sent to ${to}`),
);

server.registerTool(
  'search_web',
  {
    title: 'Web search',
    inputSchema: { query: z.string() },
    outputSchema: { results: z.array(z.string()) },
    annotations: { readOnlyHint: true },
  },
  async ({ query }) => ({
    ...text(`1 result for ${query}`),
    structuredContent: { results: [`A page about ${query}`] },
  }),
);

server.registerTool(
  'get_stock',
  { description: 'Stock of a product.', inputSchema: { sku: z.string() } },
  async () => ({ isError: true, ...text('orders DB is down (ECONNREFUSED 10.0.0.5:5432)') }),
);

server.registerTool(
  'get_invoice',
  { description: 'An invoice by number.', inputSchema: { number: z.string() } },
  async () => {
    throw new Error('invoice service exploded');
  },
);

server.registerTool(
  'crash',
  { description: 'Kills this server in the middle of the call.', inputSchema: {} },
  async () => {
    setTimeout(() => process.exit(1), 10);
    return new Promise<never>(() => {});
  },
);

server.registerTool(
  'wait',
  { description: 'Waits until the call is cancelled.', inputSchema: {} },
  async (_args, extra) =>
    new Promise<never>((_resolve, reject) => {
      extra.signal.addEventListener('abort', () => {
        process.stderr.write('wait: cancelled\n');
        reject(new Error('cancelled'));
      });
    }),
);

await server.connect(new StdioServerTransport());
