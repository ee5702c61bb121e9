import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { InvalidConfigError, type Issue } from './errors.ts';

/** Formats a zod issue path as `tools[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Turns zod issues into tierup issues with readable paths and messages. An unknown key is
 * named by its own path (`thresholds.paralelism`), as a typo usually is.
 */
export function toIssues(error: z.ZodError, prefix?: string | readonly PropertyKey[]): Issue[] {
  const base: PropertyKey[] =
    prefix === undefined ? [] : typeof prefix === 'string' ? [prefix] : [...prefix];
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatPath([...base, ...issue.path, key]),
          message: 'is not a known option',
        }))
      : [{ path: formatPath([...base, ...issue.path]), message: describe(issue) }],
  );
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must have at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
          : `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must have at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} items`
          : `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Validates options with their schema: the one way tierup checks what a caller configures.
 * @throws {InvalidConfigError} naming every field at fault, under `prefix`.
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidConfigError(toIssues(result.error, prefix));
  return result.data;
}

/**
 * Reads a JSON file and validates it with a schema.
 * @throws {InvalidConfigError} naming the field at fault, or with an empty path when the file
 * cannot be read or is not JSON.
 */
export async function loadJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidConfigError([{ path: '', message: `cannot be read: ${reason(error)}` }], {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidConfigError([{ path: '', message: `invalid JSON: ${reason(error)}` }], {
      cause: error,
    });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidConfigError(toIssues(result.error));
  return result.data;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
