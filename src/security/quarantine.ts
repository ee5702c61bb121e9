import { z } from 'zod';
import { EscalationRequired } from '../core/errors.ts';

/** One field a quarantined specialist extracts from untrusted content. */
export interface ExtractField {
  /** Letters, digits and `_`. */
  readonly name: string;
  /** A `list` holds strings or numbers (`items`), as many as the content has. */
  readonly type: 'string' | 'number' | 'boolean' | 'enum' | 'list';
  /** The allowed values of an `enum`; ignored otherwise. */
  readonly values: readonly string[];
  /** What a `list` holds. @default 'string' */
  readonly items?: 'string' | 'number' | undefined;
}

/** The longest string a quarantined specialist may hand on in one field. */
export const MAX_FIELD_LENGTH = 500;
/** The most items a `list` field may hold. */
export const MAX_LIST_ITEMS = 50;

/** What a quarantined subtask extracts when the plan names no field. */
const DEFAULT_FIELDS: readonly ExtractField[] = [{ name: 'summary', type: 'string', values: [] }];

/** The fields of a quarantined subtask: the plan's, or a single `summary`. */
export function fieldsOf(subtask: {
  readonly extract?: readonly ExtractField[] | undefined;
}): readonly ExtractField[] {
  return subtask.extract && subtask.extract.length > 0 ? subtask.extract : DEFAULT_FIELDS;
}

/** The zod schema of a quarantined subtask's hand-off: bounded strings, numbers, booleans, enums. */
export function extractionSchema(
  fields: readonly ExtractField[],
): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    shape[field.name] =
      field.type === 'list'
        ? z.array(field.items === 'number' ? number : text).max(MAX_LIST_ITEMS)
        : field.type === 'number'
          ? number
          : field.type === 'boolean'
            ? z.boolean()
            : field.type === 'enum' && field.values.length > 0
              ? z.enum(field.values as [string, ...string[]])
              : text;
  }
  return z.strictObject(shape);
}

const number = z.number().finite();
const text = z.string().max(MAX_FIELD_LENGTH);

/**
 * Untrusted strings by placeholder (`t1.sender`, `t1.names.0` for a list's first item), for
 * putting them back where a placeholder stands.
 */
export type Placeholders = Map<string, string>;

const PLACEHOLDER = /\{\{([A-Za-z0-9_-]+\.[A-Za-z][A-Za-z0-9_]*(?:\.\d+)?)\}\}/g;

/**
 * What others see of a quarantined hand-off: numbers, booleans and enum values (one of those the
 * plan named) as they are, other strings only as placeholders (`{{t1.sender}}`, a list's items
 * as `{{t1.names.0}}`, ...) with their length, so no text an outsider wrote reaches another
 * model. The strings are put in `placeholders`.
 */
export function renderHandOff(
  subtaskId: string,
  values: Record<string, unknown>,
  placeholders: Placeholders,
  fields: readonly ExtractField[] = [],
): string {
  // An enum with no values is checked as a free string, and shown as one.
  const enums = new Set(
    fields.filter((f) => f.type === 'enum' && f.values.length > 0).map((f) => f.name),
  );
  const lines = Object.entries(values).map(([name, value]) => {
    if (Array.isArray(value) && value.some((item) => typeof item === 'string')) {
      const items = value.map((item, i) => {
        const key = `${subtaskId}.${name}.${i}`;
        placeholders.set(key, String(item));
        return `{{${key}}}`;
      });
      return `${name}: [${items.join(', ')}] (a list of ${items.length} untrusted texts; pass each placeholder itself where its text should go)`;
    }
    if (typeof value !== 'string' || enums.has(name)) return `${name}: ${JSON.stringify(value)}`;
    const key = `${subtaskId}.${name}`;
    placeholders.set(key, value);
    return `${name}: {{${key}}} (untrusted text, ${value.length} characters; pass the placeholder itself where the text should go)`;
  });
  return `Fields extracted from untrusted content:\n${lines.join('\n')}`;
}

/** Puts the untrusted strings back where their placeholders stand, in every string of `value`. */
export function expandPlaceholders(value: unknown, placeholders: Placeholders): unknown {
  if (placeholders.size === 0) return value;
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, key: string) => placeholders.get(key) ?? whole);
  }
  if (Array.isArray(value)) return value.map((item) => expandPlaceholders(item, placeholders));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandPlaceholders(item, placeholders)]),
    );
  }
  return value;
}

/** Untrusted strings shorter than this are too common to mask in a tool's result ("yes", "10"). */
const MIN_MASKED_LENGTH = 4;

/**
 * Puts placeholders back over the untrusted strings a tool's result repeats (a chat API that
 * answers with the message it posted, an error that quotes an argument), so that an agent that
 * is not quarantined does not read them. Matches the text as it is and as it reads inside JSON;
 * a tool that transforms the text (escapes, truncates or reformats it) is not caught.
 */
export function maskPlaceholders(text: string, placeholders: Placeholders): string {
  const longestFirst = [...placeholders]
    .filter(([, value]) => value.length >= MIN_MASKED_LENGTH)
    .sort(([, a], [, b]) => b.length - a.length);
  let masked = text;
  for (const [key, value] of longestFirst) {
    const placeholder = `{{${key}}}`;
    masked = masked.replaceAll(value, placeholder);
    const inJson = JSON.stringify(value).slice(1, -1);
    if (inJson !== value) masked = masked.replaceAll(inJson, placeholder);
  }
  return masked;
}

/**
 * Why a quarantined specialist failed, without its error's message: that can quote untrusted
 * content (a schema error names the unknown fields a compromised reader handed on). The trace
 * keeps the whole error.
 */
export function withheldFailure(error: unknown): string {
  const kind = error instanceof EscalationRequired ? ` (${error.cause.type})` : '';
  const name = error instanceof Error ? error.name : 'an error';
  return `${name}${kind}; details withheld, as the specialist read untrusted content`;
}
