import { createTierup, defineTool, InvalidConfigError } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { verdict } from './router/verdict.ts';

const getOrder = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: ({ orderId }) => ({ orderId, status: 'shipped' }),
});

/** Answers on any tier: looks the order up when it holds the tool, else answers directly. */
function answering() {
  return scriptedModel((request) => {
    if (
      request.tools?.some((t) => t.name === 'get_order') &&
      request.messages.at(-1)?.role === 'user'
    ) {
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '1' } }] };
    }
    return 'Done.';
  });
}

describe('createTierup({ routing: { assist, band } })', () => {
  it('lets the assist model settle uncertain signals before the run, and counts its call', async () => {
    const assist = scriptedModel(verdict(true));
    const tierup = createTierup({
      model: answering(),
      tools: [getOrder],
      routing: { assist, band: 0.5 },
    });
    const result = await tierup.run('Say hello.');
    expect(assist.calls).toHaveLength(1);
    expect(result.decision.tier).toBe('agent');
    expect(result.tier).toBe('agent');
    expect(result.usage.byAgent.router?.inputTokens).toBe(120);
  });

  it('makes no call when no signal is uncertain', async () => {
    const assist = scriptedModel(verdict(true));
    const tierup = createTierup({
      model: answering(),
      tools: [getOrder],
      routing: { assist, band: 0 },
    });
    await tierup.run('Say hello.');
    expect(assist.calls).toHaveLength(0);
  });

  it('refuses a band outside [0, 0.5], naming it', () => {
    expect(() => createTierup({ model: answering(), routing: { band: 0.9 } })).toThrow(
      InvalidConfigError,
    );
    expect(() => createTierup({ model: answering(), routing: { band: 0.9 } })).toThrow(
      /routing\.band/,
    );
  });
});
