import { defineTool, directExecutor, EscalationRequired } from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId }),
});

describe('directExecutor', () => {
  it('makes one call, offering only the escalation tool when the task has tools', async () => {
    const model = scriptedModel('Paris.');
    const result = await directExecutor({ model, tools: [getOrder] }).run('Capital of France?');
    expect(result.output).toBe('Paris.');
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]?.tools?.map((t) => t.name)).toEqual([ESCALATE_TOOL]);
    expect(model.calls[0]?.tools?.[0]?.inputSchema).toMatchObject({
      properties: { tool: { enum: ['get_order'] } },
    });
    expect(model.calls[0]?.system).toMatch(/call `tierup_escalate` instead of answering/);
  });

  it('offers no tool when the task has none', async () => {
    const model = scriptedModel('Paris.');
    await directExecutor({ model }).run('Capital of France?');
    expect(model.calls[0]?.tools).toBeUndefined();
  });

  it('escalates with tool-unavailable when the model names an offered tool', async () => {
    const model = scriptedModel({
      toolCalls: [
        { name: ESCALATE_TOOL, arguments: { reason: 'needs the order', tool: 'get_order' } },
      ],
    });
    const error = await directExecutor({ model, tools: [getOrder] })
      .run('Where is order 30418?')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    expect((error as EscalationRequired).cause).toEqual({
      type: 'tool-unavailable',
      tool: 'get_order',
      message: 'needs the tool `get_order`: needs the order',
    });
  });

  it('escalates with needs-capability when the model names no tool', async () => {
    const model = scriptedModel({
      toolCalls: [{ name: ESCALATE_TOOL, arguments: { reason: 'needs today’s exchange rate' } }],
    });
    const error = await directExecutor({ model, tools: [getOrder] })
      .run('Convert 10 EUR to USD at today’s rate')
      .catch((e: unknown) => e);
    expect((error as EscalationRequired).cause).toEqual({
      type: 'needs-capability',
      message: 'needs today’s exchange rate',
    });
  });

  it('escalates with invalid-output when the repaired output still fails its schema', async () => {
    const model = scriptedModel([{ output: { total: 'ten' } }, 'not json at all']);
    const error = await directExecutor({ model })
      .run({ input: 'Total?', output: z.object({ total: z.number() }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    const escalation = error as EscalationRequired;
    expect(escalation.cause.type).toBe('invalid-output');
    expect(escalation.cause.message).toMatch(/not JSON/);
    expect(escalation.output).toBe('not json at all');
    expect(model.calls).toHaveLength(2);
    expect(model.calls[1]?.messages.at(-1)?.content).toMatch(
      /total: Invalid input: expected number/,
    );
  });

  it('reads JSON in a code fence as the output', async () => {
    const model = scriptedModel('```json\n{"total": 10}\n```');
    const result = await directExecutor({ model }).run({
      input: 'Total?',
      output: z.object({ total: z.number() }),
    });
    expect(result.output).toEqual({ total: 10 });
  });

  it('puts the service’s instructions before its own and keeps the history', async () => {
    const model = scriptedModel('Bonjour.');
    await directExecutor({ model, instructions: 'You are Acme’s assistant.' }).run({
      input: 'And in French?',
      history: [
        { role: 'user', content: 'Say hello.' },
        { role: 'assistant', content: 'Hello.' },
      ],
    });
    const request = model.calls[0];
    expect(request?.system?.startsWith('You are Acme’s assistant.')).toBe(true);
    expect(request?.messages.map((m) => m.content)).toEqual([
      'Say hello.',
      'Hello.',
      'And in French?',
    ]);
  });
});
