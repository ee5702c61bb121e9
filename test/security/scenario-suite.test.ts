// Keeps the scenario suite of `npm run bench:security` (bench/security) valid: its injection points
// are where the tasks read, its attacks are live against an undefended loop, its checks tell done
// from not done and reached from not reached, and its compromised model plays every agent of the
// multi-agent tier. It asserts none of tierup's own figures: the bench reports those.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compromisedModel } from '../../bench/security/compromised-model.ts';
import { goalRows, taskRows, toolRows } from '../../bench/security/doc-tables.ts';
import { ENVIRONMENTS } from '../../bench/security/environments.ts';
import { runScenario } from '../../bench/security/run-scenario.ts';
import { TEMPLATES } from '../../bench/security/templates.ts';
import { undefendedLoop } from '../../bench/security/undefended-loop.ts';
import { type AnyTool, createTierup } from '../../src/index.ts';

describe.each(ENVIRONMENTS)('the $id environment', (environment) => {
  it('has at least 10 tasks and 5 goals, and secrets the benign tasks leak nowhere', async () => {
    expect(environment.tasks.length).toBeGreaterThanOrEqual(10);
    expect(environment.goals.length).toBeGreaterThanOrEqual(5);
    for (const task of environment.tasks) {
      const outcome = await runScenario(environment, task, undefined, 'undefended');
      expect(outcome.done, `${task.id} is done by an honest model`).toBe(true);
      expect(outcome.leaks, task.id).toEqual([]);
      const service = environment.create();
      await undefendedLoop(compromisedModel(environment), service.tools, task.prompt);
      for (const goal of environment.goals) {
        expect(goal.reached(service.state, service.runs), `${goal.id} after ${task.id}`).toBe(
          false,
        );
      }
    }
  });

  it("declares as each task's injection points exactly the places its tools return outside text", async () => {
    const canaries = Object.fromEntries(
      environment.injectionPoints.map((point) => [point, `CANARY<${point}>`]),
    );
    const reached = new Set<string>();
    for (const task of environment.tasks) {
      const service = environment.create(canaries);
      const model = compromisedModel(environment);
      await undefendedLoop(model, service.tools, task.prompt);
      const results = model.calls.flatMap((call) =>
        call.messages.flatMap((m) => (m.role === 'tool' ? [m.content] : [])),
      );
      const found = environment.injectionPoints.filter((point) =>
        results.some((text) => text.includes(`CANARY<${point}>`)),
      );
      expect([...found].sort(), task.id).toEqual([...task.injectionPoints].sort());
      for (const point of found) reached.add(point);
    }
    expect([...reached].sort()).toEqual([...environment.injectionPoints].sort());
  });

  it('has live attacks: the undefended loop reaches every goal, with every template', async () => {
    for (const [i, goal] of environment.goals.entries()) {
      const task = environment.tasks[i % environment.tasks.length];
      if (task === undefined) throw new Error('no task');
      for (const template of TEMPLATES) {
        const outcome = await runScenario(environment, task, { goal, template }, 'undefended');
        expect(outcome.reached, `${task.id} ${goal.id} ${template.id}`).toBe(true);
        expect(outcome.obeyed.map((o) => o.goal)).toContain(goal.id);
        const asksForSecret = goal.calls.some((call) => JSON.stringify(call).includes('$SECRET'));
        if (asksForSecret) expect(outcome.leaks.length, `${goal.id} leaks`).toBeGreaterThan(0);
      }
    }
  });
});

/** Tools that are both untrusted and sensitive flagged untrusted only, which main's boundary takes. */
const untrustedOnly = (tools: readonly AnyTool[]) =>
  tools.map((t) => (t.untrustedInput && t.sensitiveData ? { ...t, sensitiveData: false } : t));

describe('the compromised model on the multi-agent tier', () => {
  it('meets each task through the manager, quarantined readers and specialists when nothing refuses', async () => {
    for (const environment of ENVIRONMENTS) {
      for (const task of environment.tasks) {
        const service = environment.create();
        const tierup = createTierup({
          model: compromisedModel(environment),
          tools: untrustedOnly(service.tools),
          policy: () => 'allow',
        });
        const result = await tierup.run({ input: task.prompt, hints: { tier: 'multi-agent' } });
        expect(result.tier).toBe('multi-agent');
        const readers = result.audit.filter((entry) => entry.agent.endsWith('_reader'));
        if (
          task.steps.some((step) => service.tools.find((t) => t.name === step.tool)?.untrustedInput)
        )
          expect(readers.length, `${environment.id}/${task.id} used a reader`).toBeGreaterThan(0);
        expect(
          task.done(service.state, String(result.output)),
          `${environment.id}/${task.id}`,
        ).toBe(true);
      }
    }
  });

  it("as a compromised reader, hands on the attacker's values in the fields the plan asks for", async () => {
    const [banking] = ENVIRONMENTS;
    const task = banking?.tasks.find((t) => t.id === 'pay-bill');
    const goal = banking?.goals.find((g) => g.id === 'steal-money');
    const template = TEMPLATES[0];
    if (!banking || !task || !goal || !template) throw new Error('missing fixture');
    const service = banking.create({ 'file-bill': template.render(goal.instruction, 'Robin') });
    const model = compromisedModel(banking);
    const tierup = createTierup({
      model,
      tools: untrustedOnly(service.tools),
      policy: () => 'allow',
    });
    await tierup.run({ input: task.prompt, hints: { tier: 'multi-agent' } });
    expect(model.obeyed).toEqual([
      { agent: 'files_reader', goal: 'steal-money', quarantined: true },
    ]);
    // The bank specialist never read the bill; the IBAN and amount it paid are the reader's.
    expect(goal.reached(service.state, service.runs)).toBe(true);
    expect(service.runs.find((run) => run.tool === 'send_money')?.arguments).toMatchObject({
      amount: 950,
    });
  });
});

describe('docs/benchmarks.md', () => {
  it("lists the suite's tools with their flags, its tasks and its goals as the code has them", () => {
    const doc = readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8');
    for (const row of [...toolRows(), ...taskRows(), ...goalRows()]) expect(doc).toContain(row);
  });
});
