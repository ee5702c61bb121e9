import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrateThresholds,
  NoPositiveLabelError,
  THRESHOLD_GRID,
} from '../../src/cli/calibrate-thresholds.ts';
import { calibrationScorer } from '../../src/cli/calibration-scores.ts';
import { SIGNALS } from '../../src/core/decision.ts';
import { TierupError } from '../../src/core/errors.ts';
import { parseTask, type TaskInput } from '../../src/core/task.ts';
import { tierCosts } from '../../src/pricing/tier-cost.ts';
import { createRouter } from '../../src/router/create-router.ts';
import { type Expected, evaluate } from '../../src/router/evaluate.ts';
import { DEFAULT_ROUTER_CONFIG } from '../../src/router/options.ts';
import { fixture, parseLines } from './cli-harness.ts';

const records = parseLines(readFileSync(fixture('calibration.jsonl'), 'utf8')).map((record) => ({
  id: String(record.id),
  task: { input: record.input, tools: record.tools, hints: record.hints } as TaskInput,
  expected: record.expected as Expected,
}));
const score = calibrationScorer({});
const scored = records.map(({ id, task, expected }) => score(id, task, expected));
const start = DEFAULT_ROUTER_CONFIG.thresholds;

describe('calibrateThresholds', () => {
  it('gives, for every threshold of every signal, the figures of routing with it: exact, not estimated', () => {
    const calibration = calibrateThresholds(scored, { maxUnder: 0.02, start, keep: [] });
    const costs = records.map(({ task }) => tierCosts(parseTask(task)));
    const multiAgent = costs.reduce((sum, c) => sum + c['multi-agent'], 0);
    for (const signal of SIGNALS) {
      const sweep = calibration.sweeps[signal];
      expect(sweep.map((figures) => figures.thresholds[signal])).toEqual(THRESHOLD_GRID);
      for (const figures of sweep) {
        const router = createRouter({ thresholds: figures.thresholds });
        const decisions = records.map(({ task }) => router.route(task));
        const report = evaluate(
          records.map(({ id, expected }, i) => ({
            id,
            expected,
            decision: decisions[i] as ReturnType<typeof router.route>,
          })),
        );
        expect([figures.accuracy, figures.underEscalation, figures.overEscalation]).toEqual([
          report.accuracy,
          report.underEscalation,
          report.overEscalation,
        ]);
        const routedCost = decisions.reduce(
          (sum, decision, i) => sum + (costs[i]?.[decision.tier] ?? 0),
          0,
        );
        expect(figures.relativeCost).toBeCloseTo(routedCost / multiAgent, 12);
      }
    }
  });

  it('chooses the most accurate setting within the target, and no sweep beats it', () => {
    const calibration = calibrateThresholds(scored, { maxUnder: 0.02, start, keep: [] });
    const { chosen } = calibration;
    expect(calibration.met).toBe(true);
    expect(chosen.under).toBeLessThanOrEqual(calibration.allowedUnder);
    expect(chosen.accuracy).toBeGreaterThanOrEqual(calibration.start.accuracy);
    for (const signal of SIGNALS) {
      for (const figures of calibration.sweeps[signal]) {
        if (figures.under > calibration.allowedUnder) continue;
        expect(figures.correct).toBeLessThanOrEqual(chosen.correct);
        if (figures.correct === chosen.correct) {
          expect(figures.relativeCost).toBeGreaterThanOrEqual(chosen.relativeCost - 1e-12);
        }
      }
    }
    expect(calibration.settings).toBe(19 ** 4);
    // The frontier falls in cost as under-escalation grows.
    const costs = calibration.frontier.map((p) => p.relativeCost);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });

  it('throws a typed error naming each signal no record is labeled with, unless it is kept', () => {
    const without = scored.map((record) => ({
      ...record,
      expected: { ...record.expected, crossDomain: false, parallelism: false },
    }));
    let thrown: unknown;
    try {
      calibrateThresholds(without, { maxUnder: 0.02, start, keep: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NoPositiveLabelError);
    const error = thrown as NoPositiveLabelError;
    expect(TierupError.isInstance(error)).toBe(true);
    expect(error.code).toBe('invalid-config');
    expect(error.signals).toEqual(['crossDomain', 'parallelism']);
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'expected.crossDomain',
      'expected.parallelism',
    ]);
    const kept = calibrateThresholds(without, {
      maxUnder: 1,
      start: { ...start, crossDomain: 0.42 },
      keep: ['crossDomain', 'parallelism'],
    });
    expect(kept.chosen.thresholds.crossDomain).toBe(0.42);
    expect(kept.chosen.thresholds.parallelism).toBe(0.5);
    expect(kept.settings).toBe(19 ** 2);
  });
});
