import type { ArgumentProvenance, Origin, Provenance } from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';

/** Values shorter than this are too common to trace ("yes", "10"). */
const MIN_LENGTH = 4;
/** The most characters of one value kept for tracing. */
const MAX_LENGTH = 200_000;

/** Argument names taken for destinations when a tool declares none. */
const DESTINATION_NAMES =
  /^(to|cc|bcc|recipients?|email|emails|address|url|uri|endpoint|webhook|channel|destination|target|phone|number|account|iban|handle|username)$/i;

/**
 * Records the values a run has read from untrusted content and from sensitive-data tools, and
 * traces a tool call's arguments back to them. Tracing is by value: an argument that contains,
 * or is contained in, a recorded text (at least four characters) is taken to come from it.
 */
export interface TaintLedger {
  /** Records a tool's result by the tool's flags. */
  recordToolResult(tool: AnyTool, value: unknown): void;
  /** Records a value that came from untrusted content (a quarantined agent's output). */
  recordUntrusted(value: unknown, source: string): void;
  readonly readSensitive: boolean;
  readonly readUntrusted: boolean;
  /** The provenance of a call's arguments. */
  provenanceOf(tool: AnyTool, args: unknown): Provenance;
}

interface Record_ {
  readonly text: string;
  readonly source: string;
}

/** Creates the ledger of one run; `userInput` is the request the user wrote. */
export function createTaintLedger(userInput: string): TaintLedger {
  const untrusted: Record_[] = [];
  const sensitive: Record_[] = [];
  const user = userInput.toLowerCase();
  const seen = new Set<string>();
  const add = (list: Record_[], value: unknown, source: string) => {
    for (const leaf of leaves(value)) {
      const text = leaf.toLowerCase().slice(0, MAX_LENGTH);
      // The same text read again (a page fetched twice) traces no further.
      const key = `${list === untrusted ? 'u' : 's'}\u0000${source}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ text, source });
    }
  };
  const trace = (text: string, list: readonly Record_[]): string[] => {
    const lower = text.toLowerCase();
    return list
      .filter((r) => r.text.includes(lower) || lower.includes(r.text))
      .map((r) => r.source);
  };
  return {
    recordToolResult(tool, value) {
      if (tool.untrustedInput) add(untrusted, value, tool.name);
      if (tool.sensitiveData) add(sensitive, value, tool.name);
    },
    recordUntrusted(value, source) {
      add(untrusted, value, source);
    },
    get readSensitive() {
      return sensitive.length > 0;
    },
    get readUntrusted() {
      return untrusted.length > 0;
    },
    provenanceOf(tool, args) {
      const destinations = destinationsOf(tool, args);
      const entries: ArgumentProvenance[] = [];
      let anyUntrusted = false;
      let anySensitive = false;
      let untrustedDestination = false;
      for (const [path, text] of paths(args)) {
        const origins: Origin[] = [];
        const sources = new Set<string>();
        if (text.length >= MIN_LENGTH && user.includes(text.toLowerCase())) origins.push('user');
        const fromUntrusted = text.length >= MIN_LENGTH ? trace(text, untrusted) : [];
        const fromSensitive = text.length >= MIN_LENGTH ? trace(text, sensitive) : [];
        if (fromUntrusted.length > 0) origins.push('untrusted');
        if (fromSensitive.length > 0) origins.push('sensitive');
        for (const source of [...fromUntrusted, ...fromSensitive]) sources.add(source);
        if (origins.length === 0) origins.push('model');
        entries.push({ path, origins, sources: [...sources] });
        anyUntrusted ||= fromUntrusted.length > 0;
        anySensitive ||= fromSensitive.length > 0;
        const top = /^[^.[]+/.exec(path)?.[0] ?? path;
        // A destination the user wrote is the user's choice, even if the content repeats it.
        if (destinations.includes(top) && fromUntrusted.length > 0 && !origins.includes('user')) {
          untrustedDestination = true;
        }
      }
      return {
        arguments: entries,
        untrusted: anyUntrusted,
        sensitive: anySensitive,
        untrustedDestination,
        runReadSensitive: sensitive.length > 0,
        runReadUntrusted: untrusted.length > 0,
      };
    },
  };
}

/** The argument names a tool declares as destinations, or the usual ones among its arguments. */
export function destinationsOf(tool: AnyTool, args: unknown): readonly string[] {
  if (tool.destinations !== undefined) return tool.destinations;
  if (typeof args !== 'object' || args === null) return [];
  return Object.keys(args).filter((key) => DESTINATION_NAMES.test(key));
}

/** Every string and long-enough number in a value, JSON text parsed. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= MIN_LENGTH) out.push(value);
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < MAX_LENGTH) {
      try {
        leaves(JSON.parse(trimmed), out);
      } catch {
        // Not JSON: the text itself was recorded.
      }
    }
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    if (text.length >= MIN_LENGTH) out.push(text);
  } else if (Array.isArray(value)) {
    for (const item of value) leaves(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) leaves(item, out);
  }
  return out;
}

/** Each leaf of the arguments with its path: `to`, `recipients[0]`, `body.text`. */
function paths(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
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
