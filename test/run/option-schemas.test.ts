import { agentExecutor, createTierup, InvalidConfigError, multiAgentExecutor } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';

// Options are checked by zod schemas, one formatter of issues: every fault is named, not the first.

const issuesOf = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    return (error as InvalidConfigError).issues.map((issue) => issue.path);
  }
  return [];
};

describe('run options', () => {
  it('a standalone executor refuses the facade’s own run options instead of ignoring them', async () => {
    const run = agentExecutor({ model: scriptedModel('x') }).run('x', {
      accept: () => true,
    } as never);
    await expect(run).rejects.toThrow(/`accept` is an option of createTierup's runs/);
  });

  it('createTierup checks its own run options', async () => {
    const tierup = createTierup({ model: scriptedModel('x') });
    await expect(tierup.run('x', { accept: 5 as never })).rejects.toThrow(
      /`accept` must be a function/,
    );
  });
});

describe('option schemas', () => {
  it('names every option at fault, in the order of the options', () => {
    const model = scriptedModel('x');
    const paths = issuesOf(() =>
      createTierup({
        model,
        instructions: 7 as never,
        tools: [{} as never],
        guardrails: { toolCall: [() => true, 'no' as never], tool_call: [] } as never,
        specialists: [{ name: 'a b', description: '' }],
        escalation: 'always' as never,
      }),
    );
    expect(paths).toEqual([
      'instructions',
      'tools[0]',
      'guardrails.toolCall[1]',
      'guardrails.tool_call',
      'specialists[0].name',
      'specialists[0].description',
      'escalation',
    ]);
  });

  it('checks an executor’s own options with the shared ones', () => {
    const model = scriptedModel('x');
    expect(
      issuesOf(() =>
        multiAgentExecutor({
          model,
          boundary: 'sometimes' as never,
          specialistModel: { supportsTools: false } as never,
        }),
      ),
    ).toEqual(['specialistModel', 'boundary']);
    expect(issuesOf(() => agentExecutor({ model: { ...model, supportsTools: false } }))).toEqual([
      'model',
    ]);
  });

  it('checks a run’s options before it starts', async () => {
    const executor = agentExecutor({ model: scriptedModel('x') });
    const error = await executor
      .run('Hi.', { signal: 'soon' as never, sessionId: 3 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).issues.map((issue) => issue.path)).toEqual([
      'signal',
      'sessionId',
    ]);
  });
});
