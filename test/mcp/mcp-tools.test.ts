import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type AnyTool, createTierup, RunAbortedError } from 'tierup';
import { type McpClient, McpToolError, mcpTools } from 'tierup/mcp';
import { scriptedModel } from 'tierup/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runDocExample } from '../doc-example.ts';

const SERVER = fileURLToPath(new URL('./fixture-server.ts', import.meta.url));

// The SDK's own client is an McpClient: a type error here means the SDK changed its shape.
const typed: (client: Client) => McpClient = (client) => client;

let open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.map((client) => client.close()));
  open = [];
});

/** Starts the fixture server as a child process and connects the SDK's client to it over stdio. */
async function connect(): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--experimental-strip-types', '--no-warnings', SERVER],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: 'tierup-test', version: '1.0.0' });
  await client.connect(transport);
  open.push(client);
  return { client, stderr: () => stderr };
}

const byName = (tools: readonly AnyTool[], name: string) => {
  const tool = tools.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool;
};

const noSignal = () => ({ signal: new AbortController().signal });

describe('mcpTools over a real MCP server (stdio)', () => {
  it("maps each tool's annotations to flags, with overrides per tool", async () => {
    const { client } = await connect();
    const tools = await mcpTools(typed(client), {
      overrides: { get_order: { sensitiveData: true, description: 'Our orders.' } },
    });
    const flags = tools.map((t) => [
      t.name,
      t.domain,
      t.sideEffects,
      t.untrustedInput,
      t.openWorld,
      t.sensitiveData,
    ]);
    expect(flags).toEqual([
      ['get_order', 'shop-mcp', false, false, false, true],
      ['send_email', 'shop-mcp', true, true, true, false],
      ['search_web', 'shop-mcp', false, true, true, false],
      ['get_stock', 'shop-mcp', true, true, true, false],
      ['get_invoice', 'shop-mcp', true, true, true, false],
      ['crash', 'shop-mcp', true, true, true, false],
      ['wait', 'shop-mcp', true, true, true, false],
    ]);
    expect(byName(tools, 'get_order').description).toBe('Our orders.');
    expect(byName(tools, 'search_web').description).toBe('Web search');
    const prefixed = await mcpTools(client, { prefix: 'shop_', domain: 'commerce' });
    expect(prefixed.map((t) => [t.name, t.domain])[0]).toEqual(['shop_get_order', 'commerce']);
    await expect(
      mcpTools(client, { overrides: { get_ordr: { sideEffects: false } } }),
    ).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'overrides.get_ordr' }),
    );
  });

  it('calls tools through the client: text, structured content, and checked arguments', async () => {
    const { client } = await connect();
    const tools = await mcpTools(client);
    expect(await byName(tools, 'get_order').run({ orderId: '30418' }, noSignal())).toBe(
      '{"orderId":"30418","status":"shipped"}',
    );
    expect(await byName(tools, 'search_web').run({ query: 'tierup' }, noSignal())).toEqual({
      results: ['A page about tierup'],
    });
    expect(byName(tools, 'get_order').input.safeParse({ orderId: 5 }).success).toBe(false);
  });

  it('runs an agent on the MCP tools, a failing tool read by the model as a failure', async () => {
    const { client } = await connect();
    const model = scriptedModel([
      {
        toolCalls: [
          { name: 'get_order', arguments: { orderId: '30418' } },
          { name: 'get_stock', arguments: { sku: 'A1' } },
          { name: 'get_invoice', arguments: { number: '7' } },
        ],
      },
      'Order 30418 has shipped; stock and invoice are unavailable.',
    ]);
    const tierup = createTierup({ model, tools: await mcpTools(client) });
    const result = await tierup.run({ input: 'Where is order 30418?', hints: { tier: 'agent' } });
    expect(result.output).toBe('Order 30418 has shipped; stock and invoice are unavailable.');
    const calls = result.trace.filter((s) => s.type === 'tool-call');
    expect(calls.map((s) => [s.name, s.status])).toEqual([
      ['get_order', 'ok'],
      ['get_stock', 'error'],
      ['get_invoice', 'error'],
    ]);
    const toolMessages = model.calls[1]?.messages.filter((m) => m.role === 'tool') ?? [];
    expect(toolMessages.map((m) => m.content)).toEqual([
      '{"orderId":"30418","status":"shipped"}',
      expect.stringContaining(
        'McpToolError: MCP tool `get_stock` reported an error: orders DB is down',
      ),
      expect.stringContaining('invoice service exploded'),
    ]);
  });

  it('a server that dies mid-call gives a typed error at once, and so does every later call', async () => {
    const { client } = await connect();
    const tools = await mcpTools(client);
    const crash = byName(tools, 'crash').run({}, noSignal());
    await expect(crash).rejects.toBeInstanceOf(McpToolError);
    await expect(crash).rejects.toMatchObject({ failure: 'connection-closed', tool: 'crash' });
    await expect(
      byName(tools, 'get_order').run({ orderId: '1' }, noSignal()),
    ).rejects.toMatchObject({
      name: 'McpToolError',
      failure: 'connection-closed',
    });
    await expect(mcpTools(client)).rejects.toMatchObject({ failure: 'connection-closed' });
  });

  it('a run whose MCP server dies goes on: the model reads that the tool lost its server', async () => {
    const { client } = await connect();
    const model = scriptedModel([
      { toolCalls: [{ name: 'crash', arguments: {} }] },
      'The order service is down; try again later.',
    ]);
    const tierup = createTierup({ model, tools: await mcpTools(client) });
    const result = await tierup.run({ input: 'Where is order 30418?', hints: { tier: 'agent' } });
    expect(result.output).toBe('The order service is down; try again later.');
    expect(model.calls[1]?.messages.at(-1)?.content).toContain('lost its server');
  });

  it("passes the run's signal: an abort cancels the call on the server", async () => {
    const { client, stderr } = await connect();
    const controller = new AbortController();
    const model = scriptedModel([{ toolCalls: [{ name: 'wait', arguments: {} }] }]);
    const tierup = createTierup({
      model,
      tools: await mcpTools(client),
      onToolCall: () => {},
    });
    const run = tierup.run(
      { input: 'Wait.', hints: { tier: 'agent' } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('user left')), 200);
    await expect(run).rejects.toBeInstanceOf(RunAbortedError);
    await expect.poll(stderr, { timeout: 5_000 }).toContain('wait: cancelled');
  });

  it('gives up on a call after timeoutMs with a typed error', async () => {
    const { client } = await connect();
    const tools = await mcpTools(client, { timeoutMs: 150 });
    await expect(byName(tools, 'wait').run({}, noSignal())).rejects.toMatchObject({
      name: 'McpToolError',
      failure: 'timeout',
    });
  });
});

describe('docs/mcp.md', () => {
  it('has an example that runs as written and prints what its comments say', async () => {
    const { printed, expected } = await runDocExample('docs/mcp.md', '## An example that runs');
    expect(expected).toHaveLength(3);
    expect(printed).toEqual(expected);
  });
});
