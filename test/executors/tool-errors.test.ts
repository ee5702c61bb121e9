import {
  agentExecutor,
  createTierup,
  defineTool,
  EscalationRequired,
  type ModelRequest,
  type RunEvent,
  type TierupOptions,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userExecutor } from './user-executor.ts';

const down = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: () => {
    throw new Error('orders DB is down (ECONNREFUSED 10.0.0.5:5432)');
  },
});

const callsGetOrder = () =>
  scriptedModel([
    { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] },
    'The order system is down; please try later.',
  ]);

/** The tool messages the model received on a call. */
function toolResults(request: ModelRequest | undefined) {
  return (request?.messages ?? []).flatMap((m) => (m.role === 'tool' ? [m] : []));
}

describe('a tool that fails', () => {
  it('reaches the model through toolErrorMessage, which the result does not hide', async () => {
    const seen: Parameters<NonNullable<TierupOptions['toolErrorMessage']>>[0][] = [];
    const model = callsGetOrder();
    const result = await agentExecutor({
      model,
      tools: [down],
      toolErrorMessage: (failure) => {
        seen.push(failure);
        return 'the order service is unavailable';
      },
    }).run('Where is order 30418?');
    expect(toolResults(model.calls[1])[0]?.content).toBe(
      'Tool `get_order` failed: the order service is unavailable',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      tool: 'get_order',
      agent: 'agent',
      message: 'Error: orders DB is down (ECONNREFUSED [address])',
    });
    expect(String(seen[0]?.error)).toContain('10.0.0.5:5432');
    expect(result.toolErrors).toEqual([
      expect.objectContaining({
        type: 'failed',
        message: 'Tool `get_order` failed: the order service is unavailable',
        error: 'Error: orders DB is down (ECONNREFUSED 10.0.0.5:5432)',
      }),
    ]);
  });

  it('tells the model nothing of the error when toolErrorMessage throws', async () => {
    const model = callsGetOrder();
    const result = await agentExecutor({
      model,
      tools: [down],
      toolErrorMessage: () => {
        throw new Error('hook broke');
      },
    }).run('Where is order 30418?');
    const told = toolResults(model.calls[1])[0]?.content;
    expect(told).toBe('Tool `get_order` failed: the tool failed (no detail is given)');
    expect(result.toolErrors[0]?.message).toBe(told);
  });

  it('lists every kind of failed call: invalid, denied, not approved, timed out', async () => {
    const slow = defineTool({
      name: 'slow',
      input: z.object({}),
      run: (_, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        ),
    });
    const pay = defineTool({
      name: 'pay',
      sideEffects: true,
      input: z.object({ amount: z.number() }),
      needsApproval: true,
      run: () => 'paid',
    });
    const model = scriptedModel([
      {
        toolCalls: [
          { name: 'nope', arguments: {} },
          { name: 'pay', arguments: { amount: 'ten' } },
          { name: 'pay', arguments: { amount: 10 } },
          { name: 'slow', arguments: {} },
        ],
      },
      'Could not do it.',
    ]);
    const result = await agentExecutor({ model, tools: [slow, pay] }).run('Pay 10.', {
      toolTimeoutMs: 20,
    });
    expect(result.toolErrors.map((e) => [e.type, e.tool])).toEqual([
      ['invalid', 'nope'],
      ['invalid', 'pay'],
      ['not-approved', 'pay'],
      ['timed-out', 'slow'],
    ]);
    expect(result.toolErrors.map((e) => e.message)).toEqual(
      toolResults(model.calls[1]).map((m) => m.content),
    );
    expect(result.toolErrors.every((e) => e.error === undefined)).toBe(true);
  });

  it('is in the partial run of a run that then fails', async () => {
    const model = scriptedModel({
      toolCalls: [{ name: 'get_order', arguments: { orderId: '1' } }],
    });
    const error = await agentExecutor({ model, tools: [down] })
      .run('Where is order 1?', { maxSteps: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    expect((error as EscalationRequired).partial.toolErrors.map((e) => e.type)).toEqual([
      'failed',
      'failed',
    ]);
  });

  it('streams only what the model was told', async () => {
    const events: RunEvent[] = [];
    for await (const event of agentExecutor({ model: callsGetOrder(), tools: [down] }).stream(
      'Where is order 30418?',
    )) {
      events.push(event);
    }
    const end = events.find((e) => e.type === 'tool-call-end');
    expect(end).toMatchObject({ isError: true });
    expect(JSON.stringify(events.filter((e) => e.type !== 'run-finish'))).not.toContain('10.0.0.5');
  });

  it("joins a user executor's tool errors to the run, pointing at their spans in its trace", async () => {
    const model = callsGetOrder();
    const agent = userExecutor({ model, tools: [down] });
    const result = await createTierup({ model, tools: [down], executors: { agent } }).run({
      input: 'Where is order 30418?',
      hints: { tier: 'agent' },
    });
    expect(result.tier).toBe('agent');
    expect(result.toolErrors).toHaveLength(1);
    const span = result.trace.find((s) => s.id === result.toolErrors[0]?.spanId);
    expect(span).toMatchObject({ type: 'tool-call', name: 'get_order', status: 'error' });
    const audited = result.trace.find((s) => s.id === result.audit[0]?.spanId);
    expect(audited?.type).toBe('tool-call');
  });
});

describe('an accept check', () => {
  it("gets the tier's tool errors, and can send an answer written around them up", async () => {
    const model = scriptedModel((request) => {
      const results = toolResults(request);
      if (results.length > 0) return 'It may have shipped.';
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    });
    // The tier above: an executor of the user's that answers from a working system.
    const team = agentExecutor({ model: scriptedModel('Order 30418 has shipped.') });
    const seen: number[] = [];
    const result = await createTierup({
      model,
      tools: [down],
      accept: ({ toolErrors }) => {
        seen.push(toolErrors.length);
        return toolErrors.length === 0 || 'a tool failed';
      },
      executors: {
        'multi-agent': { tier: 'multi-agent', run: team.run, stream: team.stream },
      },
    }).run({ input: 'Where is order 30418?', hints: { tier: 'agent' } });
    expect(seen).toEqual([1, 0]);
    expect(result.tier).toBe('multi-agent');
    expect(result.output).toBe('Order 30418 has shipped.');
    expect(result.escalations[0]?.cause).toEqual({ type: 'rejected', message: 'a tool failed' });
    // The agent tier's failure stays on the result.
    expect(result.toolErrors.map((e) => [e.tier, e.type])).toEqual([['agent', 'failed']]);
  });
});
