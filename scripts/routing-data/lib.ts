// Shared by every builder under scripts/routing-data/: the labeled record format of
// data/routing/GUIDE.md (plus `source` and the tools a request needs), the command line, reading
// files from a fetched bare git directory, a seeded random source, and the writer of
// data/routing/sources/. Helpers several builders share beyond these are in builder-kit.ts.
//
// A builder is run as `node scripts/routing-data/<source>.ts --from <bare git dir>` and writes
// data/routing/sources/<source>.jsonl.gz. Builders are deterministic: the same source commit
// gives byte-identical output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

export const ToolRecord = z.strictObject({
  name: z.string().min(1).max(128).regex(/^\S+$/),
  description: z.string().max(4096),
  domain: z.string().min(1).max(64),
  untrustedInput: z.boolean(),
  sensitiveData: z.boolean(),
  sideEffects: z.boolean(),
});
export type ToolRecord = z.infer<typeof ToolRecord>;

export const Signals = z.strictObject({
  toolUse: z.boolean(),
  crossDomain: z.boolean(),
  securityBoundary: z.boolean(),
  parallelism: z.boolean(),
});
export type Signals = z.infer<typeof Signals>;

/** One labeled request, as in data/routing/GUIDE.md, with where it came from. */
export const LabeledRecord = z
  .strictObject({
    /** `<source>:<id in the source or a running number>`, unique across all sources. */
    id: z.string().min(1),
    /**
     * The public source the request text comes from (`clinc150`, `sgd`...). A record whose
     * request text the team wrote carries a source starting with `composed-`.
     */
    source: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    input: z.string().min(1).max(20_000),
    tools: z.array(ToolRecord).max(64),
    expected: Signals.extend({
      tier: z.enum(['direct', 'agent', 'multi-agent']),
      /** Names of the offered tools the request needs, when the source says (ground-truth calls). */
      tools: z.array(z.string()).optional(),
    }),
    /** ISO 639-1 code of the request's language when not English. */
    lang: z.string().length(2).optional(),
  })
  .superRefine((record, context) => {
    const { expected } = record;
    if (expected.tier !== tierOf(expected)) {
      context.addIssue({
        code: 'custom',
        path: ['expected', 'tier'],
        message: `must be ${tierOf(expected)}`,
      });
    }
    const names = new Set(record.tools.map((t) => t.name));
    if (names.size !== record.tools.length) {
      context.addIssue({ code: 'custom', path: ['tools'], message: 'duplicate tool names' });
    }
    for (const name of expected.tools ?? []) {
      if (!names.has(name)) {
        context.addIssue({
          code: 'custom',
          path: ['expected', 'tools'],
          message: `${name} is not offered`,
        });
      }
    }
  });
export type LabeledRecord = z.infer<typeof LabeledRecord>;

/** The tier the GUIDE gives a set of signals. */
export function tierOf(s: Signals): 'direct' | 'agent' | 'multi-agent' {
  if (s.crossDomain || s.securityBoundary || s.parallelism) return 'multi-agent';
  return s.toolUse ? 'agent' : 'direct';
}

/** Builds a record's label from the signals that are set (the others are false). */
export function label(set: Partial<Signals>, tools?: readonly string[]): LabeledRecord['expected'] {
  const signals: Signals = {
    toolUse: set.toolUse ?? false,
    crossDomain: set.crossDomain ?? false,
    securityBoundary: set.securityBoundary ?? false,
    parallelism: set.parallelism ?? false,
  };
  return { tier: tierOf(signals), ...signals, ...(tools ? { tools: [...tools] } : {}) };
}

/** A tool record with the flags defaulted to false. */
export function tool(
  name: string,
  description: string,
  domain: string,
  flags: Partial<Pick<ToolRecord, 'untrustedInput' | 'sensitiveData' | 'sideEffects'>> = {},
): ToolRecord {
  return {
    name,
    description,
    domain,
    untrustedInput: flags.untrustedInput ?? false,
    sensitiveData: flags.sensitiveData ?? false,
    sideEffects: flags.sideEffects ?? false,
  };
}

/** The value after `flag` on the command line (`--from <dir>`, `--review <file>`). */
export function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The `--from <dir>` argument: a bare git directory brought by the search tool's fetch. */
export function sourceDir(): string {
  const dir = argValue('--from');
  if (!dir) {
    console.error('usage: node <builder>.ts --from <bare git directory of the source repository>');
    process.exit(2);
  }
  return dir;
}

/** A file of the source repository at HEAD (or at `rev`). */
export function readGitFile(gitDir: string, path: string, rev = 'HEAD'): string {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${rev}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

/** The bytes of a file of the source repository at HEAD (a zip or gzip file). */
export function readGitBytes(gitDir: string, path: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${path}`], {
    maxBuffer: 1 << 30,
  });
}

/** Many files of HEAD at once (one `git cat-file --batch`, not one process per file). */
export function readGitFiles(gitDir: string, paths: readonly string[]): string[] {
  const out = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${paths.map((p) => `HEAD:${p}`).join('\n')}\n`,
    maxBuffer: 1 << 30,
  });
  const texts: string[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size))
      throw new Error(`bad cat-file header ${header.join(' ')}`);
    texts.push(out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return texts;
}

/** The commit HEAD names, for DATA.md. */
export function headCommit(gitDir: string): string {
  return execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
}

/** A seeded random source (mulberry32), so builders are deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one item. */
export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Validates every record and writes data/routing/sources/<source>.jsonl.gz (one JSON object per
 * line, sorted by id, gzip level 9 with a fixed header so the bytes are reproducible).
 * Prints the counts per tier and signal.
 */
export function writeSource(source: string, records: readonly LabeledRecord[]): void {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [i, record] of records.entries()) {
    const parsed = LabeledRecord.safeParse(record);
    if (!parsed.success) {
      throw new Error(`record ${i} (${record.id}): ${JSON.stringify(parsed.error.issues)}`);
    }
    if (parsed.data.source !== source)
      throw new Error(`record ${record.id}: source is not ${source}`);
    if (seen.has(parsed.data.id)) throw new Error(`duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    lines.push(JSON.stringify(parsed.data));
  }
  lines.sort();
  const dir = new URL('../../data/routing/sources/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    new URL(`${source}.jsonl.gz`, dir),
    gzipSync(`${lines.join('\n')}\n`, { level: 9 }),
  );
  const count = (f: (r: LabeledRecord) => boolean) => records.filter(f).length;
  console.log(
    `${source}: ${records.length} records; direct ${count((r) => r.expected.tier === 'direct')}, ` +
      `agent ${count((r) => r.expected.tier === 'agent')}, multi-agent ${count((r) => r.expected.tier === 'multi-agent')}; ` +
      `toolUse ${count((r) => r.expected.toolUse)}, crossDomain ${count((r) => r.expected.crossDomain)}, ` +
      `securityBoundary ${count((r) => r.expected.securityBoundary)}, parallelism ${count((r) => r.expected.parallelism)}`,
  );
}
