import { z } from 'zod';
import type { ExtractField } from '../security/quarantine.ts';
import type { ResolvedSpecialist } from './specialists.ts';

/** One step of the manager's plan. */
export interface Subtask {
  readonly id: string;
  readonly specialist: string;
  /** Everything the specialist needs to know: it sees nothing else but its dependencies' results. */
  readonly task: string;
  /** Ids of the subtasks whose results this one needs. */
  readonly dependsOn: readonly string[];
  /** Under a security boundary: the fields a quarantined specialist hands on, and nothing else. */
  readonly extract?: readonly ExtractField[];
}

/** The most fields one quarantined subtask may extract. */
export const MAX_EXTRACT_FIELDS = 12;

const ExtractFieldSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/),
  type: z.enum(['string', 'number', 'boolean', 'enum', 'list']),
  values: z.array(z.string().min(1).max(60)).max(20),
  items: z.enum(['string', 'number']).optional(),
});

/** The manager's plan: subtasks for the specialists; none means the manager answers alone. */
export interface Plan {
  readonly subtasks: readonly Subtask[];
  /**
   * Plan again once these subtasks ran, seeing their results (a reader's fields), before the
   * answer: for steps that depend on what a reader finds. At most `maxPlanRounds` plans.
   */
  readonly replan?: boolean | undefined;
}

/**
 * The schema the manager's plan must meet: known specialists, unique ids, dependencies that
 * exist and form no cycle, at most `maxSubtasks` subtasks. A later round's plan may depend on the
 * subtasks that ran before (`done`), and may not reuse their ids.
 */
export function planSchema(
  specialists: readonly ResolvedSpecialist[],
  maxSubtasks: number,
  boundary = false,
  done: readonly string[] = [],
): z.ZodType<Plan> {
  // Runs of one service mostly see the same team: build (and let zod compile) each schema once.
  const key = `${maxSubtasks}|${boundary}|${specialists.map((s) => s.name).join(',')}|${done.join(',')}`;
  let schema = schemas.get(key);
  if (schema === undefined) {
    schema = buildPlanSchema(specialists, maxSubtasks, boundary, new Set(done));
    if (schemas.size >= MAX_CACHED_SCHEMAS) schemas.delete(schemas.keys().next().value as string);
    schemas.set(key, schema);
  }
  return schema;
}

const schemas = new Map<string, z.ZodType<Plan>>();
const MAX_CACHED_SCHEMAS = 256;

function buildPlanSchema(
  specialists: readonly ResolvedSpecialist[],
  maxSubtasks: number,
  boundary: boolean,
  done: ReadonlySet<string>,
): z.ZodType<Plan> {
  const names = specialists.map((s) => s.name) as [string, ...string[]];
  const base = z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    specialist: z.enum(names),
    task: z.string().min(1),
    dependsOn: z.array(z.string()),
  });
  const subtask = boundary
    ? base.extend({ extract: z.array(ExtractFieldSchema).max(MAX_EXTRACT_FIELDS) })
    : base;
  const shape = { subtasks: z.array(subtask).max(maxSubtasks), replan: z.boolean().optional() };
  return z.object(shape).superRefine((plan, ctx) => {
    const ids = new Map<string, number>();
    plan.subtasks.forEach((subtask, i) => {
      if (ids.has(subtask.id) || done.has(subtask.id)) {
        ctx.addIssue({ code: 'custom', path: ['subtasks', i, 'id'], message: 'is not unique' });
      }
      ids.set(subtask.id, i);
    });
    plan.subtasks.forEach((subtask, i) => {
      const fields = new Set<string>();
      ((subtask as Subtask).extract ?? []).forEach((field, j) => {
        if (fields.has(field.name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['subtasks', i, 'extract', j, 'name'],
            message: 'is not unique',
          });
        }
        fields.add(field.name);
      });
      subtask.dependsOn.forEach((dep, j) => {
        if (!ids.has(dep) && !done.has(dep)) {
          ctx.addIssue({
            code: 'custom',
            path: ['subtasks', i, 'dependsOn', j],
            message: `names no subtask: ${dep}`,
          });
        }
      });
    });
    const cycle = findCycle(plan.subtasks);
    if (cycle) {
      ctx.addIssue({
        code: 'custom',
        path: ['subtasks'],
        message: `dependencies form a cycle: ${cycle.join(' -> ')}`,
      });
    }
  });
}

function findCycle(subtasks: readonly Subtask[]): string[] | undefined {
  const deps = new Map(subtasks.map((s) => [s.id, s.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !deps.has(id)) return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of deps.get(id) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const subtask of subtasks) {
    const found = visit(subtask.id);
    if (found) return found;
  }
  return undefined;
}
