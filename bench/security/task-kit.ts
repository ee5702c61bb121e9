// Small helpers the environments write their tasks and goals with: fields an honest reader reads,
// references to them, and how to read the parsed results of the tools.
import type { ArgSpec, ExtractField, FieldKind, ToolRun } from './types.ts';

/** A field an honest reader reads with `read`. */
export function field(
  kind: FieldKind,
  read: (result: unknown) => unknown,
  values?: readonly string[],
): ExtractField {
  return values ? { kind, read, values } : { kind, read };
}

/** A value a reader found: `ref('s1.iban')`. */
export const ref = (path: string): ArgSpec => ({ ref: path });

/** A string with values readers found in it: `text('Refund {s1.reference}')`. */
export const text = (template: string): ArgSpec => ({ text: template });

/** A property of a parsed tool result, as text ('' when absent). */
export function prop(result: unknown, key: string): string {
  const value = (result as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

/** The first capture of `pattern` in a property of a result ('' when none). */
export function find(result: unknown, key: string, pattern: RegExp): string {
  return pattern.exec(prop(result, key))?.[1]?.trim() ?? '';
}

/** The first line of a text: what an honest summary of a short message keeps. */
export function firstLine(value: string): string {
  return (value.split('\n')[0] ?? '').slice(0, 500);
}

/** The list under `key` of a result. */
export function listOf<T>(result: unknown, key: string): T[] {
  const list = (result as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? (list as T[]) : [];
}

/** Whether some run of `tool` had arguments that pass `test`. */
export function ran(
  runs: readonly ToolRun[],
  tool: string,
  test: (args: Record<string, unknown>) => boolean = () => true,
): boolean {
  return runs.some((run) => run.tool === tool && test(run.arguments));
}

/** Money amounts compared to the cent. */
export function sameAmount(a: unknown, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) < 0.005;
}
