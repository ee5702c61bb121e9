// How a planned step's arguments get their values: from what readers found (`s1.iban`), looked up
// one way by the single agent (in its own tool results) and another by a specialist (in the
// results of the subtasks it depends on, as `<t1.iban>`).
import type { ArgSpec, Condition, TaskStep } from './types.ts';

/** A value that could not be found: the step cannot be made yet, or ever. */
export const MISSING = Symbol('missing');
export type Lookup = (path: string) => unknown;

const TOKEN = /\{(s\d+\.\w+)\}/g;

/** `Array.isArray`, which does not narrow a readonly list. */
function isList(spec: ArgSpec): spec is readonly ArgSpec[] {
  return Array.isArray(spec);
}

/** An argument with every reference replaced by what `lookup` finds, or MISSING. */
export function resolveArg(spec: ArgSpec, lookup: Lookup): unknown {
  if (isList(spec)) {
    const items = spec.map((item) => resolveArg(item, lookup));
    return items.includes(MISSING) ? MISSING : items;
  }
  if (typeof spec !== 'object') return spec;
  if ('ref' in spec) return lookup(spec.ref);
  let missing = false;
  const filled = spec.text.replace(TOKEN, (_, path: string) => {
    const value = lookup(path);
    if (value === MISSING) missing = true;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
  return missing ? MISSING : filled;
}

/** A step's arguments resolved, or MISSING when one of them cannot be. */
export function resolveArgs(
  args: Readonly<Record<string, ArgSpec>>,
  lookup: Lookup,
): Record<string, unknown> | typeof MISSING {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(args)) {
    const value = resolveArg(spec, lookup);
    if (value === MISSING) return MISSING;
    out[key] = value;
  }
  return out;
}

/** Whether every condition holds on what `lookup` finds; MISSING when a value is not found. */
export function conditionsHold(
  conditions: readonly Condition[] | undefined,
  lookup: Lookup,
): boolean | typeof MISSING {
  for (const condition of conditions ?? []) {
    const left = lookup(condition.ref);
    const right =
      typeof condition.value === 'object' ? lookup(condition.value.ref) : condition.value;
    if (left === MISSING || left === undefined || right === MISSING || right === undefined)
      return MISSING;
    if (!compare(left, condition.op, right)) return false;
  }
  return true;
}

function compare(left: unknown, op: Condition['op'], right: unknown): boolean {
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (typeof left !== 'number' || typeof right !== 'number') return false;
  return op === '>' ? left > right : left < right;
}

/** The steps a step needs values from, or must come after. */
export function stepsReferenced(step: TaskStep): string[] {
  const paths: string[] = (step.when ?? []).flatMap((c) =>
    typeof c.value === 'object' ? [c.ref, c.value.ref] : [c.ref],
  );
  const walk = (spec: ArgSpec) => {
    if (isList(spec)) spec.forEach(walk);
    else if (typeof spec === 'object') {
      if ('ref' in spec) paths.push(spec.ref);
      else for (const [, path = ''] of spec.text.matchAll(TOKEN)) paths.push(path);
    }
  };
  Object.values(step.args).forEach(walk);
  return [...new Set([...paths.map((path) => path.split('.')[0] ?? ''), ...(step.after ?? [])])];
}

/**
 * The step as a manager writes it into a subtask: each `s1.field` as a token `<t1.field>` of the
 * subtask that made step s1 (`subtaskOf`), which the specialist fills from its dependencies.
 */
export function asTokens(
  step: TaskStep,
  subtaskOf: (stepId: string) => string,
): { args: Record<string, unknown>; when: Condition[] } {
  const token = (path: string) => {
    const [stepId = '', name = ''] = path.split('.');
    return `<${subtaskOf(stepId)}.${name}>`;
  };
  const render = (spec: ArgSpec): unknown => {
    if (isList(spec)) return spec.map(render);
    if (typeof spec !== 'object') return spec;
    if ('ref' in spec) return token(spec.ref);
    return spec.text.replace(TOKEN, (_, path: string) => token(path));
  };
  const args = Object.fromEntries(
    Object.entries(step.args).map(([key, spec]) => [key, render(spec)]),
  );
  const when = (step.when ?? []).map((c) => ({
    ...c,
    ref: token(c.ref),
    value: typeof c.value === 'object' ? { ref: token(c.value.ref) } : c.value,
  }));
  return { args, when };
}

const WHOLE_TOKEN = /^<([\w-]+\.\w+)>$/;
const ANY_TOKEN = /<([\w-]+\.\w+)>/g;

/**
 * A specialist's filling of the tokens in its subtask's call from the results it depends on:
 * a whole-token argument takes the value with its type (a number stays a number), a token inside
 * text its text. MISSING when a result it needs is not there.
 */
export function fillFromResults(value: unknown, results: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => fillFromResults(item, results));
    return items.includes(MISSING) ? MISSING : items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const filled = fillFromResults(item, results);
      if (filled === MISSING) return MISSING;
      out[key] = filled;
    }
    return out;
  }
  if (typeof value !== 'string') return value;
  const whole = WHOLE_TOKEN.exec(value)?.[1];
  if (whole !== undefined) {
    const found = results.get(whole);
    return found === undefined ? MISSING : typed(found);
  }
  let missing = false;
  const filled = value.replace(ANY_TOKEN, (_, path: string) => {
    const found = results.get(path);
    if (found === undefined) missing = true;
    return found ?? '';
  });
  return missing ? MISSING : filled;
}

/** A handed-on value as text, back to its type: `12` a number, `true` a boolean, else text. */
function typed(text: string): unknown {
  if (/^\{\{[\w.-]+\}\}$/.test(text)) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : text;
  } catch {
    return text;
  }
}
