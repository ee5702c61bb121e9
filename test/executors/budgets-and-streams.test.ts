import {
  agentExecutor,
  BudgetExceededError,
  defineTool,
  multiAgentExecutor,
  type RunEvent,
} from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

describe('budgets and streams', () => {
  it('keeps parallel specialists within maxTokens by reserving what each call may use', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const tools = names.map((domain) =>
      defineTool({ name: `tool_${domain}`, domain, input: z.object({}), run: () => 'ok' }),
    );
    const model = scriptedModel(
      (request) => {
        if (request.system?.includes('Plan the request')) {
          return {
            output: {
              subtasks: names.map((s, i) => ({
                id: `t${i}`,
                specialist: s,
                task: 'Work.',
                dependsOn: [],
              })),
            },
          };
        }
        const cap = request.settings?.maxOutputTokens ?? 0;
        return { text: 'x', usage: { inputTokens: 10, outputTokens: cap } };
      },
      { latencyMs: 10 },
    );
    const error = await multiAgentExecutor({ model, tools })
      .run('Four parts.', { maxTokens: 5_000 })
      .catch((e: unknown) => e);
    const used =
      error instanceof BudgetExceededError
        ? (error.partial?.usage ?? { inputTokens: 0, outputTokens: 0 })
        : { inputTokens: 0, outputTokens: 0 };
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(used.inputTokens + used.outputTokens).toBeLessThanOrEqual(5_000);
  });

  it('fetches structured output whole when the model’s stream would not carry it', async () => {
    const base = scriptedModel({ output: { city: 'Paris' } });
    const model = {
      ...base,
      // A provider that hides its structured output from the stream, as one forcing a tool does.
      async *stream() {
        yield {
          type: 'finish' as const,
          finishReason: { unified: 'stop' as const, raw: undefined },
          warnings: [],
        };
      },
    };
    const events: RunEvent<{ city: string }>[] = [];
    for await (const event of agentExecutor({ model }).stream({
      input: 'Capital of France?',
      output: z.object({ city: z.string() }),
    })) {
      events.push(event);
    }
    const last = events.at(-1);
    expect(last?.type === 'run-finish' && last.result.output).toEqual({ city: 'Paris' });
  });

  it('ends a failed model call with its end event', async () => {
    const model = {
      ...scriptedModel('x'),
      generate: () => Promise.reject(new Error('boom')),
      // biome-ignore lint/correctness/useYield: a stream that fails before its first event
      async *stream(): AsyncGenerator<never> {
        throw new Error('boom');
      },
    };
    const events: RunEvent[] = [];
    await (async () => {
      for await (const event of agentExecutor({ model }).stream('Hi')) events.push(event);
    })().catch(() => {});
    const end = events.find((e) => e.type === 'model-call-end');
    expect(end).toMatchObject({ type: 'model-call-end', error: 'boom' });
  });
});
