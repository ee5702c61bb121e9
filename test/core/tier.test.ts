import { describe, expect, it } from 'vitest';
import { tierCap } from '../../src/core/tier.ts';

describe('tierCap', () => {
  it("is the router's maxTier when the task gives no cap", () => {
    expect(tierCap('agent')).toBe('agent');
    expect(tierCap('multi-agent', {})).toBe('multi-agent');
  });

  it("is the lower of the router's maxTier and the task's hints.maxTier", () => {
    expect(tierCap('multi-agent', { maxTier: 'agent' })).toBe('agent');
    expect(tierCap('direct', { maxTier: 'multi-agent' })).toBe('direct');
  });
});
