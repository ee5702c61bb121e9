import { BoundaryViolationError } from '../core/errors.ts';
import type { Privilege } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import { isOutward, privilegesOf } from './privileges.ts';
import { type ExtractField, fieldsOf } from './quarantine.ts';

// The security boundary of the multi-agent tier (docs/security.md): when it holds, which
// specialists it quarantines, and which plans it refuses.

/** A subtask of a plan, as the boundary sees it. */
export interface PlannedSubtask {
  readonly id: string;
  readonly specialist: string;
  readonly dependsOn: readonly string[];
  /** What a quarantined subtask hands on. */
  readonly extract?: readonly ExtractField[] | undefined;
}

/** A specialist, as the boundary sees it. */
export interface PlannedAgent {
  readonly name: string;
  readonly privileges: readonly Privilege[];
  readonly quarantined: boolean;
}

/**
 * Whether a multi-agent run enforces the boundary: always, never (`off`, for comparisons), or
 * (`auto`) when the router set `securityBoundary` or the run's tools hold untrusted content,
 * sensitive data and side effects together.
 */
export function needsBoundary(
  mode: 'auto' | 'always' | 'off' | undefined,
  routerSet: boolean | undefined,
  tools: readonly AnyTool[],
): boolean {
  if (mode === 'always') return true;
  if (mode === 'off') return false;
  return routerSet === true || privilegesOf(tools).length === 3;
}

/**
 * The privileges of a specialist holding `tools`, and whether the boundary quarantines it (it
 * reads untrusted content). A quarantined reader may read sensitive data too (an inbox, a chat
 * channel, a transaction list whose memos others write), or reach outside with an open-world read
 * (a fetch), but not both, and it never holds a side effect.
 * @throws {BoundaryViolationError} for a quarantined specialist that would hold a side effect, or
 * sensitive data with an open-world tool.
 */
export function specialistPrivileges(
  name: string,
  tools: readonly AnyTool[],
  boundary: boolean,
): { readonly privileges: Privilege[]; readonly quarantined: boolean } {
  const privileges = privilegesOf(tools);
  const quarantined = boundary && privileges.includes('untrusted');
  if (!quarantined) return { privileges, quarantined };
  const acting = tools.filter((t) => t.sideEffects).map((t) => t.name);
  if (acting.length > 0) {
    throw new BoundaryViolationError(
      name,
      privileges,
      `would read untrusted content while holding side-effect tools (${acting.join(', ')}); give its untrusted-content tools to a specialist of their own, and split a tool that does both into two`,
    );
  }
  const outward = tools.filter(isOutward).map((t) => t.name);
  if (privileges.includes('sensitive') && outward.length > 0) {
    const sensitive = tools.filter((t) => t.sensitiveData).map((t) => t.name);
    throw new BoundaryViolationError(
      name,
      privileges,
      `would read untrusted content and sensitive data (${sensitive.join(', ')}) while holding open-world tools (${outward.join(', ')}) that can carry it out; give them to readers of their own, and split a tool that does both into two`,
    );
  }
  return { privileges, quarantined };
}

/**
 * Checks a plan under a security boundary before anything runs: no subtask's agent may hold, with
 * what reaches its context, untrusted content, sensitive data and side effects or outward reads
 * together; so a quarantined subtask that can reach outside (a URL it fetches) may not see
 * sensitive data. Sensitive data reaches a subtask through the results it depends on; a
 * quarantined result reaches it only as fields, which carry no untrusted text, and whose strings
 * are placeholders: only its numbers, booleans and enum values show what it read.
 * @throws {BoundaryViolationError}
 */
export function checkPlanBoundary(
  plan: { readonly subtasks: readonly PlannedSubtask[] },
  specialists: readonly PlannedAgent[],
): void {
  const byName = new Map(specialists.map((s) => [s.name, s]));
  const byId = new Map(plan.subtasks.map((s) => [s.id, s]));
  const memo = new Map<string, Set<Privilege>>();
  const effective = (subtask: PlannedSubtask): Set<Privilege> => {
    const known = memo.get(subtask.id);
    if (known) return known;
    const own = new Set(byName.get(subtask.specialist)?.privileges ?? []);
    memo.set(subtask.id, own);
    for (const id of subtask.dependsOn) {
      const dep = byId.get(id);
      if (dep && effective(dep).has('sensitive') && showsValues(dep)) own.add('sensitive');
    }
    return own;
  };
  // A quarantined subtask's strings reach others only as placeholders: its sensitive data reaches
  // their context only through the numbers, booleans and enum values it hands on.
  const showsValues = (dep: PlannedSubtask) =>
    !byName.get(dep.specialist)?.quarantined ||
    fieldsOf(dep).some(
      (f) =>
        f.type !== 'string' &&
        !(f.type === 'list' && f.items !== 'number') &&
        !(f.type === 'enum' && f.values.length === 0),
    );
  for (const subtask of plan.subtasks) {
    const held = effective(subtask);
    if (
      byName.get(subtask.specialist)?.quarantined &&
      held.has('sensitive') &&
      held.has('acting')
    ) {
      throw new BoundaryViolationError(
        subtask.specialist,
        [...held],
        `would read untrusted content with sensitive data in its context, in subtask ${subtask.id}, while holding tools that reach outside; what it reads can make them carry that data out`,
      );
    }
    if (held.has('untrusted') && held.has('sensitive') && held.has('acting')) {
      throw new BoundaryViolationError(
        subtask.specialist,
        [...held],
        `would hold untrusted content, sensitive data and side effects together in subtask ${subtask.id}`,
      );
    }
  }
}
