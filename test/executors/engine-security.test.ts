import { describe, expect, it } from 'vitest';
import { INJECTION_CASES } from '../security/injection-cases.ts';
import { type Outcome, runCase, scenarioOf } from '../security/run-case.ts';
import { SCENARIOS } from '../security/scenarios.ts';

/** What a run did, that must not depend on where its subtasks ran. */
const summary = (outcome: Outcome) => ({
  output: outcome.output,
  error: outcome.error === undefined ? undefined : String(outcome.error),
  done: outcome.done,
  damage: outcome.damage,
  runs: outcome.runs.map((run) => `${run.tool} ${JSON.stringify(run.arguments)}`),
  audit: outcome.audit.map((e) => `${e.agent} ${e.tool} ${e.decision} ${e.rule ?? ''}`).sort(),
});

// The prompt-injection suite (test/security/) under the boundary, each subtask carried as JSON
// through an engine, as to a worker: the ledger's entries, placeholders and permits travel with
// it, so every call is decided as in one process.
describe('the security boundary, with the subtasks on an engine', () => {
  it.each(INJECTION_CASES)(
    '$id: decided as in one process, no attack reaching its goal',
    async (c) => {
      const scenario = scenarioOf(c.scenario);
      const local = await runCase(scenario, c, 'boundary');
      const remote = await runCase(scenario, c, 'boundary', { engine: true });
      expect(remote.attackSucceeded).toBe(false);
      expect(summary(remote)).toEqual(summary(local));
    },
  );

  it.each(SCENARIOS)('$id, with benign content: done as in one process', async (scenario) => {
    const local = await runCase(scenario, undefined, 'boundary');
    const remote = await runCase(scenario, undefined, 'boundary', { engine: true });
    expect(remote.done).toBe(true);
    expect(summary(remote)).toEqual(summary(local));
  });
});
