// Helpers several builders of scripts/routing-data/ share, beside lib.ts: their hand labels
// (`<source>-labels.json`) and how an override replaces a label, the `--review` file, a CSV reader,
// a seed from a record id, the near-duplicate filter, and the record of a request under a registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { argValue, type LabeledRecord, label, type ToolRecord } from './lib.ts';

/** A builder's hand labels: scripts/routing-data/<file>, parsed as JSON, typed by the builder. */
export function readLabels<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as T;
}

/** A per-id judgment of a tool-catalogue builder (metatool, seal-tools, toolalpaca). */
export type Judgment = {
  drop?: boolean;
  direct?: boolean;
  securityBoundary?: boolean;
  why?: string;
};

/** A per-id override of a record's signals and needed tools (unset fields keep the proposed). */
export interface LabelOverride {
  toolUse?: boolean;
  crossDomain?: boolean;
  securityBoundary?: boolean;
  parallelism?: boolean;
  tools?: string[];
  /** Leave the record out. */
  drop?: boolean;
  note: string;
}

/**
 * Collects records through their overrides: a dropped record is left out, an overridden one gets
 * the override's signals and tools (no tools when it is not toolUse), and `onOverride` is told.
 */
export function overriddenRecords(
  overrides: Readonly<Record<string, LabelOverride>>,
  onOverride: () => void,
): { records: LabeledRecord[]; add: (record: LabeledRecord) => void } {
  const records: LabeledRecord[] = [];
  const add = (record: LabeledRecord) => {
    const o = overrides[record.id];
    if (o?.drop) return;
    if (o) {
      onOverride();
      record.expected = label(
        {
          toolUse: o.toolUse ?? record.expected.toolUse,
          crossDomain: o.crossDomain ?? record.expected.crossDomain,
          securityBoundary: o.securityBoundary ?? record.expected.securityBoundary,
          parallelism: o.parallelism ?? record.expected.parallelism,
        },
        o.tools ?? record.expected.tools,
      );
      if (!record.expected.toolUse) delete record.expected.tools;
    }
    records.push(record);
  };
  return { records, add };
}

/** Throws when an override names a record the builder did not build (a stale id). */
export function assertOverridesUsed(
  overrides: Readonly<Record<string, unknown>>,
  records: readonly LabeledRecord[],
): void {
  const unused = Object.keys(overrides).filter((id) => !records.some((r) => r.id === id));
  if (unused.length > 0) throw new Error(`overrides of records not built: ${unused.join(', ')}`);
}

/** A per-id override of a rule-proposed need (chat-registries.ts, qa-registries.ts). */
export type NeedOverride<N extends string> = {
  /** The need read by hand, replacing the proposed one. */
  need?: N;
  /** Leave the request out (not a request, a duplicate, unusable). */
  drop?: boolean;
  note?: string;
};

/**
 * Need overrides from a labels file: keys starting with `_` are comments, a string value is a
 * note only; an override naming a need not in `needs` throws.
 */
export function loadNeedOverrides<N extends string>(
  url: URL,
  needs: readonly N[],
): Record<string, NeedOverride<N>> {
  const raw = JSON.parse(readFileSync(url, 'utf8')) as Record<string, NeedOverride<N> | string>;
  const out: Record<string, NeedOverride<N>> = {};
  for (const [id, v] of Object.entries(raw)) {
    if (id.startsWith('_')) continue;
    const o = typeof v === 'string' ? { note: v } : v;
    if (o.need && !needs.includes(o.need)) throw new Error(`${id}: unknown need ${o.need}`);
    out[id] = o;
  }
  return out;
}

/** `--review <file>`: writes one JSON line per row, for reading by hand; nothing without it. */
export function writeReviewFile(rows: () => readonly unknown[]): void {
  const file = argValue('--review');
  if (!file) return;
  writeFileSync(
    file,
    `${rows()
      .map((row) => JSON.stringify(row))
      .join('\n')}\n`,
  );
}

/** What a need-labeling builder proposed and decided for one request. */
export interface NeedReview {
  id: string;
  need: string;
  proposed: string;
  registry: string;
  /** The request text (else the record's). */
  input?: string;
}

/**
 * `--review <file>`: one JSON line per reviewed request of a need-labeling builder (id, need,
 * proposed need, registry, whether the label is toolUse, text), for reading by hand.
 */
export function writeNeedReview(
  records: readonly LabeledRecord[],
  reviewed: readonly NeedReview[],
): void {
  writeReviewFile(() => {
    const byId = new Map(records.map((r) => [r.id, r]));
    return reviewed.map((p) => {
      const r = byId.get(p.id);
      return {
        id: p.id,
        need: p.need,
        proposed: p.proposed,
        registry: p.registry,
        toolUse: r?.expected.toolUse ?? false,
        input: 'input' in p ? p.input : r?.input,
      };
    });
  });
}

/** RFC 4180 CSV rows (quoted fields may hold commas, newlines and doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** FNV-1a of a string: the seed of a record's own random source, from its id alone. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The lower-case Latin words and numbers of a text. */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]+|\d+/g) ?? []);
}

/** Shared items over all items of two sets (0 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / Math.max(1, a.size + b.size - both);
}

/**
 * Greedy pick of at most `cap` items, none whose text is closer than `limit` (Jaccard over
 * `features`, words by default) to an earlier pick.
 */
export function spread<T>(
  items: readonly T[],
  text: (t: T) => string,
  cap: number,
  limit: number,
  features: (text: string) => Set<string> = words,
): T[] {
  const kept: { item: T; features: Set<string> }[] = [];
  for (const item of items) {
    if (kept.length >= cap) break;
    const f = features(text(item));
    if (kept.some((k) => jaccard(k.features, f) > limit)) continue;
    kept.push({ item, features: f });
  }
  return kept.map((k) => k.item);
}

/**
 * The record of a request under a registry: toolUse needing `needed` when given, direct
 * otherwise (a request placed under a registry without its tool is direct: no offered tool helps).
 */
export function requestRecord(
  source: string,
  request: { id: string; input: string },
  tools: ToolRecord[],
  needed?: readonly string[],
  lang?: string,
): LabeledRecord {
  return {
    id: request.id,
    source,
    input: request.input,
    tools,
    expected: needed ? label({ toolUse: true }, needed) : label({}),
    ...(lang ? { lang } : {}),
  };
}
