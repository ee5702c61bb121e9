import {
  agentExecutor,
  createTierup,
  type Decision,
  defineTool,
  type EscalationCause,
  type EscalationRequired,
  type PartialRun,
  type RoutedRunResult,
  type RunError,
  type RunEvent,
  type RunResult,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';

const model = scriptedModel('x');

describe('types', () => {
  it('types the output by the task’s zod schema, and as text without one', async () => {
    const tierup = createTierup({ model });
    const typed = await tierup.run({
      input: 'Total?',
      output: z.object({ total: z.number(), currency: z.enum(['EUR', 'USD']) }),
    });
    expectTypeOf(typed.output).toEqualTypeOf<{ total: number; currency: 'EUR' | 'USD' }>();
    const text = await tierup.run('Hi');
    expectTypeOf(text.output).toEqualTypeOf<string>();
    expectTypeOf(text).toEqualTypeOf<RoutedRunResult<string>>();
    expectTypeOf(text.decision.tier).toEqualTypeOf<'direct' | 'agent' | 'multi-agent'>();
    const alone = await agentExecutor({ model }).run('Hi');
    expectTypeOf(alone).toEqualTypeOf<RunResult<string>>();
    expectTypeOf(alone.decision).toEqualTypeOf<Decision | undefined>();
  });

  it('types stream events by the output too', () => {
    const events = agentExecutor({ model }).stream({ input: 'x', output: z.array(z.string()) });
    expectTypeOf(events).toEqualTypeOf<AsyncIterable<RunEvent<string[]>>>();
  });

  it('types a tool’s input by its schema, and takes tools of different inputs in one list', () => {
    const a = defineTool({
      name: 'a',
      input: z.object({ id: z.string() }),
      run: (input) => {
        expectTypeOf(input).toEqualTypeOf<{ id: string }>();
        return 1;
      },
    });
    const b = defineTool({ name: 'b', input: z.object({ n: z.number() }), run: ({ n }) => n });
    createTierup({ model, tools: [a, b] });
  });

  it('discriminates escalation causes by type', () => {
    const describe = (cause: EscalationCause) =>
      cause.type === 'max-steps' ? cause.steps : cause.message;
    expectTypeOf(describe).returns.toEqualTypeOf<string | number>();
  });

  it('types the partial run of a run error as always there', () => {
    expectTypeOf<RunError['partial']>().toEqualTypeOf<PartialRun>();
    expectTypeOf<EscalationRequired['partial']['escalations']>().toEqualTypeOf<
      PartialRun['escalations']
    >();
  });
});
