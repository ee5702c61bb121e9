import type { LedgerRecord } from '../core/engine.ts';
import type {
  ArgumentProvenance,
  Origin,
  Permit,
  PermitCoverage,
  Provenance,
} from '../core/security.ts';
import type { AnyTool } from '../core/tool.ts';
import { roleOf } from './argument-roles.ts';
import { withOwner } from './owner-values.ts';
import { coverageOf, describeUncovered } from './permit-coverage.ts';
import type { ContentLeaf } from './value-kinds.ts';
import { leaves, paths } from './value-leaves.ts';
import {
  describeOrigin,
  describePlace,
  extractionSource,
  permits,
  toolSource,
  type ValueSource,
} from './value-source.ts';
import { holdsWhole, numbersIn, type UserValues, userValues } from './whole-values.ts';

/** Texts shorter than this are traced as whole values only ("Eve", "10"), not inside others. */
const MIN_CONTAINED = 4;
/** The most characters of one value kept for tracing. */
const MAX_LENGTH = 200_000;

/**
 * Records every value a run read from untrusted content and from sensitive-data tools, with its
 * source (the tool call and its flags, or a quarantined reader's extraction), and traces a tool
 * call's arguments back to them and to the request. Texts of four characters or more are traced
 * by containment either way (case-insensitive); shorter ones and numbers by whole value: equal
 * to a recorded value, or a word or number a recorded text holds as a whole.
 */
export interface TaintLedger {
  /** Records a tool's result by the tool's flags; `input` and `agent` say which call read it. */
  recordToolResult(tool: LedgerRecordTool, value: unknown, call?: ToolCallOf): void;
  /**
   * Records what a quarantined reader handed on: untrusted, and sensitive when the reader read
   * sensitive data (`sensitive`, or any of its own reads).
   */
  recordExtraction(value: unknown, reader: string, sensitive?: boolean): void;
  readonly readSensitive: boolean;
  readonly readUntrusted: boolean;
  /**
   * The provenance of a call's arguments. With `agent`, a destination, credential or amount of a
   * side-effect call that the model wrote (traced nowhere) after that agent read untrusted content
   * is taken to come from what it read: an agent can decode, spell out or compute a value the
   * content chose.
   */
  provenanceOf(tool: AnyTool, args: unknown, agent?: string): Provenance;
  /** The entries recorded so far, in order, as plain data (to hand to another process). */
  records(): readonly LedgerRecord[];
  /** Records entries another ledger of the same run recorded, as it recorded them. */
  replay(records: readonly LedgerRecord[]): void;
}

/** What the ledger reads of a tool: its name and the flags that make its results worth tracing. */
type LedgerRecordTool = Pick<AnyTool, 'name' | 'untrustedInput' | 'sensitiveData'>;

/** Which call read a tool's result. */
export interface ToolCallOf {
  readonly input: unknown;
  readonly agent: string;
}

interface Entry {
  /** Lower-cased. */
  readonly text: string;
  readonly numbers: ReadonlySet<number>;
  readonly source: ValueSource;
}

/**
 * Creates the ledger of one run; `userInput` is the request the user wrote, `granted` the run's
 * permits, `owner` the values of the user the service acts for (they count as written).
 */
export function createTaintLedger(
  userInput: string,
  granted: readonly Permit[] = [],
  owner: readonly string[] = [],
): TaintLedger {
  const entries: Entry[] = [];
  const user = withOwner(userValues(userInput), owner);
  const seen = new Set<string>();
  const reads = new Map<string, ValueSource[]>();
  // What each place returned, for a permit to find its values in: by where it was read.
  const contents = new Map<string, ContentLeaf[]>();
  let readSensitive = false;
  let readUntrusted = false;
  const add = (value: unknown, source: ValueSource) => {
    readSensitive ||= source.sensitive;
    readUntrusted ||= source.untrusted;
    const where = placeOf(source);
    const content = contents.get(where) ?? [];
    contents.set(where, content);
    for (const { value: leaf, field } of leaves(value)) {
      const raw = String(leaf).slice(0, MAX_LENGTH);
      const text = raw.toLowerCase();
      // The same text read again from the same place (a page fetched twice) traces no further.
      const key = `${where}\u0000${typeof leaf === 'number' ? `${field}\u0000` : ''}${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const numbers = new Set(typeof leaf === 'number' ? [leaf] : numbersIn(text));
      entries.push({ text, numbers, source });
      content.push(typeof leaf === 'number' ? { number: leaf, field } : { text: raw });
    }
  };
  const contentOf = (sources: readonly ValueSource[]): ContentLeaf[] =>
    [...new Set(sources.map(placeOf))].flatMap((where) => contents.get(where) ?? []);
  const log: LedgerRecord[] = [];
  const ledger: TaintLedger = {
    recordToolResult(tool, value, call) {
      if (!tool.untrustedInput && !tool.sensitiveData) return;
      const { name, untrustedInput, sensitiveData } = tool;
      log.push({ type: 'tool-result', tool: { name, untrustedInput, sensitiveData }, value, call });
      const source = toolSource(tool, call?.input, user.wrote);
      if (call) reads.set(call.agent, [...(reads.get(call.agent) ?? []), source]);
      add(value, source);
    },
    recordExtraction(value, reader, sensitive = false) {
      log.push({ type: 'extraction', value, reader, sensitive });
      add(value, extractionSource(reader, reads.get(reader) ?? [], sensitive));
    },
    records: () => [...log],
    replay(records) {
      for (const record of records) {
        if (record.type === 'extraction') {
          ledger.recordExtraction(record.value, record.reader, record.sensitive);
        } else {
          ledger.recordToolResult(record.tool, record.value, record.call);
        }
      }
    },
    get readSensitive() {
      return readSensitive;
    },
    get readUntrusted() {
      return readUntrusted;
    },
    provenanceOf(tool, args, agent) {
      const read =
        tool.sideEffects && agent !== undefined
          ? (reads.get(agent) ?? []).filter((s) => s.untrusted)
          : [];
      const list = paths(args).map(([path, value]) =>
        argumentProvenance(tool, path, {
          value,
          user,
          traced: trace(entries, value),
          read,
          granted,
          contentOf,
        }),
      );
      const has = (origin: Origin) => list.some((a) => a.origins.includes(origin));
      return {
        arguments: list,
        description: list.map((a) => a.description).join('; '),
        untrusted: has('untrusted'),
        sensitive: has('sensitive'),
        untrustedDestination: list.some(
          (a) =>
            a.role === 'destination' &&
            a.origins.includes('untrusted') &&
            !a.origins.includes('user') &&
            !a.permitted,
        ),
        runReadSensitive: readSensitive,
        runReadUntrusted: readUntrusted,
      };
    },
  };
  return ledger;
}

/** What is known of one argument's value. */
interface Found {
  readonly value: string | number;
  readonly user: UserValues;
  /** The sources it was traced to; `true` where it is a whole value of theirs, not a part. */
  readonly traced: ReadonlyMap<ValueSource, boolean>;
  /** The untrusted sources the calling agent read, when the call acts. */
  readonly read: readonly ValueSource[];
  readonly granted: readonly Permit[];
  /** What the places of these sources returned. */
  readonly contentOf: (sources: readonly ValueSource[]) => ContentLeaf[];
}

function argumentProvenance(tool: AnyTool, path: string, found: Found): ArgumentProvenance {
  const { value, user, traced, granted } = found;
  const userWrote = user.wrote(value);
  const name = /^[^.[]+/.exec(path)?.[0] ?? path;
  const role = roleOf(tool, name);
  const own = granted.filter((p) => p.tool === tool.name && p.argument === name);
  let sources = [...traced.keys()];
  const origins: Origin[] = [];
  if (userWrote) origins.push('user');
  if (sources.some((s) => s.untrusted)) origins.push('untrusted');
  if (sources.some((s) => s.sensitive)) origins.push('sensitive');
  let description = describeOrigin(userWrote, sources);
  if (origins.length === 0) {
    origins.push('model');
    if (role !== 'data' && found.read.length > 0) {
      // Written by a model that read untrusted content: it may come from there.
      sources = [...found.read];
      origins.push('untrusted');
      description = `written by the model after it read untrusted content (${describeOrigin(false, sources)})`;
    }
  }
  // A value the user wrote needs no permit.
  let permit: PermitCoverage | undefined;
  const applies = !userWrote && own.length > 0 && sources.length > 0;
  if (applies && sources.every((s) => permits(own, s))) {
    // The reads the user named: the sources themselves, or what their readers read.
    const named = [...new Set(sources.flatMap((s) => (s.kind === 'tool' ? [s] : s.via)))];
    const coverage = coverageOf(value, found.contentOf(named), user.wrote);
    permit = { covered: coverage.covered, kind: coverage.kind, candidates: coverage.candidates };
    if (!coverage.covered) {
      const readers = sources.filter((s) => s.kind === 'extraction').map((s) => s.name);
      description = describeUncovered(coverage, describePlace(named), readers);
    }
  }
  return {
    path,
    origins,
    sources: [...new Set(sources.map((s) => s.name))],
    role,
    description: `${path}: ${description}`,
    namedSource: sources.length > 0 && sources.every((s) => s.named),
    permitted: permit?.covered === true,
    ...(permit ? { permit } : {}),
  };
}

/** Where a source read: its kind, its tool or reader, and the places the user wrote. */
function placeOf(source: ValueSource): string {
  return `${source.kind}\u0000${source.name}\u0000${source.locators.join('\u0000')}`;
}

/** The sources a value is traced to, each once, and whether it is a whole value of theirs. */
function trace(entries: readonly Entry[], value: string | number): Map<ValueSource, boolean> {
  const found = new Map<ValueSource, boolean>();
  const add = (source: ValueSource, whole: boolean) =>
    found.set(source, whole || found.get(source) === true);
  if (typeof value === 'number') {
    for (const e of entries) if (e.numbers.has(value)) add(e.source, true);
    return found;
  }
  const text = value.trim().toLowerCase();
  if (text === '') return found;
  const number = /^-?\d+(?:[.,']\d+)*$/.test(text) ? numbersIn(text) : [];
  for (const e of entries) {
    if (found.get(e.source) === true) continue;
    const whole =
      e.text === text || holdsWhole(e.text, text) || number.some((n) => e.numbers.has(n));
    if (whole) add(e.source, true);
    else if (
      text.length >= MIN_CONTAINED &&
      (e.text.includes(text) || (e.text.length >= MIN_CONTAINED && text.includes(e.text)))
    ) {
      add(e.source, false);
    }
  }
  return found;
}
