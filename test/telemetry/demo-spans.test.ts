// The demo's requests (every tier, an escalation, a structured answer) over the real OpenAI client
// and the loopback mock server, traced with the OpenTelemetry SDK: the span tree and the GenAI
// attributes a tracing backend receives.
import OpenAI from 'openai';
import { createTierup, type TraceSpan } from 'tierup';
import { openaiModel } from 'tierup/openai';
import { type MockLlmServer, startMockLlmServer } from 'tierup/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../examples/demo-requests.ts';
import { scriptedRules } from '../../examples/scripted-model.ts';
import { INSTRUCTIONS, tools } from '../../examples/shop.ts';
import { idOf, inCallerSpan, inMemoryTracing, one, parentOf } from './otel-harness.ts';

let server: MockLlmServer;
beforeAll(async () => {
  server = await startMockLlmServer({ rules: [...scriptedRules] });
});
afterAll(async () => {
  await server.close();
});

function model() {
  const client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL.openai, timeout: 10_000 });
  return openaiModel(client, { model: 'gpt-4.1-mini' });
}

async function traced(index: number) {
  const tracing = inMemoryTracing();
  const tierup = createTierup({
    model: model(),
    tools,
    instructions: INSTRUCTIONS,
    telemetry: { tracer: tracing.tracer },
  });
  const task = requests[index]?.task;
  if (task === undefined) throw new Error(`no demo request ${index}`);
  const result = await inCallerSpan(tracing.tracer, () => tierup.run(task));
  return { result, spans: await tracing.spans() };
}

describe('OpenTelemetry spans of the demo requests', () => {
  it('a direct run: workflow, agent and chat spans under the caller, with GenAI attributes', async () => {
    const { result, spans } = await traced(0);
    expect(result.tier).toBe('direct');
    const caller = one(spans, 'GET /support');
    const run = one(spans, 'invoke_workflow tierup');
    const agent = one(spans, 'invoke_agent direct');
    const chat = one(spans, 'chat gpt-4.1-mini');
    expect(parentOf(run)).toBe(idOf(caller));
    // The direct tier's span would repeat its one agent's: the agent's nests under the run's.
    expect(spans.map((s) => s.name)).not.toContain('tierup.tier direct');
    expect(result.trace.some((s) => s.type === 'tier' && s.name === 'direct')).toBe(true);
    expect(parentOf(agent)).toBe(idOf(run));
    expect(agent.attributes['tierup.tier']).toBe('direct');
    expect(parentOf(chat)).toBe(idOf(agent));
    expect(run.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_workflow',
      'gen_ai.workflow.name': 'tierup',
      'tierup.decision.tier': 'direct',
      'tierup.tier': 'direct',
      'tierup.signal.toolUse.threshold': 0.5,
      'tierup.usage.calls': 1,
    });
    expect(run.attributes['tierup.signal.toolUse.set']).toBe(false);
    expect(typeof run.attributes['tierup.cost_usd']).toBe('number');
    const [call] = result.trace.filter((s) => s.type === 'model-call');
    expect(chat.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4.1-mini',
      'gen_ai.response.model': 'gpt-4.1-mini',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': call?.usage?.inputTokens,
      'gen_ai.usage.output_tokens': call?.usage?.outputTokens,
      'gen_ai.agent.name': 'direct',
    });
    expect(chat.attributes['gen_ai.response.id']).toMatch(/\S/);
    expect(chat.kind).toBe(2); // SpanKind.CLIENT
    // Content is opt-in.
    expect(chat.attributes['gen_ai.input.messages']).toBeUndefined();
    expect(spans.every((s) => s.ended)).toBe(true);
  });

  it('an agent run: execute_tool with the call id and the policy decision as an event', async () => {
    const { result, spans } = await traced(1);
    expect(result.tier).toBe('agent');
    const tool = one(spans, 'execute_tool get_order');
    expect(parentOf(tool)).toBe(idOf(one(spans, 'invoke_agent agent')));
    expect(tool.attributes).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'get_order',
      'gen_ai.tool.type': 'function',
    });
    expect(tool.attributes['gen_ai.tool.call.id']).toMatch(/\S/);
    const [decision] = tool.events.filter((e) => e.name === 'tierup.tool_call.decision');
    expect(decision?.attributes).toMatchObject({
      'tierup.tool_call.decision': 'allowed',
      'tierup.agent': 'agent',
      'tierup.tool_call.argument.paths': ['orderId'],
    });
  });

  it('an escalation: the direct agent span fails as EscalationRequired, the run records why', async () => {
    const { result, spans } = await traced(2);
    expect(result.escalations).toHaveLength(1);
    const direct = one(spans, 'invoke_agent direct');
    expect(direct.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(direct.attributes['error.type']).toBe('EscalationRequired');
    expect(direct.attributes['tierup.tier']).toBe('direct');
    const run = one(spans, 'invoke_workflow tierup');
    expect(run.status.code).not.toBe(2);
    expect(run.attributes).toMatchObject({ 'tierup.escalations': 1, 'tierup.tier': result.tier });
    const [event] = run.events.filter((e) => e.name === 'tierup.escalation');
    expect(event?.attributes).toMatchObject({
      'tierup.escalation.from': 'direct',
      'tierup.escalation.to': 'agent',
      'tierup.escalation.cause': result.escalations[0]?.cause.type,
    });
  });

  it('a multi-agent run: the manager and each specialist as invoke_agent spans, tools under them', async () => {
    const { result, spans } = await traced(3);
    expect(result.tier).toBe('multi-agent');
    // The same tree as tierup's own trace, each span under the same parent by name, less the
    // spans of direct and agent tiers (their one agent's span stands for them).
    const otelName = (span: TraceSpan): string =>
      span.type === 'run'
        ? 'invoke_workflow tierup'
        : span.type === 'tier'
          ? `tierup.tier ${span.name}`
          : span.type === 'agent'
            ? `invoke_agent ${span.name}`
            : span.type === 'tool-call'
              ? `execute_tool ${span.name}`
              : `chat ${span.name.split('/')[1]}`;
    const byId = new Map(result.trace.map((s) => [s.id, s]));
    const folded = (s: TraceSpan | undefined) =>
      s?.type === 'tier' && s.tier !== 'multi-agent' && s.parentId !== undefined;
    const parentOfTrace = (s: TraceSpan): TraceSpan | undefined => {
      const parent = s.parentId === undefined ? undefined : byId.get(s.parentId);
      return folded(parent) && parent ? parentOfTrace(parent) : parent;
    };
    const kept = result.trace.filter((s) => !folded(s));
    const expected = kept.map((s) => {
      const parent = parentOfTrace(s);
      return `${otelName(s)} < ${parent ? otelName(parent) : 'GET /support'}`;
    });
    const otelById = new Map(spans.map((s) => [idOf(s), s]));
    const actual = spans
      .filter((s) => s.name !== 'GET /support')
      .map((s) => `${s.name} < ${otelById.get(parentOf(s) ?? '')?.name}`);
    expect(actual.sort()).toEqual(expected.sort());
    expect(expected.some((line) => line.startsWith('invoke_agent manager'))).toBe(true);
    expect(expected.filter((line) => line.startsWith('execute_tool ')).length).toBe(
      result.audit.length,
    );
    // Every span of tierup's trace reached the exporter but the folded tiers', besides the caller's.
    expect(spans.length).toBe(kept.length + 1);
  });
});
