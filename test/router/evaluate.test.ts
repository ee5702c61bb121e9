import { type Expected, evaluate } from 'tierup/eval';
import { describe, expect, it } from 'vitest';
import type { Decision, SignalName, Tier } from '../../src/index.ts';

/** A decision on `tier` with the given signals set. */
function decision(tier: Tier, set: readonly SignalName[]): Decision {
  const signal = (name: SignalName) => ({
    score: set.includes(name) ? 0.9 : 0.1,
    threshold: 0.5,
    set: set.includes(name),
    uncertain: false,
  });
  return {
    tier,
    signalTier: tier,
    signals: {
      toolUse: signal('toolUse'),
      crossDomain: signal('crossDomain'),
      securityBoundary: signal('securityBoundary'),
      parallelism: signal('parallelism'),
    },
    tools: [],
    reasons: [],
    reasonCodes: [],
  };
}

function expected(tier: Tier, set: readonly SignalName[]): Expected {
  return {
    tier,
    toolUse: set.includes('toolUse'),
    crossDomain: set.includes('crossDomain'),
    securityBoundary: set.includes('securityBoundary'),
    parallelism: set.includes('parallelism'),
  };
}

describe('evaluate', () => {
  // right: agent as labeled; under: multi-agent labeled, agent routed (crossDomain missed);
  // over: direct labeled, multi-agent routed (toolUse and parallelism set without cause).
  const report = evaluate([
    {
      id: 'right',
      expected: expected('agent', ['toolUse']),
      decision: decision('agent', ['toolUse']),
    },
    {
      id: 'under',
      expected: expected('multi-agent', ['toolUse', 'crossDomain']),
      decision: decision('agent', ['toolUse']),
    },
    {
      id: 'over',
      expected: expected('direct', []),
      decision: decision('multi-agent', ['toolUse', 'parallelism']),
    },
  ]);

  it('computes accuracy and under- and over-escalation as shares of the total', () => {
    expect(report.total).toBe(3);
    expect(report.accuracy).toBe(1 / 3);
    expect(report.underEscalation).toBe(1 / 3);
    expect(report.overEscalation).toBe(1 / 3);
  });

  it('lists the misrouted requests', () => {
    expect(report.misrouted).toEqual([
      { id: 'under', expected: 'multi-agent', actual: 'agent' },
      { id: 'over', expected: 'direct', actual: 'multi-agent' },
    ]);
  });

  it('builds the confusion matrix as confusion[expected][actual]', () => {
    expect(report.confusion).toEqual({
      direct: { direct: 0, agent: 0, 'multi-agent': 1 },
      agent: { direct: 0, agent: 1, 'multi-agent': 0 },
      'multi-agent': { direct: 0, agent: 1, 'multi-agent': 0 },
    });
  });

  it('computes per-signal counts, precision, recall and F1', () => {
    // toolUse: set on all three, labeled on the first two.
    expect(report.signals.toolUse).toMatchObject({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 0,
      precision: 2 / 3,
      recall: 1,
    });
    expect(report.signals.toolUse.f1).toBeCloseTo(0.8, 12);
    // crossDomain: labeled once, never set.
    expect(report.signals.crossDomain).toEqual({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 1,
      precision: 1,
      recall: 0,
      f1: 0,
    });
    // parallelism: set once, never labeled.
    expect(report.signals.parallelism).toEqual({
      truePositives: 0,
      falsePositives: 1,
      falseNegatives: 0,
      precision: 0,
      recall: 1,
      f1: 0,
    });
    // securityBoundary: neither set nor labeled: nothing to get wrong.
    expect(report.signals.securityBoundary).toEqual({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('reports zeros for an empty set', () => {
    const empty = evaluate([]);
    expect(empty).toMatchObject({
      total: 0,
      accuracy: 0,
      underEscalation: 0,
      overEscalation: 0,
      misrouted: [],
    });
  });
});
