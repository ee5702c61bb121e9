import {
  agentExecutor,
  BudgetExceededError,
  createTierup,
  EscalationRequired,
  type Executor,
  InvalidConfigError,
  RunAbortedError,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { ANSWER, getOrder, teamModel } from './executors/team-model.ts';
import { userExecutor } from './executors/user-executor.ts';

// `createTierup({ executors })`: a user's own executor runs its tier inside the routed run.

const atDirect = { input: 'Where is order 30418?', hints: { tier: 'direct' as const } };

describe('createTierup with executors', () => {
  it('runs the user’s executor for its tier: its usage, trace and audit join the run', async () => {
    const model = teamModel();
    const agent = userExecutor({ model, tools: [getOrder] });
    const permit = [{ tool: 'send_email', argument: 'to', from: 'get_order' }];
    const result = await createTierup({
      model,
      tools: [getOrder],
      executors: { agent },
      accept: ({ tier }) => tier !== 'direct' || 'needs the order',
    }).run(atDirect, { maxTokens: 10_000, permit });
    expect(result.tier).toBe('agent');
    expect(result.output).toBe(ANSWER);
    expect(agent.seen).toHaveLength(1);
    // What the direct tier tried reaches the executor's instructions; the rest of the budget too.
    expect(agent.seen[0]?.instructions).toContain("The direct tier's answer was rejected");
    const direct = result.usage.byTier.direct;
    expect(agent.seen[0]?.options.maxTokens).toBe(
      10_000 - (direct?.inputTokens ?? 0) - (direct?.outputTokens ?? 0),
    );
    expect(agent.seen[0]?.options.signal).toBeInstanceOf(AbortSignal);
    expect(agent.seen[0]?.options.permit).toEqual(permit);
    expect(agent.seen[0]?.options.maxPlanRounds).toBe(3);
    expect(result.usage.calls).toBe(model.calls.length);
    expect(result.usage.byTier.agent?.calls).toBe(2);
    const agentTier = result.trace.find((s) => s.type === 'tier' && s.name === 'agent');
    const adopted = result.trace.filter((s) => s.parentId === agentTier?.id);
    expect(adopted.map((s) => s.type)).toEqual(['tier']);
    expect(new Set(result.trace.map((s) => s.id)).size).toBe(result.trace.length);
    expect(result.audit.map((entry) => entry.tool)).toEqual(['get_order']);
  });

  it('escalates on the user executor’s EscalationRequired', async () => {
    const model = teamModel();
    const refusing: Executor = {
      tier: 'agent',
      run: () =>
        Promise.reject(
          new EscalationRequired(
            { type: 'needs-capability', message: 'not mine' },
            { summary: 'The custom agent passed.' },
          ),
        ),
      stream: () => {
        throw new Error('not used');
      },
    };
    const result = await createTierup({
      model,
      tools: [getOrder],
      executors: { agent: refusing },
      accept: ({ tier }) => tier !== 'direct' || 'needs the order',
    }).run(atDirect);
    expect(result.tier).toBe('multi-agent');
    expect(result.escalations.map((e) => `${e.from}>${e.to}`)).toEqual([
      'direct>agent',
      'agent>multi-agent',
    ]);
    expect(result.escalations[1]?.summary).toBe('The custom agent passed.');
  });

  it('reports the whole run when the user executor’s escalation ends it at the cap', async () => {
    const model = teamModel();
    // The executor's own run, whose partial result the error carries.
    const own = await agentExecutor({ model: scriptedModel('Not mine.') }).run('x');
    const refusing: Executor = {
      tier: 'agent',
      run: () =>
        Promise.reject(
          Object.assign(new EscalationRequired({ type: 'needs-capability', message: 'not mine' }), {
            partial: { usage: own.usage, trace: own.trace, audit: own.audit, escalations: [] },
          }),
        ),
      stream: () => {
        throw new Error('not used');
      },
    };
    const error = await createTierup({
      model,
      tools: [getOrder],
      executors: { agent: refusing },
      maxTier: 'agent',
      accept: ({ tier }) => tier !== 'direct' || 'needs the order',
    })
      .run(atDirect)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscalationRequired);
    const partial = (error as EscalationRequired).partial;
    expect(partial?.decision).toBeDefined();
    expect(partial?.escalations.map((e) => `${e.from}>${e.to}`)).toEqual(['direct>agent']);
    expect(partial?.trace.some((s) => s.type === 'tier' && s.name === 'direct')).toBe(true);
  });

  it('counts the user executor’s agents against maxAgents', async () => {
    const model = teamModel();
    const agent = userExecutor({ model, tools: [getOrder] });
    const error = await createTierup({
      model,
      tools: [getOrder],
      executors: { agent },
      accept: () => 'never good enough',
    })
      .run(atDirect, { maxAgents: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).limit).toBe(2);
  });

  it('aborts the user’s executor with the run', async () => {
    let given: AbortSignal | undefined;
    const hanging: Executor = {
      tier: 'direct',
      run: (_task, options) => {
        given = options?.signal;
        return new Promise(() => {});
      },
      stream: () => {
        throw new Error('not used');
      },
    };
    const controller = new AbortController();
    const running = createTierup({ model: scriptedModel('x'), executors: { direct: hanging } }).run(
      'What is 2 + 2?',
      { signal: controller.signal },
    );
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user left'));
    expect(await running.catch((e: unknown) => e)).toBeInstanceOf(RunAbortedError);
    expect(given?.aborted).toBe(true);
  });

  it('runs a built-in executor given for a tier with its own options', async () => {
    const model = teamModel();
    const agent = agentExecutor({ model, tools: [getOrder] }); // the facade has no tools
    const result = await createTierup({ model, executors: { agent } }).run({
      input: 'Where is order 30418?',
      hints: { tier: 'agent' },
    });
    expect(result.tier).toBe('agent');
    expect(result.audit.map((entry) => entry.tool)).toEqual(['get_order']);
  });

  it('names an executor of the wrong tier', () => {
    const agent = userExecutor({ model: scriptedModel('x') });
    expect(() => createTierup({ model: scriptedModel('x'), executors: { direct: agent } })).toThrow(
      expect.objectContaining({ field: 'executors.direct' }),
    );
    expect(() =>
      createTierup({ model: scriptedModel('x'), executors: { agent: {} as Executor } }),
    ).toThrow(InvalidConfigError);
  });
});
