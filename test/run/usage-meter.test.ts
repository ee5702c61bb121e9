import { describe, expect, it } from 'vitest';
import { createUsageMeter } from '../../src/run/usage-meter.ts';

const call = (inputTokens: number, outputTokens: number, estimated?: boolean) => ({
  inputTokens,
  outputTokens,
  cachedInputTokens: 0,
  ...(estimated ? { estimated } : {}),
});

describe('the usage meter', () => {
  it('sums costs without float noise, in total and by tier, agent and model', () => {
    const meter = createUsageMeter();
    const key = { tier: 'agent' as const, agent: 'agent', model: 'openai/gpt-4.1-mini' };
    // 0.0002872 + 0.0000992 is 0.00038639999999999996 in floating point.
    meter.add(key, call(318, 100), 0.0002872);
    meter.add(key, call(220, 7), 0.0000992);
    const usage = meter.snapshot();
    expect(String(usage.costUsd)).toBe('0.0003864');
    expect(String(usage.byTier.agent?.costUsd)).toBe('0.0003864');
    expect(String(usage.byModel['openai/gpt-4.1-mini']?.costUsd)).toBe('0.0003864');
    const merged = createUsageMeter();
    merged.merge(usage);
    merged.merge(usage);
    expect(String(merged.costUsd)).toBe('0.0007728');
  });

  it('marks totals that count an estimated call, and only those', () => {
    const meter = createUsageMeter();
    meter.add({ tier: 'direct', agent: 'direct', model: 'function/mine' }, call(5, 5, true), 0.1);
    meter.add({ tier: 'agent', agent: 'agent', model: 'openai/gpt-4.1' }, call(5, 5), 0.2);
    const usage = meter.snapshot();
    expect(usage.estimated).toBe(true);
    expect(usage.byTier.direct?.estimated).toBe(true);
    expect(usage.byTier.agent?.estimated).toBeUndefined();
    const merged = createUsageMeter();
    merged.merge(usage);
    expect(merged.snapshot().estimated).toBe(true);
    expect(merged.snapshot().byModel['openai/gpt-4.1']?.estimated).toBeUndefined();
  });
});
