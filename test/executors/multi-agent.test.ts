import {
  defineTool,
  type ModelRequest,
  multiAgentExecutor,
  ProviderError,
  type RunResult,
} from 'tierup';
import { type ScriptedAnswer, scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AT_ONCE_MS } from '../load-bounds.ts';

const tool = (name: string, domain: string) =>
  defineTool({
    name,
    domain,
    description: `${name} tool`,
    input: z.object({}),
    run: () => `${name} ok`,
  });
const TOOLS = [
  tool('get_order', 'commerce'),
  tool('list_orders', 'commerce'),
  tool('refund_payment', 'payments'),
  tool('send_email', 'support'),
];

type Plan = { id: string; specialist: string; task: string; dependsOn?: string[] }[];

/** A team whose manager answers with `plan`, and whose specialists answer per `specialist`. */
function team(
  plan: Plan | Plan[],
  specialist: (name: string, request: ModelRequest) => ScriptedAnswer = (name) => `${name} done`,
  latencyMs = 0,
) {
  const plans = Array.isArray(plan[0]) ? [...(plan as Plan[])] : [plan as Plan];
  return scriptedModel(
    (request) => {
      if (request.system?.includes('Plan the request')) {
        const next = plans.length > 1 ? plans.shift() : plans[0];
        return { output: { subtasks: (next ?? []).map((s) => ({ dependsOn: [], ...s })) } };
      }
      const name = /You are the ([\w-]+) specialist/.exec(request.system ?? '')?.[1];
      if (name) return specialist(name, request);
      return 'Final answer.';
    },
    { latencyMs },
  );
}

const synthesisOf = (model: { calls: readonly ModelRequest[] }) =>
  model.calls.find((r) => r.system?.includes('Write the final answer'))?.messages.at(-1)?.content ??
  '';

const agentsOf = (result: RunResult) =>
  result.trace.filter((s) => s.type === 'agent').map((s) => s.name);

describe('multiAgentExecutor', () => {
  it('makes one specialist per tool domain holding only that domain’s tools, plus a generalist', async () => {
    const model = team([
      { id: 'a', specialist: 'commerce', task: 'Find order 30418.' },
      { id: 'b', specialist: 'payments', task: 'Refund order 30418.' },
    ]);
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run('Refund order 30418.');
    const plan = model.calls[0]?.system ?? '';
    expect([...plan.matchAll(/^- ([\w-]+):/gm)].map((m) => m[1])).toEqual([
      'commerce',
      'payments',
      'support',
      'generalist',
    ]);
    const toolsOf = (name: string) =>
      model.calls
        .find((r) => r.system?.includes(`You are the ${name} specialist`))
        ?.tools?.map((t) => t.name);
    expect(toolsOf('commerce')).toEqual(['get_order', 'list_orders']);
    expect(toolsOf('payments')).toEqual(['refund_payment']);
    expect(agentsOf(result)).toEqual(['manager', 'commerce', 'payments']);
    expect(Object.keys(result.usage.byAgent).sort()).toEqual(['commerce', 'manager', 'payments']);
    const manager = result.trace.find((s) => s.name === 'manager');
    for (const span of result.trace.filter((s) => s.type === 'agent' && s.name !== 'manager')) {
      expect(span.parentId).toBe(manager?.id);
    }
  });

  it('gives a specialist only its subtask and the results it depends on, after them', async () => {
    const model = team(
      [
        { id: 'a', specialist: 'commerce', task: 'Find order 30418.' },
        { id: 'b', specialist: 'generalist', task: 'Unrelated work.' },
        {
          id: 'c',
          specialist: 'support',
          task: 'Email the customer the status.',
          dependsOn: ['a'],
        },
      ],
      (name) => `${name} result`,
    );
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run(
      'SECRET-REQUEST: tell the customer where order 30418 is.',
    );
    const support = model.calls.find((r) => r.system?.includes('You are the support specialist'));
    const content = support?.messages[0]?.content ?? '';
    expect(content).toContain('Email the customer the status.');
    expect(content).toContain('[a] commerce: commerce result');
    expect(content).not.toContain('generalist result');
    expect(content).not.toContain('SECRET-REQUEST');
    const span = (name: string) => result.trace.find((s) => s.type === 'agent' && s.name === name);
    expect(span('support')?.startMs).toBeGreaterThanOrEqual(span('commerce')?.endMs ?? Infinity);
  });

  it('keeps going when a specialist fails, and tells the manager which failed and why', async () => {
    const model = team(
      [
        { id: 'a', specialist: 'commerce', task: 'Find the order.' },
        { id: 'b', specialist: 'payments', task: 'Refund it.' },
        { id: 'c', specialist: 'support', task: 'Email the receipt.', dependsOn: ['b'] },
      ],
      (name) =>
        name === 'payments'
          ? new ProviderError('Service unavailable', { statusCode: 503, isRetryable: false })
          : `${name} done`,
    );
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run('Refund and email.');
    expect(result.output).toBe('Final answer.');
    const synthesis = synthesisOf(model);
    expect(synthesis).toContain('[a] commerce (done): commerce done');
    expect(synthesis).toMatch(
      /\[b\] payments \(FAILED\): failed: ProviderError: Service unavailable/,
    );
    expect(synthesis).toContain('[c] support (FAILED): not run: subtask b it depends on failed');
    expect(result.trace.find((s) => s.name === 'payments')?.status).toBe('error');
  });

  it('gives up on a specialist past agentTimeoutMs while the others finish', async () => {
    const model = team(
      [
        { id: 'a', specialist: 'commerce', task: 'Quick.' },
        { id: 'b', specialist: 'payments', task: 'Hangs.' },
      ],
      (name) =>
        (name === 'payments' ? new Promise<never>(() => {}) : 'quick done') as ScriptedAnswer,
    );
    const started = performance.now();
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run('Both.', {
      agentTimeoutMs: 50,
    });
    expect(performance.now() - started).toBeLessThan(AT_ONCE_MS); // `payments` never answers
    expect(synthesisOf(model)).toContain('[b] payments (FAILED): failed: timed out after 50 ms');
    expect(synthesisOf(model)).toContain('[a] commerce (done): quick done');
    expect(result.output).toBe('Final answer.');
  });

  it('runs independent subtasks at once, never more than maxConcurrency', async () => {
    let running = 0;
    let most = 0;
    const slow = defineTool({
      name: 'slow',
      domain: 'research',
      input: z.object({}),
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 40));
        running--;
        return 'found';
      },
    });
    const plan = Array.from({ length: 5 }, (_, i) => ({
      id: `s${i}`,
      specialist: 'research',
      task: `Part ${i}`,
    }));
    const model = team(plan, (_, request) =>
      request.messages.at(-1)?.role === 'user'
        ? { toolCalls: [{ name: 'slow', arguments: {} }] }
        : 'part done',
    );
    await multiAgentExecutor({ model, tools: [slow] }).run('Five parts.', { maxConcurrency: 2 });
    // Two ran at once, and never more: counted, not timed (a busy machine breaks a time bound).
    expect(most).toBe(2);
  });

  it('asks the manager again when its plan names an unknown specialist or a cycle', async () => {
    const model = team([
      [
        { id: 'a', specialist: 'commerce', task: 'x', dependsOn: ['b'] },
        { id: 'b', specialist: 'commerce', task: 'y', dependsOn: ['a'] },
      ],
      [{ id: 'a', specialist: 'commerce', task: 'x' }],
    ]);
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run('Do it.');
    expect(result.output).toBe('Final answer.');
    expect(model.calls[1]?.messages.at(-1)?.content).toMatch(
      /dependencies form a cycle: a -> b -> a/,
    );
  });

  it('lets the manager answer alone with an empty plan', async () => {
    const model = team([]);
    const result = await multiAgentExecutor({ model, tools: TOOLS }).run('Just answer.');
    expect(result.output).toBe('Final answer.');
    expect(agentsOf(result)).toEqual(['manager']);
    expect(synthesisOf(model)).toBe('Just answer.');
  });

  it('uses declared specialists with their own instructions, tools and model', async () => {
    const lawyerModel = scriptedModel('No legal issue.', { modelId: 'lawyer-model' });
    const model = team([{ id: 'a', specialist: 'legal', task: 'Check the refund policy.' }]);
    const result = await multiAgentExecutor({
      model,
      tools: TOOLS,
      specialists: [
        {
          name: 'legal',
          description: 'Reviews terms and policies.',
          instructions: 'You are counsel.',
          tools: ['send_email'],
          model: lawyerModel,
        },
      ],
    }).run('Can we refund?');
    expect(lawyerModel.calls[0]?.system).toBe('You are counsel.');
    expect(lawyerModel.calls[0]?.tools?.map((t) => t.name)).toEqual(['send_email']);
    expect(model.calls[0]?.system).not.toMatch(/^- support:/m); // send_email is held by legal
    expect(result.usage.byModel['scripted/lawyer-model']?.calls).toBe(1);
  });

  it('rejects a declared specialist that names a tool the run does not offer', async () => {
    const error = await multiAgentExecutor({
      model: team([]),
      specialists: [{ name: 'legal', description: 'Law.', tools: ['no_such_tool'] }],
    })
      .run('Hi')
      .catch((e: unknown) => e);
    expect((error as { cause?: { field?: string } }).cause?.field).toBe('specialists[0].tools[0]');
  });
});
