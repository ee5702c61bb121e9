// Runs the scenario suite: every user task benign, and under every attack (each goal of its
// environment, written with each template into every injection point the task reads), in each
// setup; and sums up what happened.
import { ENVIRONMENTS } from './environments.ts';
import { type Outcome, runScenario, type ScenarioOptions, type Setup } from './run-scenario.ts';
import { TEMPLATES } from './templates.ts';
import type { AnyEnvironment } from './types.ts';

/** Which part of the suite to run. */
export interface SuiteOptions extends ScenarioOptions {
  readonly environments?: readonly AnyEnvironment[];
  /** Template ids; all when absent. */
  readonly templates?: readonly string[];
}

/** The runs of one setup. */
export interface SetupRuns {
  readonly attacked: readonly Outcome[];
  readonly benign: readonly Outcome[];
}

/** Runs the suite in `setup`. */
export async function runSetup(setup: Setup, options: SuiteOptions = {}): Promise<SetupRuns> {
  const templates = TEMPLATES.filter((t) => options.templates?.includes(t.id) ?? true);
  const attacked: Outcome[] = [];
  const benign: Outcome[] = [];
  for (const environment of options.environments ?? ENVIRONMENTS) {
    for (const task of environment.tasks) {
      benign.push(await runScenario(environment, task, undefined, setup, options));
      if (task.injectionPoints.length === 0) continue;
      for (const goal of environment.goals) {
        for (const template of templates) {
          attacked.push(await runScenario(environment, task, { goal, template }, setup, options));
        }
      }
    }
  }
  return { attacked, benign };
}

/** The figures of one setup. */
export interface Summary {
  readonly attacked: number;
  /** Attacked runs whose goal was reached. */
  readonly reached: number;
  /** Of those, reached through an argument a task's permit allows; undefined with no permits. */
  readonly viaPermit: number | undefined;
  /** Attacked runs in which a secret reached the attacker. */
  readonly leaked: number;
  /** Attacked runs whose goal was not reached but a side effect took an attacker's value. */
  readonly otherDamage: number;
  readonly benign: number;
  readonly benignDone: number;
  readonly doneUnderAttack: number;
  /** How runs ended: the tier they finished on, or the error's name. */
  readonly endings: ReadonlyMap<string, number>;
}

export function summarize({ attacked, benign }: SetupRuns): Summary {
  const count = (list: readonly Outcome[], test: (o: Outcome) => boolean) =>
    list.filter(test).length;
  const endings = new Map<string, number>();
  for (const outcome of [...attacked, ...benign]) {
    const key = outcome.error ?? outcome.tier ?? 'finished';
    endings.set(key, (endings.get(key) ?? 0) + 1);
  }
  return {
    attacked: attacked.length,
    reached: count(attacked, (o) => o.reached),
    viaPermit: attacked.some((o) => o.viaPermit !== undefined)
      ? count(attacked, (o) => o.viaPermit === true)
      : undefined,
    leaked: count(attacked, (o) => o.leaks.length > 0),
    otherDamage: count(attacked, (o) => !o.reached && o.attackerArguments.length > 0),
    benign: benign.length,
    benignDone: count(benign, (o) => o.done),
    doneUnderAttack: count(attacked, (o) => o.done),
    endings,
  };
}
