import { setTimeout as sleep } from 'node:timers/promises';
import { agentExecutor, defineTool, GuardrailTripped, RunAbortedError } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

describe('a run that stops', () => {
  it('does not run a tool whose approval came after the abort', async () => {
    let paid = 0;
    const pay = defineTool({
      name: 'pay',
      sideEffects: true,
      needsApproval: true,
      input: z.object({}),
      run: () => {
        paid++;
        return 'paid';
      },
    });
    const model = scriptedModel([{ toolCalls: [{ name: 'pay', arguments: {} }] }, 'Done.']);
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const running = agentExecutor({ model, tools: [pay] }).run('Pay it.', {
      signal: controller.signal,
      approve: async ({ signal }) => {
        seen = signal;
        await sleep(60);
        return true;
      },
    });
    await sleep(10);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(RunAbortedError);
    await sleep(80);
    expect(paid).toBe(0);
    expect(seen?.aborted).toBe(true);
  });

  it('aborts the other tool calls of a turn when one stops the run', async () => {
    let sibling: AbortSignal | undefined;
    const slow = defineTool({
      name: 'slow',
      input: z.object({}),
      run: async (_, { signal }) => {
        sibling = signal;
        await sleep(5_000, undefined, { signal });
      },
    });
    const send = defineTool({
      name: 'send',
      sideEffects: true,
      input: z.object({}),
      run: () => 'sent',
    });
    const model = scriptedModel({
      toolCalls: [
        { name: 'slow', arguments: {} },
        { name: 'send', arguments: {} },
      ],
    });
    const error = await agentExecutor({ model, tools: [slow, send] })
      .run('Both.', { guardrails: { toolCall: (_, { tool }) => tool !== 'send' || 'no sending' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardrailTripped);
    expect(sibling?.aborted).toBe(true);
    const audit = (error as GuardrailTripped).partial?.audit ?? [];
    expect(audit.map((e) => `${e.tool}:${e.decision}`).sort()).toEqual([
      'send:guardrail-tripped',
      'slow:allowed',
    ]);
  });
});
