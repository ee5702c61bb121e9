/** Items named in one reason before the rest are counted: reasons stay readable with 1,000 tools. */
const MAX_LISTED = 8;

/** "a", "a and b", "a, b and c"; past eight items, "a, b, ... h and 12 more". */
export function joinWords(items: readonly string[]): string {
  if (items.length > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
  }
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
