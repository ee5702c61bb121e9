import { createTierup, defineTool, fromFunction, InvalidConfigError } from 'tierup';
import { scriptedModel } from 'tierup/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getOrder, teamModel } from './executors/team-model.ts';

const quote = defineTool({
  name: 'get_quote',
  description: 'Get a shipping quote for a parcel.',
  domain: 'shipping',
  input: z.object({ kg: z.number() }),
  run: ({ kg }) => ({ eur: kg * 2 }),
});

describe("createTierup's model settings", () => {
  it("give each tier its settings, under the run's own", async () => {
    const model = scriptedModel('Done.');
    const tierup = createTierup({
      model,
      settings: {
        direct: { temperature: 0, maxOutputTokens: 400 },
        agent: { temperature: 0.7, providerOptions: { openai: { service_tier: 'flex' } } },
      },
    });
    await tierup.run({ input: 'Say hi.', hints: { tier: 'direct' } });
    await tierup.run({ input: 'Say hi.', hints: { tier: 'agent' } });
    await tierup.run(
      { input: 'Say hi.', hints: { tier: 'direct' } },
      { settings: { temperature: 1, providerOptions: { openai: { user: 'u1' } } } },
    );
    const [direct, agent, overridden] = model.calls;
    expect(direct?.settings).toEqual({ temperature: 0, maxOutputTokens: 400 });
    expect(agent?.settings).toEqual({ temperature: 0.7 });
    expect(agent?.providerOptions).toEqual({ openai: { service_tier: 'flex' } });
    expect(overridden?.settings).toEqual({ temperature: 1, maxOutputTokens: 400 });
    expect(overridden?.providerOptions).toEqual({ openai: { user: 'u1' } });
  });

  it('give the manager, every specialist and one specialist theirs', async () => {
    const model = teamModel();
    const result = await createTierup({
      model,
      tools: [getOrder, quote],
      specialists: [
        {
          name: 'shipping',
          description: 'Shipping quotes.',
          tools: ['get_quote'],
          settings: { temperature: 0.9 },
        },
      ],
      settings: {
        manager: { reasoningEffort: 'high' },
        specialist: { temperature: 0.2, maxOutputTokens: 300 },
      },
    }).run({
      input: 'Where is order 30418, and what would 2 kg cost to ship?',
      hints: { tier: 'multi-agent' },
    });
    expect(result.tier).toBe('multi-agent');
    // A specialist's calls carry its prompt; the manager's are the others.
    const of = (name: string) =>
      model.calls.filter((call) => call.system?.includes(`You are the ${name} specialist.`));
    const specialists = [...of('commerce'), ...of('shipping'), ...of('generalist')];
    const manager = model.calls.filter((call) => !specialists.includes(call));
    expect(of('commerce').length).toBeGreaterThan(0);
    expect(of('shipping').length).toBeGreaterThan(0);
    expect(manager.length).toBeGreaterThan(0);
    expect(new Set(manager.map((call) => JSON.stringify(call.settings)))).toEqual(
      new Set([JSON.stringify({ reasoningEffort: 'high' })]),
    );
    for (const call of of('commerce')) {
      expect(call.settings).toEqual({ temperature: 0.2, maxOutputTokens: 300 });
    }
    for (const call of of('shipping')) {
      expect(call.settings).toEqual({ temperature: 0.9, maxOutputTokens: 300 });
    }
  });

  it("keep a tier's output limit within the run's token budget", async () => {
    const model = scriptedModel('Done.');
    await createTierup({ model, settings: { direct: { maxOutputTokens: 50_000 } } }).run(
      { input: 'Say hi.', hints: { tier: 'direct' } },
      { maxTokens: 20_000 },
    );
    const asked = model.calls[0]?.settings?.maxOutputTokens ?? Number.POSITIVE_INFINITY;
    expect(asked).toBeLessThan(20_000);
  });

  it('are checked, naming the setting at fault', () => {
    const model = scriptedModel('Done.');
    expect(() => createTierup({ model, settings: { manager: { temperature: -1 } } })).toThrow(
      expect.objectContaining({ field: 'settings.manager.temperature' }),
    );
    expect(() => createTierup({ model, settings: { planner: {} } as never })).toThrow(
      InvalidConfigError,
    );
  });

  it('come back as warnings from a model that cannot honour them', async () => {
    const direct = fromFunction(async () => 'Hi.');
    const result = await createTierup({
      model: scriptedModel('x'),
      models: { direct },
      settings: { direct: { temperature: 0 } },
    }).run('Say hi.');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'temperature' }),
    ]);
  });
});
