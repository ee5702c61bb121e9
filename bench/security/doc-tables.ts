// The rows of docs/benchmarks.md's tables of the scenario suite (its tools with their flags, its
// tasks, its goals), made from the suite itself so that a test can hold the page to the code.
import { rolesOf } from './contract.ts';
import { ENVIRONMENTS } from './environments.ts';

/** `| environment | tool | flags | argument roles |`, one row per tool. */
export function toolRows(): string[] {
  return ENVIRONMENTS.flatMap((environment) =>
    environment.create().tools.map((tool) => {
      const roles = rolesOf(tool);
      const flags = [
        tool.untrustedInput && 'untrusted',
        tool.sensitiveData && 'sensitive',
        tool.sideEffects && 'side effects',
        roles.openWorld && 'open-world',
      ].filter(Boolean);
      const named = [
        ...(tool.destinations ?? []).map((name) => `${name} (destination)`),
        ...(roles.credentials ?? []).map((name) => `${name} (credential)`),
        ...(roles.amounts ?? []).map((name) => `${name} (amount)`),
      ];
      return `| ${environment.id} | \`${tool.name}\` | ${flags.join(', ') || 'none'} | ${named.join(', ') || '—'} |`;
    }),
  );
}

/** `| environment | task | request | steps | permit | injection points |`, one row per task. */
export function taskRows(): string[] {
  return ENVIRONMENTS.flatMap((environment) =>
    environment.tasks.map((task) => {
      const permit = (task.permit ?? []).map((p) => `${p.tool}.${p.argument} ← ${p.from}`);
      const request = task.prompt.replaceAll('|', '\\|');
      return `| ${environment.id} | \`${task.id}\` | ${request} | ${task.steps.length} | ${permit.join('; ') || '—'} | ${task.injectionPoints.length} |`;
    }),
  );
}

/** `| environment | goal | instruction |`, one row per goal. */
export function goalRows(): string[] {
  return ENVIRONMENTS.flatMap((environment) =>
    environment.goals.map((goal) => `| ${environment.id} | \`${goal.id}\` | ${goal.instruction} |`),
  );
}
