import { createTierup, InvalidConfigError, type RoutedRunResult } from 'tierup';
import { InDoubtError, memoryJournal, type RunJournal } from 'tierup/durable';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { failure } from '../escalating-run.ts';
import { type Effect, TEAM_TASK, teamTools } from './durable-team.ts';
import { scriptedTeam } from './scripted-team.ts';

/** What must be the same after a resume as after an uninterrupted run. */
const outcome = (result: RoutedRunResult<string>) => ({
  output: result.output,
  tier: result.tier,
  usage: {
    calls: result.usage.calls,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
  },
  toolErrors: result.toolErrors,
  audit: result.audit.map((entry) => [entry.agent, entry.tool, entry.decision]).sort(),
});

/** A tierup over the team's script, with a journal and a log of side effects. */
function team(
  journal: RunJournal,
  options: { refundMs?: number; idempotentRefund?: boolean } = {},
) {
  const effects: Effect[] = [];
  const model = scriptedTeam();
  const tools = teamTools({ ...options, onEffect: (effect) => effects.push(effect) });
  return { tierup: createTierup({ model, tools, journal }), model, effects };
}

async function uninterrupted() {
  const { tierup, model, effects } = team(memoryJournal());
  const result = await tierup.run(TEAM_TASK);
  return { result, calls: model.calls.length, effects };
}

describe('resuming a durable run (memoryJournal, one process)', () => {
  it('replays what the journal holds: no model call is made again, no tool runs again', async () => {
    const baseline = await uninterrupted();
    expect(baseline.result.tier).toBe('multi-agent');
    expect(baseline.effects.map((e) => e.tool).sort()).toEqual(['refund_payment', 'send_email']);

    const journal = memoryJournal();
    const first = team(journal);
    const stop = new AbortController();
    let ended = 0;
    const stopped = await failure(
      first.tierup.run(TEAM_TASK, {
        runId: 'run-1',
        signal: stop.signal,
        // Stops the run once four model calls have answered (the plan, and three more).
        onModelCall: () => {
          if (++ended === 4) stop.abort(new Error('the process stopped'));
        },
      }),
    );
    expect(stopped.code).toBe('aborted');
    const read = await journal.read('run-1');
    const journaled = [...(read?.entries.values() ?? [])].filter((e) => e.type === 'model').length;
    expect(journaled).toBeGreaterThanOrEqual(4);
    expect(journaled).toBeLessThan(baseline.calls);

    const second = team(journal);
    const resumed = await second.tierup.resume<string>('run-1');
    expect(outcome(resumed)).toEqual(outcome(baseline.result));
    // Only the calls the journal did not hold were made.
    expect(second.model.calls.length).toBe(baseline.calls - journaled);
    // Each side effect ran once in all, in one process or the other.
    const effects = [...first.effects, ...second.effects].map((e) => e.tool).sort();
    expect(effects).toEqual(['refund_payment', 'send_email']);
    expect((await journal.read('run-1'))?.end?.status).toBe('finished');

    // Resuming a finished run gives its result again without a call.
    const third = team(journal);
    expect(outcome(await third.tierup.resume<string>('run-1'))).toEqual(outcome(baseline.result));
    expect(third.model.calls).toHaveLength(0);
    expect(third.effects).toHaveLength(0);
  });

  it('ends in-doubt, naming the call, when a side-effect tool started and never finished', async () => {
    const journal = memoryJournal();
    const stop = new AbortController();
    const first = team(stopAtStart(journal, 'refund_payment', stop));
    expect(
      (await failure(first.tierup.run(TEAM_TASK, { runId: 'r', signal: stop.signal }))).code,
    ).toBe('aborted');
    expect(first.effects.map((e) => e.tool)).toEqual([]);

    const second = team(journal);
    const error = await failure(second.tierup.resume('r'));
    expect(error).toBeInstanceOf(InDoubtError);
    expect(error).toMatchObject({
      code: 'in-doubt',
      tool: 'refund_payment',
      arguments: { orderId: '30418', amount: 12.5 },
      key: expect.stringMatching(/^multi-agent\/subtask:s2:payments\/tool:1:/),
    });
    // Not called again; and nothing that depends on it ran.
    expect(second.effects).toEqual([]);
    expect(error.partial.runId).toBe('r');
    expect((await journal.read('r'))?.end).toMatchObject({ status: 'failed', code: 'in-doubt' });
  });

  it('calls an idempotent tool again with the idempotency key of its first attempt', async () => {
    const baseline = await uninterrupted();
    const journal = memoryJournal();
    const stop = new AbortController();
    const first = team(stopAtStart(journal, 'refund_payment', stop), { idempotentRefund: true });
    await failure(first.tierup.run(TEAM_TASK, { runId: 'r', signal: stop.signal }));
    const started = [...((await journal.read('r'))?.entries.values() ?? [])].find(
      (entry) => entry.type === 'tool-started',
    );
    expect(started).toMatchObject({ tool: 'refund_payment', idempotencyKey: expect.any(String) });

    const second = team(journal, { idempotentRefund: true });
    const resumed = await second.tierup.resume<string>('r');
    expect(outcome(resumed)).toEqual(outcome(baseline.result));
    const refund = second.effects.find((e) => e.tool === 'refund_payment');
    expect(refund?.idempotencyKey).toBe(
      started?.type === 'tool-started' ? started.idempotencyKey : 'none',
    );
  });

  it('refuses a new run under an id the journal holds, and a resume of a run it does not', async () => {
    const journal = memoryJournal();
    const { tierup } = team(journal);
    await tierup.run(TEAM_TASK, { runId: 'once' });
    const again = await tierup.run(TEAM_TASK, { runId: 'once' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(InvalidConfigError);
    expect(again).toMatchObject({ field: 'runId' });
    const unknown = await tierup.resume('never').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ field: 'runId' });
    const plain = createTierup({ model: scriptedTeam() });
    expect(await plain.resume('once').catch((e: unknown) => e)).toMatchObject({ field: 'journal' });
  });

  it("asks for the task's own tools and output schema again", async () => {
    const journal = memoryJournal();
    const model = scriptedTeam();
    const tools = teamTools({ onEffect: () => {} });
    const tierup = createTierup({ model, journal });
    await tierup.run({ ...TEAM_TASK, tools }, { runId: 'own' });
    expect(await tierup.resume('own').catch((e: unknown) => e)).toMatchObject({ field: 'tools' });
    const resumed = await tierup.resume<string>('own', { tools });
    expect(resumed.output).toMatch(/^Done\./);
  });
});

describe('a model call that failed', () => {
  /** The team's script, the commerce specialist's calls failing while `failing` is set. */
  const flaky = (state: { failing: boolean }) =>
    scriptedTeam(
      (request) => state.failing && (request.system ?? '').includes('commerce specialist'),
    );

  it('is replayed as the same failure, so a resumed run goes the way the first one went', async () => {
    const journal = memoryJournal();
    const effects: Effect[] = [];
    const tools = teamTools({ onEffect: (effect) => effects.push(effect) });
    const first = await createTierup({ model: flaky({ failing: true }), tools, journal }).run(
      TEAM_TASK,
      { runId: 'f1' },
    );
    // The lookup failed, so the email that depends on it was not sent.
    expect(effects.map((e) => e.tool)).toEqual(['refund_payment']);
    const entries = (await journal.read('f1'))?.entries;
    expect(entries?.get('multi-agent/subtask:s1:commerce/model:1')).toMatchObject({
      type: 'model-error',
      error: { name: 'Error', message: 'the model is overloaded' },
    });
    // Resumed with a model that would answer now: the failure is replayed, nothing else runs.
    const model = flaky({ failing: false });
    const resumed = await createTierup({ model, tools, journal }).resume<string>('f1');
    expect(resumed.output).toBe(first.output);
    expect(model.calls).toHaveLength(0);
    expect(effects.map((e) => e.tool)).toEqual(['refund_payment']);
  });

  it('is made again when the run it ended is resumed', async () => {
    const journal = memoryJournal();
    const failing = createTierup({ model: scriptedModel(new Error('down')), journal });
    const error = await failure(failing.run('Say hello.', { runId: 'f2' }));
    expect(error.code).toBe('run-failed');
    const model = scriptedModel('Hello.');
    const resumed = await createTierup({ model, journal }).resume('f2');
    expect(resumed.output).toBe('Hello.');
    expect(model.calls).toHaveLength(1);
  });
});

/** A journal that stops the run once a side-effect tool's start is written, before it runs. */
function stopAtStart(journal: RunJournal, tool: string, stop: AbortController): RunJournal {
  return {
    ...journal,
    async write(runId, key, entry) {
      await journal.write(runId, key, entry);
      if (entry.type === 'tool-started' && entry.tool === tool) stop.abort(new Error('crashed'));
    },
  };
}
