import { createTierup, InvalidConfigError, type RunEvent, type TierupRunOptions } from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { getOrder } from './executors/team-model.ts';

/** Guesses on the direct tier, then escalates; looks the order up on the agent tier. */
function guessingModel() {
  return scriptedModel((request) => {
    if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) {
      return {
        text: 'Soon.',
        toolCalls: [{ name: ESCALATE_TOOL, arguments: { reason: 'needs the order' } }],
      };
    }
    if (request.tools?.length && request.messages.at(-1)?.role === 'user') {
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: '30418' } }] };
    }
    return 'Order 30418 has shipped.';
  });
}

async function events(
  tierup: ReturnType<typeof createTierup>,
  task: Parameters<ReturnType<typeof createTierup>['stream']>[0],
  options?: TierupRunOptions,
): Promise<RunEvent<unknown>[]> {
  const out: RunEvent<unknown>[] = [];
  for await (const event of tierup.stream(task, options)) out.push(event);
  return out;
}

const text = (list: readonly RunEvent<unknown>[]) =>
  list.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('');

/** Whether every text delta of `agent` came before that agent's model call ended: live. */
function streamedLive(list: readonly RunEvent<unknown>[], agent: string): boolean {
  const deltas = list.flatMap((e, i) => (e.type === 'text-delta' && e.agent === agent ? [i] : []));
  const ends = list.flatMap((e, i) =>
    e.type === 'model-call-end' && e.agent === agent ? [i] : [],
  );
  return deltas.length > 0 && deltas.every((i) => i < (ends.at(-1) ?? -1));
}

const atDirect = { input: 'When does order 30418 arrive?', hints: { tier: 'direct' as const } };

describe('a stream of a run that escalates', () => {
  it('does not deliver the text of a tier an escalation drops', async () => {
    const tierup = createTierup({ model: guessingModel(), tools: [getOrder], maxTier: 'agent' });
    const list = await events(tierup, atDirect);
    const result = list.at(-1);
    expect(result?.type === 'run-finish' && result.result.tier).toBe('agent');
    expect(text(list)).toBe('Order 30418 has shipped.');
    expect(list.some((e) => e.type === 'text-delta' && e.agent === 'direct')).toBe(false);
    // The last possible tier streams live.
    expect(streamedLive(list, 'agent')).toBe(true);
  });

  it('does not deliver a tier the accept check rejects', async () => {
    const model = scriptedModel((request) =>
      request.tools?.some((t) => t.name === ESCALATE_TOOL) ? 'Soon.' : 'Order 30418 has shipped.',
    );
    const tierup = createTierup({
      model,
      maxTier: 'agent',
      accept: ({ output }) => output !== 'Soon.' || 'too vague',
    });
    const list = await events(tierup, { ...atDirect, tools: [getOrder] });
    expect(list.some((e) => e.type === 'tier-escalated')).toBe(true);
    expect(text(list)).toBe('Order 30418 has shipped.');
  });

  it("delivers a held tier's text once it is kept, in order and before run-finish", async () => {
    const model = scriptedModel('Order 30418 ships tomorrow, from our Lyon warehouse.', {
      chunkSize: 5,
    });
    const list = await events(createTierup({ model, tools: [getOrder] }), atDirect);
    const types = list.map((e) => e.type);
    expect(text(list)).toBe('Order 30418 ships tomorrow, from our Lyon warehouse.');
    expect(list.filter((e) => e.type === 'text-delta').length).toBeGreaterThan(1);
    // Held while the direct tier could still hand the request up, then given whole.
    expect(types.indexOf('text-delta')).toBeGreaterThan(types.indexOf('model-call-end'));
    expect(types.lastIndexOf('text-delta')).toBeLessThan(types.indexOf('run-finish'));
  });

  it('streams live a tier that cannot escalate: no tools offered and no accept check', async () => {
    const model = scriptedModel('Paris is the capital of France.', { chunkSize: 5 });
    const list = await events(createTierup({ model }), 'What is the capital of France?');
    expect(text(list)).toBe('Paris is the capital of France.');
    expect(streamedLive(list, 'direct')).toBe(true);
  });

  it("delivers everything with textDeltas: 'all', the dropped tier's text before tier-escalated", async () => {
    const list = await events(
      createTierup({ model: guessingModel(), tools: [getOrder] }),
      atDirect,
      {
        textDeltas: 'all',
      },
    );
    expect(text(list)).toBe('Soon.Order 30418 has shipped.');
    const types = list.map((e) => e.type);
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('tier-escalated'));
    expect(streamedLive(list, 'direct')).toBe(true);
  });

  it('refuses a textDeltas it does not know, naming it', async () => {
    const tierup = createTierup({ model: guessingModel(), tools: [getOrder] });
    const error = await events(tierup, atDirect, { textDeltas: 'final' as never }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).field).toBe('textDeltas');
  });
});
