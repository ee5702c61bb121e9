// The leaves of a value the taint ledger records (a tool's result, a reader's hand-off) and of a
// tool call's arguments.

/** The most characters of a JSON text parsed for its leaves. */
const MAX_PARSED = 200_000;

/** A string or number in a value, with the name of the field that held it. */
export interface Leaf {
  readonly value: string | number;
  readonly field: string | undefined;
}

/** Every string and number in a value, JSON text parsed (the text is a leaf too). */
export function leaves(value: unknown, field?: string, out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') {
    if (value.trim() !== '') out.push({ value, field });
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < MAX_PARSED) {
      try {
        leaves(JSON.parse(trimmed), field, out);
      } catch {
        // Not JSON: the text itself was recorded.
      }
    }
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    out.push({ value, field });
  } else if (typeof value === 'bigint') {
    out.push({ value: String(value), field });
  } else if (Array.isArray(value)) {
    for (const item of value) leaves(item, field, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) leaves(item, key, out);
  }
  return out;
}

/** Each leaf of the arguments with its path: `to`, `recipients[0]`, `body.text`. */
export function paths(
  value: unknown,
  prefix = '',
  out: [string, string | number][] = [],
): [string, string | number][] {
  if (typeof value === 'string' || typeof value === 'number') {
    out.push([prefix || 'arguments', value]);
  } else if (typeof value === 'bigint') {
    out.push([prefix || 'arguments', String(value)]);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths(item, `${prefix}[${i}]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      paths(item, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}
