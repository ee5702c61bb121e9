import {
  agentExecutor,
  BudgetExceededError,
  createTierup,
  InvalidConfigError,
  type Lifecycle,
  type LifecycleEvent,
} from 'tierup';
import { ESCALATE_TOOL, scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { runDocExample } from './doc-example.ts';
import { atDirect, escalatingModel, failure } from './escalating-run.ts';
import { getOrder } from './executors/team-model.ts';

/** A lifecycle that records every event it is told, tagged with `tag`. */
function recorder(tag: string, log: string[], events: Record<string, unknown[]>) {
  const keep =
    <K extends keyof Lifecycle>(name: K) =>
    (event: LifecycleEvent<K>) => {
      log.push(`${tag}:${name}`);
      events[name] = [...(events[name] ?? []), event];
    };
  return {
    onModelCall: keep('onModelCall'),
    onToolCall: keep('onToolCall'),
    onEscalation: keep('onEscalation'),
    onFinish: keep('onFinish'),
  } satisfies Lifecycle;
}

describe('lifecycle callbacks', () => {
  it("tell each model call, tool call, escalation and the end, with the run's id", async () => {
    const log: string[] = [];
    const events: Record<string, unknown[]> = {};
    const tierup = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      ...recorder('app', log, events),
    });
    const result = await tierup.run(atDirect);
    expect(result.tier).toBe('agent');
    expect(result.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.callbackErrors).toEqual([]);
    expect(log).toEqual([
      'app:onModelCall',
      'app:onEscalation',
      'app:onModelCall',
      'app:onToolCall',
      'app:onModelCall',
      'app:onFinish',
    ]);
    const modelCalls = events.onModelCall as LifecycleEvent<'onModelCall'>[];
    expect(modelCalls.map((e) => [e.runId, e.tier, e.agent])).toEqual([
      [result.runId, 'direct', 'direct'],
      [result.runId, 'agent', 'agent'],
      [result.runId, 'agent', 'agent'],
    ]);
    const spans = result.trace.filter((s) => s.type === 'model-call');
    expect(modelCalls.map((e) => e.spanId)).toEqual(spans.map((s) => s.id));
    for (const [i, event] of modelCalls.entries()) {
      const span = spans[i];
      expect(event.durationMs).toBeCloseTo((span?.endMs ?? 0) - (span?.startMs ?? 0), 2);
      expect(event.usage).toEqual(span?.usage);
    }
    const [toolCall] = events.onToolCall as LifecycleEvent<'onToolCall'>[];
    expect(toolCall).toMatchObject({
      runId: result.runId,
      type: 'tool-call-end',
      tier: 'agent',
      name: 'get_order',
      arguments: { orderId: '30418' },
      result: '{"orderId":"30418","status":"shipped"}',
      isError: false,
    });
    const [escalation] = events.onEscalation as LifecycleEvent<'onEscalation'>[];
    expect(escalation).toEqual({
      type: 'tier-escalated',
      runId: result.runId,
      escalation: result.escalations[0],
    });
    expect(events.onFinish).toEqual([{ type: 'run-finish', runId: result.runId, result }]);
  });

  it("calls a run's own callbacks after createTierup's, and takes the run's id", async () => {
    const log: string[] = [];
    const events = {};
    const tierup = createTierup({ model: scriptedModel('4'), ...recorder('app', log, events) });
    const result = await tierup.run('What is 2 + 2?', {
      runId: 'req-42',
      ...recorder('run', log, {}),
    });
    expect(result.runId).toBe('req-42');
    expect(log).toEqual(['app:onModelCall', 'run:onModelCall', 'app:onFinish', 'run:onFinish']);
  });

  it('keeps a callback that throws or rejects in the result and the trace, and runs on', async () => {
    const tierup = createTierup({
      model: escalatingModel(),
      tools: [getOrder],
      onToolCall: () => {
        throw new Error('metrics backend is down');
      },
      onEscalation: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new TypeError('bad escalation handler');
      },
    });
    const result = await tierup.run(atDirect, {
      onFinish: () => Promise.reject(new Error('finish handler failed')),
    });
    expect(result.output).toBe('Order 30418 has shipped.');
    expect(result.callbackErrors.map((e) => [e.callback, e.message])).toEqual([
      ['onToolCall', 'Error: metrics backend is down'],
      ['onEscalation', 'TypeError: bad escalation handler'],
      ['onFinish', 'Error: finish handler failed'],
    ]);
    const toolSpan = result.trace.find((s) => s.type === 'tool-call');
    const callbackSpans = result.trace.filter((s) => s.type === 'callback');
    expect(callbackSpans.map((s) => [s.name, s.status, s.parentId, s.error])).toEqual([
      ['onToolCall', 'error', toolSpan?.id, 'Error: metrics backend is down'],
      ['onEscalation', 'error', 's1', 'TypeError: bad escalation handler'],
      ['onFinish', 'error', 's1', 'Error: finish handler failed'],
    ]);
    expect(result.callbackErrors.map((e) => e.spanId)).toEqual(callbackSpans.map((s) => s.id));
  });

  it('waits for the promises callbacks return before the result is given', async () => {
    const written: string[] = [];
    const tierup = createTierup({
      model: scriptedModel('4'),
      onModelCall: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        written.push(event.model);
      },
    });
    await tierup.run('What is 2 + 2?');
    expect(written).toEqual(['scripted/scripted']);
  });

  it('tells onFinish of a failed run, and the error carries the failed callbacks', async () => {
    const finished: LifecycleEvent<'onFinish'>[] = [];
    const failing = escalatingModel();
    const model = scriptedModel((request) => {
      if (request.tools?.some((t) => t.name === ESCALATE_TOOL)) return failing.generate(request);
      throw new Error('provider down');
    });
    const tierup = createTierup({
      model,
      tools: [getOrder],
      onModelCall: (event) => {
        throw new Error(`logger failed on ${event.error ? 'a failed' : 'a'} call`);
      },
      onFinish: (event) => {
        finished.push(event);
      },
    });
    const error = await failure(tierup.run(atDirect));
    expect(error.code).toBe('run-failed');
    expect(finished).toEqual([{ type: 'run-error', runId: error.partial?.runId, error }]);
    expect(error.partial?.callbackErrors?.map((e) => e.message)).toEqual([
      'Error: logger failed on a call',
      'Error: logger failed on a failed call',
    ]);
  });

  it("puts a failing onFinish of a failed run on the error's partial", async () => {
    const tierup = createTierup({
      model: scriptedModel('4'),
      onFinish: () => {
        throw new Error('alerting failed');
      },
    });
    const error = await failure(tierup.run('What is 2 + 2?', { maxTokens: 1 }));
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error.partial?.callbackErrors?.map((e) => e.message)).toEqual([
      'Error: alerting failed',
    ]);
    expect(error.partial?.trace.some((s) => s.type === 'callback' && s.name === 'onFinish')).toBe(
      true,
    );
  });

  it('are told of a streamed run too; its run-finish event carries their failures', async () => {
    const tierup = createTierup({
      model: scriptedModel('4'),
      onFinish: () => {
        throw new Error('no');
      },
    });
    const seen: string[] = [];
    let last: unknown;
    for await (const event of tierup.stream('What is 2 + 2?', {
      onModelCall: (e) => {
        seen.push(e.type);
      },
    })) {
      last = event;
    }
    expect(seen).toEqual(['model-call-end']);
    expect(last).toMatchObject({
      type: 'run-finish',
      result: { callbackErrors: [{ callback: 'onFinish', message: 'Error: no' }] },
    });
  });

  it('refuses a callback that is not a function, and an empty runId, naming the option', () => {
    expect(() =>
      createTierup({ model: scriptedModel('4'), onToolCall: 'log' as unknown as undefined }),
    ).toThrow(expect.objectContaining({ field: 'onToolCall' }));
    const tierup = createTierup({ model: scriptedModel('4') });
    return expect(tierup.run('Hi', { runId: '' })).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidConfigError', field: 'runId' }),
    );
  });

  it("are createTierup's: an executor run alone refuses them", async () => {
    const executor = agentExecutor({ model: scriptedModel('4') });
    const options = { onToolCall: () => {} } as Parameters<typeof executor.run>[1];
    await expect(executor.run('Hi', options)).rejects.toThrow(InvalidConfigError);
    const result = await executor.run('Hi', { runId: 'mine' });
    expect(result.runId).toBe('mine');
    expect('callbackErrors' in result).toBe(false);
  });
});

describe('docs/executors.md', () => {
  it('has a lifecycle example that runs as written and prints what its comments say', async () => {
    const { printed, expected } = await runDocExample(
      'docs/executors.md',
      '## Lifecycle callbacks',
    );
    expect(expected).toHaveLength(4);
    expect(printed).toEqual(expected);
  });
});
