import {
  createTierup,
  type Escalation,
  type LifecycleEvent,
  type RoutedRunResult,
  type RunError,
  type Tier,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expectTypeOf, it } from 'vitest';

describe('lifecycle callback types', () => {
  it("types each callback's event, on createTierup and on a run", () => {
    createTierup({
      model: scriptedModel('x'),
      onToolCall: (event) => {
        expectTypeOf(event.runId).toEqualTypeOf<string>();
        expectTypeOf(event.tier).toEqualTypeOf<Tier>();
        expectTypeOf(event.durationMs).toEqualTypeOf<number>();
        expectTypeOf(event.isError).toEqualTypeOf<boolean>();
        expectTypeOf(event.arguments).toEqualTypeOf<unknown>();
      },
      onModelCall: (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'model-call-end'>();
        expectTypeOf(event.usage.costUsd).toEqualTypeOf<number | null>();
      },
      onEscalation: (event) => {
        expectTypeOf(event.escalation).toEqualTypeOf<Escalation>();
      },
    });
    const tierup = createTierup({ model: scriptedModel('x') });
    void tierup.run('Hi', {
      runId: 'req-1',
      onFinish: async (event) => {
        if (event.type === 'run-finish') {
          expectTypeOf(event.result).toEqualTypeOf<RoutedRunResult<unknown>>();
        } else {
          expectTypeOf(event.error).toEqualTypeOf<RunError>();
        }
      },
    });
    expectTypeOf<LifecycleEvent<'onEscalation'>['type']>().toEqualTypeOf<'tier-escalated'>();
  });
});
