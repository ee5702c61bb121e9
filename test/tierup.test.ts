import {
  createRouter,
  createTierup,
  defineTool,
  EscalationRequired,
  fromFunction,
  InvalidConfigError,
  InvalidTaskError,
  ProviderError,
  RunError,
  type RunEvent,
} from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id, with its status and shipping.',
  domain: 'commerce',
  sensitiveData: true,
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId, status: 'shipped' }),
});

/** Escalates on the direct tier; looks the order up on the agent tier. */
function escalatingModel(directInputTokens = 10) {
  return scriptedModel((request) => {
    if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) {
      return {
        toolCalls: [
          { name: ESCALATE_TOOL, arguments: { reason: 'needs the order', tool: 'get_order' } },
        ],
        usage: { inputTokens: directInputTokens },
      };
    }
    if (request.tools?.length && request.messages.at(-1)?.role === 'user') {
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    }
    return 'Order 30418 has shipped.';
  });
}

const atDirect = { input: 'Where is order 30418?', hints: { tier: 'direct' as const } };

describe('createTierup', () => {
  it('routes and runs a request on the lowest tier that meets it', async () => {
    const model = scriptedModel('4');
    const tierup = createTierup({ model, tools: [getOrder] });
    expect(tierup.route('What is 2 + 2?').tier).toBe('direct');
    const result = await tierup.run('What is 2 + 2?');
    expect(result).toMatchObject({ output: '4', tier: 'direct', escalations: [] });
    expect(result.decision.tier).toBe('direct');
    expect(result.trace.map((s) => s.type).slice(0, 3)).toEqual(['run', 'tier', 'agent']);
  });

  it('escalates from direct to agent, telling the agent what the direct tier tried', async () => {
    const model = escalatingModel();
    const result = await createTierup({ model, tools: [getOrder] }).run(atDirect);
    expect(result.tier).toBe('agent');
    expect(result.output).toBe('Order 30418 has shipped.');
    expect(result.escalations).toEqual([
      {
        from: 'direct',
        to: 'agent',
        cause: {
          type: 'tool-unavailable',
          tool: 'get_order',
          message: 'needs the tool `get_order`: needs the order',
        },
        summary: "The direct tier's model needed the tool `get_order`: needs the order",
      },
    ]);
    expect(model.calls[1]?.system).toContain("The direct tier's model needed the tool `get_order`");
    expect(Object.keys(result.usage.byTier)).toEqual(['direct', 'agent']);
    const tiers = result.trace.filter((s) => s.type === 'tier');
    expect(tiers.map((s) => [s.name, s.status])).toEqual([
      ['direct', 'escalated'],
      ['agent', 'ok'],
    ]);
    const agents = result.trace.filter((s) => s.type === 'agent');
    expect(agents.map((s) => [s.name, s.status])).toEqual([
      ['direct', 'escalated'],
      ['agent', 'ok'],
    ]);
  });

  it('reports the escalation in the stream', async () => {
    const events: RunEvent[] = [];
    for await (const event of createTierup({ model: escalatingModel(), tools: [getOrder] }).stream(
      atDirect,
    )) {
      events.push(event);
    }
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('tier-decided');
    expect(types).toContain('tier-escalated');
    expect(types.at(-1)).toBe('run-finish');
    expect(types.indexOf('tier-escalated')).toBeLessThan(types.lastIndexOf('agent-start'));
  });

  it('escalates when the accept check rejects the output', async () => {
    const model = scriptedModel((request) =>
      request.system?.includes('using the tools') ? 'A precise answer.' : 'A vague answer.',
    );
    const result = await createTierup({
      model,
      accept: ({ output }) => output !== 'A vague answer.' || 'too vague',
    }).run({ input: 'Explain it.', hints: { tier: 'direct' } });
    expect(result.output).toBe('A precise answer.');
    expect(result.escalations[0]?.cause).toEqual({ type: 'rejected', message: 'too vague' });
  });

  it('throws EscalationRequired with the partial run when no tier is left', async () => {
    const model = scriptedModel('A vague answer.');
    const tierup = createTierup({ model, maxTier: 'agent', accept: () => false });
    const error = await tierup
      .run({ input: 'Explain it.', hints: { tier: 'direct' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    const { partial } = error as EscalationRequired;
    expect(partial?.tier).toBe('agent');
    expect(partial?.escalations.map((e) => `${e.from}>${e.to}`)).toEqual(['direct>agent']);
    expect(partial?.output).toBe('A vague answer.');
    expect(partial?.usage.calls).toBe(2);
  });

  it('does not escalate on other errors', async () => {
    const failure = new ProviderError('Unauthorized', { statusCode: 401, isRetryable: false });
    const model = { ...scriptedModel('x'), generate: () => Promise.reject(failure) };
    const error = await createTierup({ model, tools: [getOrder] })
      .run(atDirect)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect((error as RunError).cause).toBe(failure);
    expect((error as RunError).partial?.escalations).toEqual([]);
  });

  it('keeps a session on the highest tier it reached with escalation: sticky', async () => {
    const model = escalatingModel();
    const sticky = createTierup({ model, tools: [getOrder], escalation: 'sticky' });
    await sticky.run(atDirect, { sessionId: 'chat-1' });
    const again = await sticky.run(atDirect, { sessionId: 'chat-1' });
    expect(again.tier).toBe('agent');
    expect(again.escalations).toEqual([]);
    const other = await sticky.run(atDirect, { sessionId: 'chat-2' });
    expect(other.escalations).toHaveLength(1);
    const perRequest = createTierup({ model, tools: [getOrder] });
    await perRequest.run(atDirect, { sessionId: 'chat-1' });
    expect((await perRequest.run(atDirect, { sessionId: 'chat-1' })).escalations).toHaveLength(1);
  });

  it('uses per-tier models, and a function as the direct tier’s model', async () => {
    const prompts: string[] = [];
    const direct = fromFunction(async (prompt) => {
      prompts.push(prompt);
      return 'From my existing call.';
    });
    const strong = scriptedModel('From the strong model.', { modelId: 'strong' });
    const tierup = createTierup({ model: strong, models: { direct }, instructions: 'Be brief.' });
    const result = await tierup.run('Say hi.');
    expect(result.output).toBe('From my existing call.');
    expect(prompts[0]).toMatch(/^Be brief\.\n\n.*\n\nSay hi\.$/s);
    expect(strong.calls).toHaveLength(0);
    expect(result.usage.byModel['function/function']?.costUsd).toBeNull();
    // Its tokens are counted from characters: the totals say they are an estimate.
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.byModel['function/function']?.estimated).toBe(true);
    expect(result.trace.find((s) => s.type === 'model-call')?.usage?.estimated).toBe(true);
    const measured = await createTierup({ model: strong }).run('Say hi.');
    expect(measured.usage.estimated).toBeUndefined();
  });

  it('lets a wrapped function hand the request up with an ESCALATE line', async () => {
    const prompts: string[] = [];
    const direct = fromFunction(async (prompt) => {
      prompts.push(prompt);
      return 'ESCALATE: the order status, from get_order';
    });
    const result = await createTierup({
      model: escalatingModel(),
      models: { direct },
      tools: [getOrder],
    }).run(atDirect);
    expect(prompts[0]).toMatch(/reply with one line and nothing else: ESCALATE:/);
    expect(result.tier).toBe('agent');
    expect(result.output).toBe('Order 30418 has shipped.');
    expect(result.escalations[0]?.cause).toMatchObject({
      type: 'tool-unavailable',
      tool: 'get_order',
    });
    // An answer that merely mentions the word is an answer.
    const answering = fromFunction(async () => 'Our policy: we ESCALATE: nothing. 30 days.');
    const kept = await createTierup({
      model: escalatingModel(),
      models: { direct: answering },
      tools: [getOrder],
    }).run(atDirect);
    expect(kept.tier).toBe('direct');
  });

  it('shares budgets across the tiers of one run', async () => {
    const model = escalatingModel(6_000);
    const result = await createTierup({ model, tools: [getOrder] }).run(atDirect, {
      maxTokens: 10_000,
    });
    const limits = model.calls.map((r) => r.settings?.maxOutputTokens ?? Infinity);
    expect(limits[0]).toBeGreaterThan(9_000);
    expect(limits[1]).toBeLessThan(4_000); // the agent tier gets what the direct tier left
    expect(result.usage.inputTokens + result.usage.outputTokens).toBeLessThanOrEqual(10_000);
    const error = await createTierup({ model: escalatingModel(6_000), tools: [getOrder] })
      .run(atDirect, { maxTokens: 6_000 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ budget: 'maxTokens', partial: { tier: 'agent' } });
  });

  it('names the option at fault', () => {
    const model = scriptedModel('x');
    const field = (options: unknown) => {
      try {
        createTierup(options as Parameters<typeof createTierup>[0]);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigError);
        return (error as InvalidConfigError).field;
      }
      return 'no error';
    };
    expect(field({})).toBe('model');
    expect(field({ model, thresholds: { parallelism: 1.4 } })).toBe('thresholds.parallelism');
    expect(field({ model, models: { agnet: model } })).toBe('models.agnet');
    expect(field({ model, models: { agent: {} } })).toBe('models.agent');
    expect(field({ model, tools: [getOrder, getOrder] })).toBe('tools[1].name');
    expect(field({ model, tools: [{ name: 'x' }] })).toBe('tools[0]');
    expect(field({ model, escalation: 'always' })).toBe('escalation');
    expect(field({ model, budgets: { timeoutMs: 0 } })).toBe('budgets.timeoutMs');
    expect(field({ model: fromFunction(async () => '') })).toBe('model');
    expect(field({ model, models: { specialist: fromFunction(async () => '') } })).toBe(
      'models.specialist',
    );
    expect(field({ model, specialists: [{ name: 'a b', description: 'x' }] })).toBe(
      'specialists[0].name',
    );
    expect(field({ model, specialists: [{ name: 'legal', description: '' }] })).toBe(
      'specialists[0].description',
    );
    expect(
      field({
        model,
        specialists: [{ name: 'legal', description: 'Law.', model: fromFunction(async () => '') }],
      }),
    ).toBe('specialists[0].model');
    expect(field({ model: fromFunction(async () => ''), maxTier: 'direct' })).toBe('no error');
  });

  it('refuses a task field it does not know at every public entry, naming it', async () => {
    const model = scriptedModel('"Hello."');
    const tierup = createTierup({ model, tools: [getOrder] });
    const typo = { inptu: 'Where is order 30418?' } as never;
    const refused = expect.objectContaining({
      name: 'InvalidTaskError',
      field: 'inptu',
      message: 'Invalid task: `inptu` is not a task field (did you mean `input`?)',
    });
    await expect(tierup.run(typo)).rejects.toThrow(InvalidTaskError);
    await expect(tierup.run(typo)).rejects.toEqual(refused);
    const streamed = (async () => {
      for await (const _ of tierup.stream(typo));
    })();
    await expect(streamed).rejects.toEqual(refused);
    expect(() => tierup.route(typo)).toThrow(refused);
    expect(() => createRouter().route(typo)).toThrow(refused);
    await expect(tierup.router.routeAssisted(typo, { model })).rejects.toEqual(refused);
    // Every field of a run task is known: none of them is refused.
    const full = {
      input: 'Say hello.',
      tools: [],
      hints: { maxTier: 'direct' as const },
      history: [],
      instructions: 'Be brief.',
      output: z.string(),
    };
    expect((await tierup.run(full)).output).toBe('Hello.');
    expect(model.calls).toHaveLength(1);
  });
});
