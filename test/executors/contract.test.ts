import { setTimeout as sleep } from 'node:timers/promises';
import {
  agentExecutor,
  BudgetExceededError,
  defineTool,
  directExecutor,
  type Executor,
  type ExecutorOptions,
  InvalidConfigError,
  InvalidTaskError,
  multiAgentExecutor,
  ProviderError,
  RunAbortedError,
  RunError,
  type RunEvent,
} from 'tierup';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AT_ONCE_MS } from '../load-bounds.ts';
import { ANSWER, getOrder, teamModel } from './team-model.ts';
import { userExecutor } from './user-executor.ts';

// One contract, three executors: same inputs, same envelope, same errors, same abort and budgets.

const EXECUTORS: readonly [string, string, (options: ExecutorOptions) => Executor][] = [
  ['direct', 'direct', directExecutor],
  ['agent', 'agent', agentExecutor],
  ['multi-agent', 'multi-agent', multiAgentExecutor],
  // The interface is the contract: an executor written outside tierup meets it too.
  ['user-written agent', 'agent', userExecutor],
];

const task = { input: 'Where is order 30418?' };

describe.each(EXECUTORS)('%s executor', (_name, tier, make) => {
  it('returns the result envelope: output, tier, usage by tier, agent and model, and a nested trace', async () => {
    const model = teamModel();
    const executor = make({ model, tools: [getOrder] });
    const result = await executor.run(task);

    expect(executor.tier).toBe(tier);
    expect(result.tier).toBe(tier);
    expect(result.output).toBe(ANSWER);
    expect(result.escalations).toEqual([]);
    expect(result.toolErrors).toEqual([]);
    const calls = model.calls.length;
    expect(result.usage.calls).toBe(calls);
    expect(result.usage.byTier[tier as 'direct']?.calls).toBe(calls);
    expect(Object.keys(result.usage.byTier)).toEqual([tier]);
    expect(result.usage.byModel['scripted/scripted']?.calls).toBe(calls);
    expect(result.usage.inputTokens).toBe(10 * calls);
    expect(result.usage.costUsd).toBeNull(); // the scripted model has no price

    const spans = new Map(result.trace.map((span) => [span.id, span]));
    expect(result.trace[0]?.type).toBe('tier');
    const modelCalls = result.trace.filter((span) => span.type === 'model-call');
    expect(modelCalls).toHaveLength(calls);
    for (const span of modelCalls) {
      expect(spans.get(span.parentId ?? '')?.type).toBe('agent');
      expect(span.usage?.inputTokens).toBe(10);
    }
    expect(result.trace.every((span) => span.status === 'ok' && span.endMs !== undefined)).toBe(
      true,
    );
  });

  it.skipIf(tier === 'direct')(
    'flags a tool that threw on the result, and tells the model its error without addresses',
    async () => {
      const model = teamModel();
      const down = defineTool({
        ...getOrder,
        run: () => {
          throw new Error('orders DB is down (ECONNREFUSED 10.0.0.5:5432)');
        },
      });
      const result = await make({ model, tools: [down] }).run(task);
      expect(result.output).toBe(ANSWER);
      const told = model.calls.flatMap((call) => call.messages).find((m) => m.role === 'tool');
      expect(told?.content).toBe(
        'Tool `get_order` failed: Error: orders DB is down (ECONNREFUSED [address])',
      );
      expect(result.toolErrors).toHaveLength(1);
      const [failed] = result.toolErrors;
      expect(failed).toMatchObject({
        type: 'failed',
        tool: 'get_order',
        tier,
        message: told?.content,
        error: 'Error: orders DB is down (ECONNREFUSED 10.0.0.5:5432)',
      });
      const span = result.trace.find((s) => s.id === failed?.spanId);
      expect(span).toMatchObject({ type: 'tool-call', name: 'get_order', status: 'error' });
      expect(span?.agent).toBe(failed?.agent);
    },
  );

  it('prices the calls when the model has a price', async () => {
    const model = teamModel({}, { modelId: 'house-model' });
    const executor = make({
      model,
      tools: [getOrder],
      prices: { 'house-model': { inputPerMillion: 1_000_000, outputPerMillion: 0 } },
    });
    const result = await executor.run(task);
    expect(result.usage.costUsd).toBeCloseTo(10 * model.calls.length);
    expect(result.usage.byModel['scripted/house-model']?.costUsd).toBeCloseTo(
      10 * model.calls.length,
    );
  });

  it('streams the same run as events, ending with run-finish', async () => {
    const model = teamModel();
    const events: RunEvent[] = [];
    for await (const event of make({ model, tools: [getOrder] }).stream(task)) events.push(event);

    const last = events.at(-1);
    expect(last?.type).toBe('run-finish');
    if (last?.type !== 'run-finish') return;
    expect(last.result.output).toBe(ANSWER);
    expect(last.result.tier).toBe(tier);
    const count = (type: RunEvent['type']) => events.filter((e) => e.type === type).length;
    expect(count('model-call-start')).toBe(model.calls.length);
    expect(count('model-call-end')).toBe(model.calls.length);
    expect(count('agent-start')).toBe(count('agent-end'));
    const text = events.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : [])).join('');
    expect(text.endsWith(ANSWER)).toBe(true);
  });

  it('parses the output with the task’s zod schema', async () => {
    const executor = make({ model: teamModel(), tools: [getOrder] });
    const result = await executor.run({ ...task, output: z.object({ status: z.string() }) });
    expect(result.output).toEqual({ status: 'shipped' });
  });

  it('repairs an output that fails its schema once', async () => {
    const model = teamModel({ outputs: [{ status: 7 }, { status: 'shipped' }] });
    const executor = make({ model, tools: [getOrder] });
    const result = await executor.run({ ...task, output: z.object({ status: z.string() }) });
    expect(result.output).toEqual({ status: 'shipped' });
    const repair = model.calls.at(-1)?.messages.at(-1);
    expect(repair?.content).toMatch(/does not match the required JSON schema: status/);
  });

  it('aborts at once, with the partial run', async () => {
    const model = teamModel({}, { latencyMs: 15_000 });
    const controller = new AbortController();
    const running = make({ model, tools: [getOrder] }).run(task, { signal: controller.signal });
    await sleep(20);
    const reason = new Error('user left');
    const aborted = performance.now();
    controller.abort(reason);
    const error = await running.catch((e: unknown) => e);
    expect(performance.now() - aborted).toBeLessThan(AT_ONCE_MS); // not the model's 15 s
    expect(error).toBeInstanceOf(RunAbortedError);
    expect((error as RunAbortedError).cause).toBe(reason);
    const partial = (error as RunError).partial;
    expect(partial?.tier).toBe(tier);
    expect(partial?.trace.some((span) => span.type === 'model-call')).toBe(true);
  });

  it('ends at the run’s time limit with BudgetExceededError', async () => {
    const model = teamModel({}, { latencyMs: 2_000 });
    const error = await make({ model, tools: [getOrder] })
      .run(task, { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).budget).toBe('timeoutMs');
  });

  it('stops before a call that would pass maxTokens', async () => {
    const model = teamModel();
    const error = await make({ model, tools: [getOrder] })
      .run(task, { maxTokens: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).budget).toBe('maxTokens');
    expect(model.calls).toHaveLength(0);
    expect((error as RunError).partial?.usage.calls).toBe(0);
  });

  it('caps each call’s output tokens to what maxTokens leaves', async () => {
    const model = teamModel();
    await make({ model, tools: [getOrder] }).run(task, { maxTokens: 5_000 });
    for (const request of model.calls) {
      expect(request.settings?.maxOutputTokens).toBeLessThan(5_000);
    }
  });

  it('wraps a provider failure in RunError, keeping the cause and the partial run', async () => {
    const failure = new ProviderError('Unauthorized', { statusCode: 401, isRetryable: false });
    const executor = make({ model: teamModel({}), tools: [getOrder] });
    const failing = make({
      model: { ...teamModel(), generate: () => Promise.reject(failure) },
      tools: [getOrder],
    });
    expect(executor.tier).toBe(failing.tier);
    const error = await failing.run(task).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect((error as RunError).code).toBe('run-failed');
    expect((error as RunError).cause).toBe(failure);
    expect((error as RunError).partial?.trace.find((s) => s.type === 'model-call')?.status).toBe(
      'error',
    );
  });

  it('needs known prices for maxCostUsd, before anything runs', async () => {
    const model = teamModel();
    const error = await make({ model, tools: [getOrder] })
      .run(task, { maxCostUsd: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).field).toBe('maxCostUsd');
    expect(model.calls).toHaveLength(0);
  });

  it('names the option at fault', async () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as InvalidConfigError).field;
      }
      return 'no error';
    };
    expect(field(() => make(undefined as never))).toBe('');
    expect(field(() => make({ model: teamModel(), tools: [{} as never] }))).toBe('tools[0]');
    expect(field(() => make({ model: teamModel(), tools: [getOrder, getOrder] }))).toBe(
      'tools[1].name',
    );
    expect(field(() => make({ model: teamModel(), instructions: 42 as never }))).toBe(
      'instructions',
    );
    const executor = make({ model: teamModel(), tools: [getOrder] });
    const run = await executor.run(task, { signal: 'nope' as never }).catch((e: unknown) => e);
    expect((run as InvalidConfigError).field).toBe('signal');
  });

  it('names the field of a malformed task before anything runs', async () => {
    const model = teamModel();
    const executor = make({ model, tools: [getOrder] });
    const field = async (bad: unknown) => {
      const error = await executor.run(bad as typeof task).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTaskError);
      return (error as InvalidTaskError).field;
    };
    expect(await field({ input: ' ' })).toBe('input');
    expect(await field({ input: 'x', tools: [{ name: 'get_order' }] })).toBe('tools[0].run');
    expect(await field({ input: 'x', output: { type: 'object' } })).toBe('output');
    expect(await field({ input: 'x', history: [{ role: 'robot', content: '' }] })).toBe(
      'history[0].role',
    );
    // A typo is refused, not run as a task with no input; `stream` checks it too.
    expect(await field({ inptu: 'Where is order 30418?' })).toBe('inptu');
    const streamed = await collect(executor.stream({ input: 'x', tool: [] } as never)).catch(
      (e: unknown) => e,
    );
    expect((streamed as InvalidTaskError).field).toBe('tool');
    expect(model.calls).toHaveLength(0);
  });

  it('names the budget at fault', async () => {
    const executor = make({ model: teamModel(), tools: [getOrder] });
    const error = await executor.run(task, { maxSteps: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).field).toBe('maxSteps');
    expect(() => make({ model: teamModel(), budgets: { maxConcurrency: -1 } })).toThrow(
      expect.objectContaining({ field: 'budgets.maxConcurrency' }),
    );
  });
});

async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
}
