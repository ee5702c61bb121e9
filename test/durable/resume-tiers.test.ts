import { createTierup, defineTool, type RoutedRunResult } from 'tierup';
import { memoryJournal } from 'tierup/durable';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { atDirect, escalatingModel, failure } from '../escalating-run.ts';
import { getOrder } from '../executors/team-model.ts';

const summary = (result: RoutedRunResult<unknown>) => ({
  output: result.output,
  tier: result.tier,
  escalations: result.escalations.map((e) => [e.from, e.to]),
  calls: result.usage.calls,
});

describe('durable runs on every tier', () => {
  it('replays an escalation: the direct tier’s call and the agent tier’s first call are not made again', async () => {
    const journal = memoryJournal();
    const baseline = await createTierup({ model: escalatingModel(), tools: [getOrder] }).run(
      atDirect,
    );
    const first = createTierup({ model: escalatingModel(), tools: [getOrder], journal });
    const stop = new AbortController();
    let ended = 0;
    await failure(
      first.run(atDirect, {
        runId: 'e1',
        signal: stop.signal,
        onModelCall: () => {
          if (++ended === 2) stop.abort(new Error('stopped'));
        },
      }),
    );
    const keys = [...((await journal.read('e1'))?.entries.keys() ?? [])].sort();
    expect(keys).toEqual(['agent/agent/model:1', 'direct/direct/model:1', 'run/decision']);
    const model = escalatingModel();
    const resumed = await createTierup({ model, tools: [getOrder], journal }).resume('e1');
    expect(summary(resumed)).toEqual(summary(baseline));
    // The agent's tool call had not finished: it runs; then its answer is the one call made.
    expect(model.calls).toHaveLength(1);
  });

  it('does not ask the approver again for a call the journal holds', async () => {
    const journal = memoryJournal();
    const guarded = defineTool({ ...getOrder, needsApproval: true });
    const asked: string[] = [];
    const approve = async ({ tool }: { tool: string }) => {
      asked.push(tool);
      return true;
    };
    const stop = new AbortController();
    const first = createTierup({ model: escalatingModel(), tools: [guarded], journal });
    const task = { ...atDirect, hints: { tier: 'agent' as const } };
    const onToolCall = () => stop.abort(new Error('stopped'));
    await failure(first.run(task, { runId: 'a1', signal: stop.signal, approve, onToolCall }));
    expect(asked).toEqual(['get_order']);
    const resumed = await createTierup({
      model: escalatingModel(),
      tools: [guarded],
      journal,
    }).resume('a1', { approve });
    expect(resumed.output).toBe('Order 30418 has shipped.');
    expect(asked).toEqual(['get_order']);
    expect(resumed.audit.map((entry) => entry.decision)).toEqual(['approved']);
  });

  it('journals a streamed run, and resumes it without a call', async () => {
    const journal = memoryJournal();
    const tierup = createTierup({ model: escalatingModel(), tools: [getOrder], journal });
    let text = '';
    for await (const event of tierup.stream(atDirect, { runId: 's1' })) {
      if (event.type === 'text-delta') text += event.delta;
    }
    expect(text).toBe('Order 30418 has shipped.');
    const model = escalatingModel();
    const resumed = await createTierup({ model, tools: [getOrder], journal }).resume('s1');
    expect(resumed.output).toBe(text);
    expect(model.calls).toHaveLength(0);
  });

  it('resumes a run with an output schema given again', async () => {
    const journal = memoryJournal();
    const output = z.object({ status: z.string() });
    const tierup = createTierup({
      model: scriptedModel(JSON.stringify({ status: 'shipped' })),
      journal,
    });
    const task = { input: 'Status of order 30418?', output, hints: { tier: 'direct' as const } };
    const done = await tierup.run(task, { runId: 'o1', settings: { temperature: 0 } });
    expect((await journal.read('o1'))?.run.options).toEqual({ settings: { temperature: 0 } });
    expect(await tierup.resume('o1').catch((e: unknown) => e)).toMatchObject({ field: 'output' });
    const model = scriptedModel('unused');
    const resumed = await createTierup({ model, journal }).resume('o1', { output });
    expect(resumed.output).toEqual(done.output);
    expect(model.calls).toHaveLength(0);
  });
});
