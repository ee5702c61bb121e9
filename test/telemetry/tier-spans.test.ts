// The tier spans: a direct or agent tier under a run is left out (its one agent's span stands for
// it), the tier of an executor run alone is the outermost span.
import { createTierup, defineTool, directExecutor } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idOf, inMemoryTracing, one, parentOf } from './otel-harness.ts';

const lookup = defineTool({
  name: 'get_order',
  description: 'Look up a shop order by id.',
  domain: 'commerce',
  input: z.object({ orderId: z.string() }),
  run: () => ({ status: 'shipped' }),
});

describe('OpenTelemetry tier spans', () => {
  it('an escalation by the accept check: the agent span ends well, the run span has the event', async () => {
    const tracing = inMemoryTracing();
    const tierup = createTierup({
      model: scriptedModel((request) => (request.tools?.length ? 'Checked: 4.' : '4')),
      tools: [lookup],
      accept: ({ tier }) => tier !== 'direct' || 'show the check',
      telemetry: { tracer: tracing.tracer },
    });
    const result = await tierup.run({ input: 'What is 2 + 2?', hints: { maxTier: 'agent' } });
    expect(result.escalations.map((e) => e.cause.type)).toEqual(['rejected']);
    const spans = await tracing.spans();
    expect(one(spans, 'invoke_agent direct').status.code).not.toBe(2);
    const run = one(spans, 'invoke_workflow tierup');
    expect(run.events.filter((e) => e.name === 'tierup.escalation')[0]?.attributes).toMatchObject({
      'tierup.escalation.from': 'direct',
      'tierup.escalation.cause': 'rejected',
      'tierup.escalation.message': 'show the check',
    });
  });

  it('an executor run alone keeps its tier span as the outermost, the agent under it', async () => {
    const tracing = inMemoryTracing();
    const executor = directExecutor({
      model: scriptedModel('4'),
      telemetry: { tracer: tracing.tracer },
    });
    await executor.run({ input: 'What is 2 + 2?' });
    const spans = await tracing.spans();
    const tier = one(spans, 'tierup.tier direct');
    expect(parentOf(tier)).toBeUndefined();
    expect(parentOf(one(spans, 'invoke_agent direct'))).toBe(idOf(tier));
  });
});
