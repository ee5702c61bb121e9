import { setTimeout as sleep } from 'node:timers/promises';
import { agentExecutor, defineTool, EscalationRequired, type ModelRequest } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AT_ONCE_MS } from '../load-bounds.ts';

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  domain: 'commerce',
  input: z.object({ orderId: z.string().regex(/^\d+$/) }),
  run: ({ orderId }) => ({ orderId, status: 'shipped' }),
});

/** The tool messages the model received on its last call. */
function toolResults(request: ModelRequest | undefined) {
  return (request?.messages ?? []).flatMap((m) => (m.role === 'tool' ? [m] : []));
}

describe('agentExecutor', () => {
  it('validates arguments with the tool’s schema and tells the model what was wrong', async () => {
    let ran = 0;
    const tool = defineTool({
      ...getOrder,
      run: (input: { orderId: string }) => {
        ran++;
        return input;
      },
    });
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'abc' } }] },
      { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] },
      'Shipped.',
    ]);
    const result = await agentExecutor({ model, tools: [tool] }).run('Where is order abc?');
    expect(result.output).toBe('Shipped.');
    expect(ran).toBe(1);
    const [invalid, valid] = toolResults(model.calls[2]);
    expect(invalid).toMatchObject({ isError: true, toolName: 'get_order' });
    expect(invalid?.content).toMatch(/Invalid arguments for `get_order`: orderId/);
    expect(valid?.isError).toBeUndefined();
    expect(JSON.parse(valid?.content ?? '')).toEqual({ orderId: '30418' });
    const toolSpans = result.trace.filter((s) => s.type === 'tool-call');
    expect(toolSpans.map((s) => s.status)).toEqual(['error', 'ok']);
  });

  it('tells the model of an unknown tool and of a tool that threw', async () => {
    const broken = defineTool({
      name: 'get_invoice',
      input: z.object({}),
      run: () => {
        throw new Error('database down');
      },
    });
    const model = scriptedModel([
      {
        toolCalls: [
          { name: 'get_refund', arguments: {} },
          { name: 'get_invoice', arguments: {} },
        ],
      },
      'Sorry, I could not look that up.',
    ]);
    const result = await agentExecutor({ model, tools: [getOrder, broken] }).run('Invoice?');
    expect(result.output).toBe('Sorry, I could not look that up.');
    const [unknown, threw] = toolResults(model.calls[1]);
    expect(unknown?.content).toBe(
      'Unknown tool `get_refund`. Tools you can call: get_order, get_invoice.',
    );
    expect(threw?.content).toBe('Tool `get_invoice` failed: Error: database down');
    expect(threw?.isError).toBe(true);
  });

  it('gives a tool its time limit and its signal', async () => {
    let signalled: AbortSignal | undefined;
    const slow = defineTool({
      name: 'slow_lookup',
      input: z.object({}),
      run: async (_, { signal }) => {
        signalled = signal;
        await sleep(15_000, undefined, { signal });
      },
    });
    const model = scriptedModel([{ toolCalls: [{ name: 'slow_lookup', arguments: {} }] }, 'Done.']);
    const started = performance.now();
    const result = await agentExecutor({ model, tools: [slow] }).run('Look it up.', {
      toolTimeoutMs: 30,
    });
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // not the tool's 15 s
    expect(result.output).toBe('Done.');
    expect(signalled?.aborted).toBe(true);
    expect(toolResults(model.calls[1])[0]?.content).toBe(
      'Tool `slow_lookup` timed out after 30 ms.',
    );
  });

  it('runs the tool calls of one turn at once, within maxConcurrency, results in call order', async () => {
    let running = 0;
    let most = 0;
    const lookup = defineTool({
      name: 'lookup',
      input: z.object({ n: z.number() }),
      run: async ({ n }) => {
        running++;
        most = Math.max(most, running);
        await sleep(20 - n);
        running--;
        return n;
      },
    });
    const calls = Array.from({ length: 6 }, (_, n) => ({ name: 'lookup', arguments: { n } }));
    const model = scriptedModel([{ toolCalls: calls }, 'All six.']);
    await agentExecutor({ model, tools: [lookup] }).run('Look up six.', { maxConcurrency: 3 });
    // Three ran at once, and never more: counted, not timed (a busy machine breaks a time bound).
    expect(most).toBe(3);
    expect(toolResults(model.calls[1]).map((m) => m.content)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('stops at maxSteps with EscalationRequired carrying the partial run', async () => {
    const model = scriptedModel({
      toolCalls: [{ name: 'get_order', arguments: { orderId: '1' } }],
    });
    const error = await agentExecutor({ model, tools: [getOrder] })
      .run('Loop forever', { maxSteps: 3 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    const escalation = error as EscalationRequired;
    expect(escalation.cause).toMatchObject({ type: 'max-steps', steps: 3 });
    expect(model.calls).toHaveLength(3);
    expect(escalation.summary).toMatch(/3 model calls.*get_order, get_order, get_order/);
    expect(escalation.partial?.usage.calls).toBe(3);
    expect(escalation.partial?.trace.filter((s) => s.type === 'tool-call')).toHaveLength(3);
  });

  it('offers the tools to the model as JSON Schema from their zod schemas', async () => {
    const model = scriptedModel('No lookup needed.');
    await agentExecutor({ model, tools: [getOrder] }).run('Hello');
    expect(model.calls[0]?.tools?.[0]).toMatchObject({
      name: 'get_order',
      inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } },
    });
  });
});
