import type { Permit } from '../core/security.ts';

/** One place a run read values from: a tool call, or a quarantined reader's extraction. */
export interface ValueSource {
  readonly kind: 'tool' | 'extraction';
  /** The tool, or the reader agent. */
  readonly name: string;
  readonly untrusted: boolean;
  readonly sensitive: boolean;
  /**
   * For a tool call, its string arguments (where it read: a URL, a file name, a channel); only
   * those the user wrote are kept as text, the others are counted.
   */
  readonly locators: readonly string[];
  readonly unnamedLocators: number;
  /**
   * The user named this source: every string argument of the call is a value the user wrote
   * (a call with none is named by its tool alone); for an extraction, every read of its reader.
   */
  readonly named: boolean;
  /** For an extraction: the reads of its reader. */
  readonly via: readonly ValueSource[];
}

/** A tool call as a source, its string arguments checked against what the user wrote. */
export function toolSource(
  tool: {
    readonly name: string;
    readonly untrustedInput: boolean;
    readonly sensitiveData: boolean;
  },
  input: unknown,
  wrote: (value: string) => boolean,
): ValueSource {
  const strings = stringArguments(input);
  const locators = strings.filter(wrote);
  return {
    kind: 'tool',
    name: tool.name,
    untrusted: tool.untrustedInput,
    sensitive: tool.sensitiveData,
    locators,
    unnamedLocators: strings.length - locators.length,
    named: locators.length === strings.length,
    via: [],
  };
}

/** What a quarantined reader handed on, as a source: untrusted, and sensitive if it read any. */
export function extractionSource(
  reader: string,
  via: readonly ValueSource[],
  sensitive: boolean,
): ValueSource {
  return {
    kind: 'extraction',
    name: reader,
    untrusted: true,
    sensitive: sensitive || via.some((s) => s.sensitive),
    locators: [],
    unnamedLocators: 0,
    named: via.length > 0 && via.every((s) => s.named),
    via,
  };
}

/** Top-level string arguments, and the strings of top-level lists. */
function stringArguments(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  return Object.values(input).flatMap((value) =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter(isString) : [],
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Whether `permits` (those of one tool's argument) let a value from `source` in. */
export function permits(granted: readonly Permit[], source: ValueSource): boolean {
  if (source.kind === 'extraction') {
    return source.via.length > 0 && source.via.every((read) => permits(granted, read));
  }
  return source.named && granted.some((permit) => permit.from === source.name);
}

/** The most sources one description names. */
const MAX_NAMED = 3;

/**
 * Where a value came from, in words an approver reads: `from untrusted content of
 * \`get_webpage\` at www.dora.example, which the user named`. Names only what the user wrote or
 * the service declared (tools, agents), never text an outsider chose.
 */
export function describeOrigin(user: boolean, sources: readonly ValueSource[]): string {
  const parts = sources.slice(0, MAX_NAMED).map(describeSource);
  if (sources.length > MAX_NAMED) parts.push(`${sources.length - MAX_NAMED} more sources`);
  if (user) parts.unshift('written by the user');
  if (parts.length === 0)
    return 'written by the model, found neither in the request nor in what a tool returned';
  return parts.join('; and ');
}

/**
 * The places tool calls read, in words: `untrusted content of \`read_file\` at bill.txt, which
 * the user named`.
 */
export function describePlace(reads: readonly ValueSource[]): string {
  const parts = reads.slice(0, MAX_NAMED).map((read) => describeSource(read).replace(/^from /, ''));
  if (reads.length > MAX_NAMED) parts.push(`${reads.length - MAX_NAMED} more sources`);
  return parts.join('; and ');
}

function describeSource(source: ValueSource): string {
  const kind = [source.untrusted ? 'untrusted' : '', source.sensitive ? 'sensitive' : '']
    .filter(Boolean)
    .join(', ');
  if (source.kind === 'extraction') {
    const reads = source.via.map((read) => `\`${read.name}\`${where(read)}`);
    return `from what \`${source.name}\` extracted from ${kind} content${reads.length ? ` it read with ${reads.slice(0, MAX_NAMED).join(', ')}` : ''}`;
  }
  return `from ${kind} content of \`${source.name}\`${where(source)}`;
}

function where(source: ValueSource): string {
  if (source.unnamedLocators > 0) return ' at a place the user did not write';
  if (source.locators.length === 0) return '';
  return ` at ${source.locators.slice(0, MAX_NAMED).join(', ')}, which the user named`;
}
