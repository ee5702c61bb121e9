import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Budgets } from '../src/core/budgets.ts';
import { CallSettingsShape } from '../src/core/call-settings.ts';
import { TASK_FIELDS, TaskHints } from '../src/core/task.ts';
import { planSchema } from '../src/executors/plan.ts';
import type { ResolvedSpecialist } from '../src/executors/specialists.ts';
import { SpecialistList } from '../src/executors/specialists.ts';
import { RouterOptionsSchema } from '../src/router/options.ts';
import { RunOptionsShape, TierupRunOptionsShape } from '../src/run/option-schemas.ts';
import { SecurityOptionsShape } from '../src/security/run-security.ts';
import { TierupOptionsShape } from '../src/tierup-options.ts';
import { sourceProgram } from './source-program.ts';

// docs/options.md lists every option with its type, default and meaning. This test reads the
// option schemas (zod) and types (TypeScript) and fails when one is missing from the page, or
// when the page lists one that no longer exists.

const root = fileURLToPath(new URL('..', import.meta.url));
const page = readFileSync(`${root}docs/options.md`, 'utf8');

/** The options a section of the page lists: the first column of its table. */
function listed(heading: string): Set<string> {
  const start = page.indexOf(`## ${heading}\n`);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  return new Set([...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? ''));
}

/** The keys of a zod object schema. */
const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape);

/** The keys of a zod object schema's object-valued options, as `option.key`. */
function nestedKeys(schema: z.ZodObject, options: readonly string[]): string[] {
  return options.flatMap((option) => {
    let inner: z.ZodType = schema.shape[option] as z.ZodType;
    while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    return inner instanceof z.ZodObject ? keysOf(inner).map((key) => `${option}.${key}`) : [];
  });
}

// The TypeScript types, as a user sees them.
const program = sourceProgram([`${root}src/index.ts`]);
const checker = program.getTypeChecker();

/** The property names of an interface, inherited ones included, and of its listed object properties. */
function propertiesOf(file: string, name: string, nested: readonly string[] = []): string[] {
  const source = program.getSourceFile(`${root}${file}`);
  const module = source && checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  expect(symbol, `${name} in ${file}`).toBeDefined();
  const type = checker.getDeclaredTypeOfSymbol(symbol as ts.Symbol);
  return type.getProperties().flatMap((property) => {
    if (!nested.includes(property.name)) return [property.name];
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const inner = checker.getNonNullableType(
      checker.getTypeOfSymbolAtLocation(property, declaration as ts.Node),
    );
    return [property.name, ...inner.getProperties().map((p) => `${property.name}.${p.name}`)];
  });
}

/** Every name of `known` is listed, and every name listed is known. */
function expectListed(heading: string, known: readonly string[]): void {
  const names = listed(heading);
  expect(
    [...new Set(known)].filter((name) => !names.has(name)),
    `missing in "${heading}"`,
  ).toEqual([]);
  expect(
    [...names].filter((name) => !known.includes(name)),
    `unknown in "${heading}"`,
  ).toEqual([]);
}

const CONTAINERS = [
  'models',
  'settings',
  'executors',
  'routing',
  'thresholds',
  'scorers',
  'telemetry',
  'sessions',
];

describe('docs/options.md', () => {
  it('lists every option of createTierup, from its schemas and its type', () => {
    const options = TierupOptionsShape as unknown as z.ZodObject;
    const router = RouterOptionsSchema as unknown as z.ZodObject;
    expectListed('createTierup options', [
      ...keysOf(options),
      ...nestedKeys(options, [...CONTAINERS, 'guardrails']),
      ...keysOf(router),
      ...nestedKeys(router, CONTAINERS),
      ...keysOf(Budgets).map((key) => `budgets.${key}`),
      ...propertiesOf('src/tierup-options.ts', 'TierupOptions', [
        ...CONTAINERS,
        'guardrails',
        'budgets',
      ]),
    ]);
  });

  it('lists every run option', () => {
    const security = SecurityOptionsShape as unknown as z.ZodObject;
    expectListed('Run options', [
      ...keysOf(RunOptionsShape as unknown as z.ZodObject),
      ...keysOf(TierupRunOptionsShape as unknown as z.ZodObject),
      ...keysOf(Budgets),
      ...keysOf(security),
      ...nestedKeys(security, ['guardrails']),
      ...propertiesOf('src/tierup.ts', 'TierupRunOptions', ['guardrails']),
    ]);
  });

  it('lists every option of the executors', () => {
    expectListed(
      'Executor options',
      propertiesOf('src/executors/multi-agent-executor.ts', 'MultiAgentExecutorOptions'),
    );
  });

  it('lists every model setting, every field of a specialist and every field of a task', () => {
    expectListed('Model settings', [
      ...keysOf(CallSettingsShape),
      ...propertiesOf('src/core/language-model.ts', 'CallSettings'),
    ]);
    expectListed('Specialists', [
      ...keysOf(SpecialistList.element as unknown as z.ZodObject),
      ...propertiesOf('src/executors/specialists.ts', 'Specialist'),
    ]);
    const hints = Object.keys((TaskHints as unknown as z.ZodObject).shape ?? {});
    expectListed('The task', [
      ...TASK_FIELDS,
      ...hints.map((key) => `hints.${key}`),
      ...propertiesOf('src/core/executor.ts', 'RunTask'),
    ]);
  });
});

describe("docs/executors.md, the manager's plan", () => {
  const doc = readFileSync(`${root}docs/executors.md`, 'utf8');
  const section = doc.slice(doc.indexOf("## The manager's plan"));
  const example = JSON.parse(section.match(/```json\n([\s\S]*?)```/)?.[1] ?? 'null');
  const specialist = (name: string) => ({ name }) as ResolvedSpecialist;
  const team = ['commerce', 'payments', 'generalist'].map(specialist);

  it('shows a plan the manager schema accepts', () => {
    expect(planSchema(team, 16).safeParse(example).success).toBe(true);
  });

  it('states the rules the schema holds a plan to', () => {
    const schema = planSchema(team, 2);
    const issue = (plan: unknown) => schema.safeParse(plan).error?.issues[0]?.message;
    expect(schema.safeParse(example).error?.issues[0]).toMatchObject({
      code: 'too_big',
      path: ['subtasks'],
    });
    const [order] = example.subtasks;
    expect(issue({ subtasks: [{ ...order, specialist: 'billing' }] })).toBeDefined();
    expect(issue({ subtasks: [{ ...order, dependsOn: ['ordr'] }] })).toBe('names no subtask: ordr');
    expect(issue({ subtasks: [order, order] })).toBe('is not unique');
    expect(issue({ subtasks: [{ ...order, id: 'no spaces' }] })).toBeDefined();
    // Under a boundary, every subtask says what it extracts.
    expect(planSchema(team, 16, true).safeParse(example).success).toBe(false);
    const extracting = {
      subtasks: example.subtasks.map((s: object) => ({ ...s, extract: [] })),
    };
    expect(planSchema(team, 16, true).safeParse(extracting).success).toBe(true);
  });
});
