import { describe, expect, it } from 'vitest';
import { createRouter, type Scorer, type ToolSpecInput } from '../../src/index.ts';
import { scriptedModel } from '../../src/testing/index.ts';
import { verdict } from './verdict.ts';

const tools: ToolSpecInput[] = [
  {
    name: 'get_order',
    description: 'Look up a shop order by id.',
    domain: 'commerce',
    sensitiveData: true,
  },
];

describe('routeAssisted', () => {
  it('makes no model call when no signal is uncertain', async () => {
    const model = scriptedModel(verdict(true));
    const decision = await createRouter({ uncertainBand: 0 }).routeAssisted(
      { input: 'Say hello.', tools },
      { model },
    );
    expect(model.calls).toHaveLength(0);
    expect(decision.assistance).toBeUndefined();
  });

  it('lets the model settle the uncertain signals, records the call and picks the tier again', async () => {
    const router = createRouter({ uncertainBand: 0.5 });
    const plain = router.route({ input: 'Say hello.', tools });
    expect(plain.tier).toBe('direct');
    const model = scriptedModel(verdict(true));
    const decision = await router.routeAssisted({ input: 'Say hello.', tools }, { model });
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]?.output?.name).toBe('routing_judgement');
    expect(decision.tier).toBe('agent');
    expect(decision.signals.toolUse).toMatchObject({ set: true, uncertain: false });
    expect(decision.signals.toolUse.score).toBeGreaterThanOrEqual(
      decision.signals.toolUse.threshold,
    );
    expect(decision.assistance).toMatchObject({
      applied: true,
      modelId: 'scripted',
      usage: { inputTokens: 120 },
    });
    expect(decision.reasons.at(-1)).toMatch(/^a model settled .*toolUse.*: checked$/);
  });

  it('still caps the tier with maxTier', async () => {
    const decision = await createRouter({ uncertainBand: 0.5, maxTier: 'direct' }).routeAssisted(
      { input: 'Say hello.', tools },
      { model: scriptedModel(verdict(true)) },
    );
    expect(decision.tier).toBe('direct');
    expect(decision.override?.by).toBe('max-tier');
  });

  it("picks the tier again by the reasons' codes, not their words", async () => {
    // A finding worded like the policy's reasons: matching on words would drop it.
    const lookalike: Scorer = {
      name: 'lookalike',
      signal: 'toolUse',
      score: () => ({ score: 0, reasons: ['capped at nothing: a finding, not a cap'] }),
    };
    const router = createRouter({
      uncertainBand: 0.5,
      maxTier: 'direct',
      extraScorers: [lookalike],
    });
    const task = { input: 'Say hello.', tools, hints: { tier: 'multi-agent' as const } };
    const decision = await router.routeAssisted(task, { model: scriptedModel(verdict(true)) });
    expect(decision.assistance?.applied).toBe(true);
    expect(decision.reasons).toContain('capped at nothing: a finding, not a cap');
    // The policy's reasons are written once, by the policy picking the tier again.
    expect(decision.reasonCodes.filter((c) => c === 'hint-tier')).toHaveLength(1);
    expect(decision.reasonCodes.filter((c) => c === 'max-tier')).toHaveLength(1);
    expect(decision.reasonCodes).toHaveLength(decision.reasons.length);
    expect(decision.reasonCodes.at(-1)).toBe('max-tier');
    expect(decision.reasonCodes).toContain('model-settled');
  });

  it('keeps the heuristic decision when the answer is malformed', async () => {
    const router = createRouter({ uncertainBand: 0.5 });
    const decision = await router.routeAssisted(
      { input: 'Say hello.', tools },
      { model: scriptedModel('not json') },
    );
    expect(decision.tier).toBe(router.route({ input: 'Say hello.', tools }).tier);
    expect(decision.assistance).toMatchObject({ applied: false });
    expect(decision.reasonCodes.at(-1)).toBe('model-malformed');
    expect(decision.reasonCodes).toHaveLength(decision.reasons.length);
  });

  it('passes the abort signal to the model call', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const model = scriptedModel(verdict(true), { latencyMs: 5_000 });
    setTimeout(() => controller.abort(reason), 10);
    await expect(
      createRouter({ uncertainBand: 0.5 }).routeAssisted(
        { input: 'x y', tools },
        { model, signal: controller.signal },
      ),
    ).rejects.toBe(reason);
  });
});
