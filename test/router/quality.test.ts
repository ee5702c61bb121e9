import { existsSync, readFileSync } from 'node:fs';
import type { EvaluationReport } from 'tierup/eval';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/index.ts';
import { Expected, evaluate } from '../../src/router/evaluate.ts';

const DEV = new URL('../../data/routing/dev.jsonl', import.meta.url);
const FIXTURES = new URL('../fixtures/routing/', import.meta.url);

function evaluateFile(file: URL): EvaluationReport {
  const router = createRouter();
  const results = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line);
      return {
        id: record.id,
        expected: Expected.parse(record.expected),
        decision: router.route({ input: record.input, tools: record.tools, hints: record.hints }),
      };
    });
  return evaluate(results);
}

// The team's development set ships in the repository: without it this fails, it does not skip.
describe('routing quality on data/routing/dev.jsonl', () => {
  it('meets the bar: tier accuracy >= 90%, under-escalation <= 3%', () => {
    expect(
      existsSync(DEV),
      `${DEV.pathname} is missing: the development set ships in data/routing/`,
    ).toBe(true);
    const report = evaluateFile(DEV);
    expect(report.total).toBe(150);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.underEscalation).toBeLessThanOrEqual(0.03);
  });
});

describe('routing quality on requests the toolUse model was not fitted on', () => {
  // extra-b, fc-b and extra-d are left out of scripts/train-tool-use.ts; these floors guard
  // against regressions and sit just under the figures in docs/routing.md. extra-b's
  // under-escalation floor moved from 6% to 7% with a release that stopped matching tools on words
  // every tool uses and a second domain on words the first one matches: two of its records had
  // been right by such matches alone (docs/routing.md, toolUse step 2 and crossDomain).
  // extra-d's moved from 6% to 7% with the release in which a concept-family link alone no longer
  // matches a tool in a request with no cue of need: "The upstream fix landed — rebuild
  // revenue_daily from scratch" had reached its pipeline tool only through such a link.
  it.each([
    ['extra-b.jsonl', 0.79, 0.07],
    ['fc-b.jsonl', 0.78, 0.06],
    ['extra-d.jsonl', 0.82, 0.07],
  ])('%s: accuracy >= %d, under-escalation <= %d', (file, accuracy, under) => {
    const report = evaluateFile(new URL(file, FIXTURES));
    expect(report.accuracy).toBeGreaterThanOrEqual(accuracy);
    expect(report.underEscalation).toBeLessThanOrEqual(under);
  });
});
