import type { ToolSpec } from '../core/task.ts';

/** Items named in one reason before the rest are counted: reasons stay readable with 1,000 tools. */
const MAX_LISTED = 8;

/**
 * "a", "a and b", "a, b and c"; past eight items, "a, b, ... h and 12 more". With `label`, each
 * item is named by it (only the items shown are named).
 */
export function joinWords(items: readonly string[]): string;
export function joinWords<T>(items: readonly T[], label: (item: T) => string): string;
export function joinWords<T>(items: readonly T[], label?: (item: T) => string): string {
  const n = items.length;
  const word = (i: number): string =>
    label === undefined ? ((items[i] as string | undefined) ?? '') : label(items[i] as T);
  if (n <= 1) return n === 0 ? '' : word(0);
  // One pass, no intermediate lists: reasons are written on every route.
  const shown = n > MAX_LISTED ? MAX_LISTED : n - 1;
  let text = word(0);
  for (let i = 1; i < shown; i++) text += `, ${word(i)}`;
  return n > MAX_LISTED ? `${text} and ${n - MAX_LISTED} more` : `${text} and ${word(n - 1)}`;
}

/** A tool as reasons name it: "get_order (commerce)". */
export function toolLabel(need: { readonly tool: Pick<ToolSpec, 'name' | 'domain'> }): string {
  return `${need.tool.name} (${need.tool.domain})`;
}

const COUNT_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

/** "two" for 2; digits past ten. */
export function countWord(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}
