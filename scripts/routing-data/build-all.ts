// Rebuilds every source of data/routing/sources/ and prints the figures of data/routing/DATA.md.
//
//   node scripts/routing-data/build-all.ts --mirror /work/.mirror [--only a,b] [--check]
//     Runs each builder listed in scripts/routing-data/sources.json against the bare git
//     directory <mirror>/<owner>+<name>/repo (as the search tool's fetch leaves it), skipping with
//     a warning the sources whose mirror is absent and warning when the mirror's HEAD is not the
//     recorded commit; composed sources need no mirror and are always rebuilt. Then reports which
//     outputs changed (--check: exit 1 if any did).
//   node scripts/routing-data/build-all.ts --stats
//     Prints the counts tables of DATA.md (markdown) from the files in the repository.
//   node scripts/routing-data/build-all.ts --write-doc
//     Writes the same tables into data/routing/DATA.md between its stats markers.
//
// The loading and counting below are shared with test/data/routing-data.test.ts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { argValue, headCommit } from './lib.ts';

export const ROOT = new URL('../../', import.meta.url);
export const SOURCES_DIR = new URL('data/routing/sources/', ROOT);
export const SOURCES_JSON = new URL('scripts/routing-data/sources.json', ROOT);
export const DATA_MD = new URL('data/routing/DATA.md', ROOT);
export const STATS_BEGIN =
  '<!-- stats:begin (node scripts/routing-data/build-all.ts --write-doc) -->';
export const STATS_END = '<!-- stats:end -->';

/** Licences whose data may train weights the project ships (issue 12), as SPDX identifiers. */
export const ALLOWED_LICENCE = /^(MIT|Apache-2\.0|BSD-[0-9A-Za-z.-]+|CC0-1\.0|CC-BY-(SA-)?\d\.\d)$/;

const Sha = z.string().regex(/^[0-9a-f]{40}$/);
const PublicSource = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: Sha,
  readCommit: Sha.optional(),
  builder: z.string().regex(/^scripts\/routing-data\/[\w-]+\.ts$/),
  licence: z.string().min(1),
  licenceFile: z.string().regex(/^[\w.-]+\/[\w.-]+:\S+$/),
  licenceNote: z.string().optional(),
  attribution: z.string().optional(),
  labels: z.string().min(1),
});
const ComposedSource = z.strictObject({
  id: z.string().regex(/^composed-[a-z0-9-]+$/),
  builder: z.string().regex(/^scripts\/routing-data\/[\w-]+\.ts$/),
  labels: z.string().min(1),
});
export const SourcesFile = z.strictObject({
  $comment: z.string().optional(),
  public: z.array(PublicSource).min(1),
  composed: z.array(ComposedSource),
});
export type SourcesFile = z.infer<typeof SourcesFile>;
export type PublicSource = z.infer<typeof PublicSource>;

export function readSources(): SourcesFile {
  return SourcesFile.parse(JSON.parse(readFileSync(SOURCES_JSON, 'utf8')));
}

/** The SPDX identifiers of a licence expression (`MIT AND CC-BY-SA-4.0`). */
export function licenceIds(expression: string): string[] {
  return expression.split(/\s+AND\s+/);
}

export function isShareAlike(expression: string): boolean {
  return licenceIds(expression).some((id) => id.startsWith('CC-BY-SA-'));
}

export type FileKind = 'public' | 'composed' | 'team';

/** One file of labeled records as it is in the repository, lines parsed as JSON only. */
export interface DataFile {
  /** The source id: the file name for data/routing/sources/, `composed-team-<name>` for team sets. */
  source: string;
  /** Path relative to the repository root. */
  path: string;
  kind: FileKind;
  /** The parsed lines, not yet validated. */
  records: unknown[];
}

function parseLines(text: string, path: string): unknown[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
      }
    });
}

/** The team's sets (GUIDE format, no `source` field): dev.jsonl and test/fixtures/routing/*.jsonl. */
export function teamFiles(): { source: string; path: string }[] {
  const out = [{ source: 'composed-team-dev', path: 'data/routing/dev.jsonl' }];
  const fixtures = 'test/fixtures/routing/';
  for (const file of readdirSync(new URL(fixtures, ROOT))
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    out.push({
      source: `composed-team-${file.replace(/\.jsonl$/, '')}`,
      path: `${fixtures}${file}`,
    });
  }
  return out;
}

/**
 * Every labeled file in the repository. Throws (it never returns fewer files silently) when the
 * sources directory, dev.jsonl or the fixtures are missing or a source file is not gzip.
 */
export function loadDataFiles(): DataFile[] {
  const files: DataFile[] = [];
  for (const { source, path } of teamFiles()) {
    files.push({
      source,
      path,
      kind: 'team',
      records: parseLines(readFileSync(new URL(path, ROOT), 'utf8'), path),
    });
  }
  const names = readdirSync(SOURCES_DIR)
    .filter((f) => f.endsWith('.jsonl.gz'))
    .sort();
  if (names.length === 0) throw new Error(`no *.jsonl.gz in ${fileURLToPath(SOURCES_DIR)}`);
  for (const name of names) {
    const path = `data/routing/sources/${name}`;
    const source = name.replace(/\.jsonl\.gz$/, '');
    const text = gunzipSync(readFileSync(new URL(name, SOURCES_DIR))).toString('utf8');
    files.push({
      source,
      path,
      kind: source.startsWith('composed-') ? 'composed' : 'public',
      records: parseLines(text, path),
    });
  }
  return files;
}

/** What the counts need of a record; every record file has these fields (checked by the test). */
interface Countable {
  id: string;
  input: string;
  tools: { name: string }[];
  lang?: string;
  expected: {
    tier: 'direct' | 'agent' | 'multi-agent';
    toolUse: boolean;
    crossDomain: boolean;
    securityBoundary: boolean;
    parallelism: boolean;
  };
}

export interface Counts {
  records: number;
  direct: number;
  agent: number;
  multiAgent: number;
  toolUse: number;
  crossDomain: number;
  securityBoundary: number;
  parallelism: number;
  /** Records with a `lang` (the GUIDE format of the team sets has none: `undefined` there). */
  nonEnglish: number | undefined;
}

export function count(file: DataFile): Counts {
  const records = file.records as Countable[];
  const n = (f: (r: Countable) => boolean) => records.filter(f).length;
  return {
    records: records.length,
    direct: n((r) => r.expected.tier === 'direct'),
    agent: n((r) => r.expected.tier === 'agent'),
    multiAgent: n((r) => r.expected.tier === 'multi-agent'),
    toolUse: n((r) => r.expected.toolUse),
    crossDomain: n((r) => r.expected.crossDomain),
    securityBoundary: n((r) => r.expected.securityBoundary),
    parallelism: n((r) => r.expected.parallelism),
    nonEnglish:
      file.kind === 'team' ? undefined : n((r) => r.lang !== undefined && r.lang !== 'en'),
  };
}

function add(a: Counts, b: Counts): Counts {
  return {
    records: a.records + b.records,
    direct: a.direct + b.direct,
    agent: a.agent + b.agent,
    multiAgent: a.multiAgent + b.multiAgent,
    toolUse: a.toolUse + b.toolUse,
    crossDomain: a.crossDomain + b.crossDomain,
    securityBoundary: a.securityBoundary + b.securityBoundary,
    parallelism: a.parallelism + b.parallelism,
    nonEnglish:
      a.nonEnglish === undefined || b.nonEnglish === undefined
        ? undefined
        : a.nonEnglish + b.nonEnglish,
  };
}

const ZERO: Counts = {
  records: 0,
  direct: 0,
  agent: 0,
  multiAgent: 0,
  toolUse: 0,
  crossDomain: 0,
  securityBoundary: 0,
  parallelism: 0,
  nonEnglish: 0,
};

/** An input as compared across files: Unicode NFKC, lower case, whitespace collapsed. */
export function normalizeInput(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function labelKey(r: Countable): string {
  const e = r.expected;
  return `${e.tier} toolUse=${e.toolUse} crossDomain=${e.crossDomain} securityBoundary=${e.securityBoundary} parallelism=${e.parallelism}`;
}

export interface Duplicates {
  /** Distinct (normalized) inputs found in two or more files. */
  acrossFiles: number;
  /** Distinct inputs found more than once within one file (e.g. under two registries). */
  withinFile: number;
  /** Of those, inputs repeated within one file under the very same tool names, per file. */
  sameTools: Record<string, number>;
  /** Inputs in two or more files whose labels differ: each with the ids and labels. */
  conflicts: { input: string; records: { id: string; source: string; label: string }[] }[];
}

export function duplicates(files: readonly DataFile[]): Duplicates {
  const byInput = new Map<string, { id: string; source: string; label: string; tools: string }[]>();
  for (const file of files) {
    for (const r of file.records as Countable[]) {
      const key = normalizeInput(r.input);
      const list = byInput.get(key) ?? [];
      byInput.set(key, list);
      list.push({
        id: r.id,
        source: file.source,
        label: labelKey(r),
        tools: r.tools
          .map((t) => t.name)
          .sort()
          .join(','),
      });
    }
  }
  let acrossFiles = 0;
  let withinFile = 0;
  const sameTools: Record<string, number> = {};
  const conflicts: Duplicates['conflicts'] = [];
  for (const [input, list] of byInput) {
    if (list.length < 2) continue;
    const sources = new Set(list.map((r) => r.source));
    if (sources.size < list.length) withinFile++;
    const placements = new Set(list.map((r) => `${r.source}\u0000${r.tools}`));
    if (placements.size < list.length) {
      const source = list.find(
        (r, i) => list.findIndex((o) => o.source === r.source && o.tools === r.tools) !== i,
      )?.source as string;
      sameTools[source] = (sameTools[source] ?? 0) + 1;
    }
    if (sources.size < 2) continue;
    acrossFiles++;
    if (new Set(list.map((r) => r.label)).size > 1) {
      conflicts.push({
        input,
        records: list.map(({ id, source, label }) => ({ id, source, label })),
      });
    }
  }
  return { acrossFiles, withinFile, sameTools, conflicts };
}

export interface Stats {
  rows: { file: DataFile; counts: Counts }[];
  public: Counts;
  composed: Counts;
  team: Counts;
  total: Counts;
  publicSources: number;
  /** Composed records (composed-* sources and the team sets) over all records. */
  composedShare: number;
  duplicates: Duplicates;
}

export function computeStats(files: readonly DataFile[]): Stats {
  const rows = files.map((file) => ({ file, counts: count(file) }));
  const sum = (kind: FileKind) =>
    rows.filter((r) => r.file.kind === kind).reduce((acc, r) => add(acc, r.counts), ZERO);
  const pub = sum('public');
  const composed = sum('composed');
  const team = sum('team');
  const total = add(add(pub, composed), team);
  return {
    rows,
    public: pub,
    composed,
    team,
    total,
    publicSources: rows.filter((r) => r.file.kind === 'public').length,
    composedShare: (composed.records + team.records) / total.records,
    duplicates: duplicates(files),
  };
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

function countCells(c: Counts): string {
  const nonEnglish = c.nonEnglish === undefined ? 'n/r' : pct(c.nonEnglish, c.records);
  return [
    c.records,
    c.direct,
    c.agent,
    c.multiAgent,
    c.toolUse,
    c.crossDomain,
    c.securityBoundary,
    c.parallelism,
    nonEnglish,
  ].join(' | ');
}

/** The tables of DATA.md, as markdown (links relative to data/routing/). */
export function renderStats(stats: Stats, sources: SourcesFile): string {
  const byId = new Map(sources.public.map((s) => [s.id, s]));
  const composedById = new Map(sources.composed.map((s) => [s.id, s]));
  const out: string[] = [];
  out.push(
    '| source | repository | commit | licence (stated in) | records | direct | agent | multi-agent | toolUse | crossDomain | securityBoundary | parallelism | non-English | labels derived by | doc |',
    '|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  );
  const order: FileKind[] = ['public', 'composed', 'team'];
  const rows = [...stats.rows].sort(
    (a, b) => order.indexOf(a.file.kind) - order.indexOf(b.file.kind),
  );
  for (const { file, counts } of rows) {
    if (file.kind === 'public') {
      const s = byId.get(file.source);
      if (!s) throw new Error(`${file.path}: no entry in sources.json`);
      const [owner, path] = s.licenceFile.split(':') as [string, string];
      const licence = `${s.licence}${isShareAlike(s.licence) ? ' (share-alike)' : ''} (\`${owner}\` \`${path}\`)`;
      const commit = `[${s.commit.slice(0, 10)}](https://github.com/${s.repository}/tree/${s.commit})${
        s.readCommit ? ` (file read at ${s.readCommit.slice(0, 10)})` : ''
      }`;
      out.push(
        `| ${s.id} | [${s.repository}](https://github.com/${s.repository}) | ${commit} | ${licence} | ${countCells(counts)} | ${s.labels} | [${s.id}.md](sources/${s.id}.md) |`,
      );
    } else if (file.kind === 'composed') {
      const s = composedById.get(file.source);
      out.push(
        `| ${file.source} (composed) | none: written by the team | n/a | project (MIT) | ${countCells(counts)} | ${s?.labels ?? 'see its .md'} | [${file.source}.md](sources/${file.source}.md) |`,
      );
    } else {
      const link = file.path.startsWith('data/routing/')
        ? file.path.slice('data/routing/'.length)
        : `../../${file.path}`;
      out.push(
        `| ${file.source} (composed) | none: written by the team | n/a | project (MIT) | ${countCells(counts)} | by hand, to GUIDE.md | [${file.path}](${link}) |`,
      );
    }
  }
  const c = stats;
  out.push(
    '',
    '| totals | files | records | direct | agent | multi-agent | toolUse | crossDomain | securityBoundary | parallelism | non-English |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| public sources | ${c.publicSources} | ${countCells(c.public)} |`,
    `| composed sources (composed-*) | ${c.rows.filter((r) => r.file.kind === 'composed').length} | ${countCells(c.composed)} |`,
    `| team sets (composed) | ${c.rows.filter((r) => r.file.kind === 'team').length} | ${countCells(c.team)} |`,
    `| **all** | ${c.rows.length} | ${countCells(c.total)} |`,
    '',
    `Composed records (composed-* sources and team sets): ${c.composed.records + c.team.records} of ${c.total.records}, ` +
      `**${pct(c.composed.records + c.team.records, c.total.records)}** (at most a third allowed). ` +
      `Public: ${c.public.records} records from ${c.publicSources} sources. ` +
      `Non-English share: ${pct(c.public.nonEnglish ?? 0, c.public.records)} of the public records, ` +
      `${pct(c.composed.nonEnglish ?? 0, c.composed.records)} of composed-*; not recorded (n/r) for the team sets, whose format has no \`lang\`.`,
    '',
    `Duplicate inputs (compared after NFKC, lower case and collapsed whitespace): ${c.duplicates.acrossFiles} ` +
      `found in two or more files, ${c.duplicates.conflicts.length} of them with different labels; ` +
      `${c.duplicates.withinFile} repeated within one file (the same request under other registries)` +
      (Object.keys(c.duplicates.sameTools).length === 0
        ? '.'
        : `, of which under the very same tool names: ${Object.entries(c.duplicates.sameTools)
            .sort()
            .map(([source, n]) => `${n} in ${source}`)
            .join(', ')} (same label; duplicate records).`),
  );
  return out.join('\n');
}

/** DATA.md's stats block as it should read now. */
export function statsBlock(): string {
  return `${STATS_BEGIN}\n${renderStats(computeStats(loadDataFiles()), readSources())}\n${STATS_END}`;
}

// ---- rebuild ----

function hashFile(url: URL): string | undefined {
  return existsSync(url) ? createHash('sha256').update(readFileSync(url)).digest('hex') : undefined;
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: fileURLToPath(ROOT) });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

interface Job {
  id: string;
  builder: string;
  from?: string;
  warning?: string;
}

async function rebuild(mirror: string, only: Set<string> | undefined, check: boolean) {
  const sources = readSources();
  const jobs: Job[] = [];
  const skipped: string[] = [];
  for (const s of sources.public) {
    if (only && !only.has(s.id)) continue;
    const dir = `${mirror.replace(/\/$/, '')}/${s.repository.replace('/', '+')}/repo`;
    if (!existsSync(dir)) {
      console.warn(`warning: ${s.id}: no mirror at ${dir}; skipped`);
      skipped.push(s.id);
      continue;
    }
    const head = headCommit(dir);
    const warning =
      head === s.commit ? undefined : `mirror HEAD is ${head}, sources.json records ${s.commit}`;
    if (warning) console.warn(`warning: ${s.id}: ${warning}`);
    jobs.push({ id: s.id, builder: s.builder, from: dir, ...(warning ? { warning } : {}) });
  }
  for (const s of sources.composed) {
    if (only && !only.has(s.id)) continue;
    jobs.push({ id: s.id, builder: s.builder });
  }
  const results = new Map<string, { status: string; output: string }>();
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const out = new URL(`${job.id}.jsonl.gz`, SOURCES_DIR);
      const before = hashFile(out);
      const started = Date.now();
      const written = () => existsSync(out) && statSync(out).mtimeMs >= started - 1000;
      const { code, output } = await run([
        '--no-warnings',
        job.builder,
        ...(job.from ? ['--from', job.from] : []),
      ]);
      const after = hashFile(out);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const status =
        code !== 0
          ? `FAILED (exit ${code})`
          : !written()
            ? 'FAILED (output not written)'
            : before === undefined
              ? 'new'
              : before === after
                ? 'unchanged'
                : 'CHANGED';
      results.set(job.id, { status: `${status}, ${seconds} s`, output });
      console.error(`${job.id}: ${status} (${seconds} s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism()) }, worker));
  console.log('\n| source | output |\n|---|---|');
  for (const job of jobs) console.log(`| ${job.id} | ${results.get(job.id)?.status} |`);
  for (const id of skipped) console.log(`| ${id} | skipped: no mirror |`);
  const failed = jobs.filter((j) => results.get(j.id)?.status.startsWith('FAILED'));
  for (const job of failed)
    console.error(`\n--- ${job.id} output ---\n${results.get(job.id)?.output}`);
  const changed = jobs.filter((j) => /^(CHANGED|new)/.test(results.get(j.id)?.status ?? ''));
  console.log(
    `\n${jobs.length} rebuilt: ${changed.length} changed or new, ${failed.length} failed, ${skipped.length} skipped.`,
  );
  if (failed.length > 0 || (check && changed.length > 0)) process.exitCode = 1;
}

if (import.meta.main) {
  if (process.argv.includes('--stats')) {
    console.log(renderStats(computeStats(loadDataFiles()), readSources()));
  } else if (process.argv.includes('--write-doc')) {
    const doc = readFileSync(DATA_MD, 'utf8');
    const begin = doc.indexOf(STATS_BEGIN);
    const end = doc.indexOf(STATS_END);
    if (begin < 0 || end < begin) throw new Error('DATA.md has no stats markers');
    writeFileSync(
      DATA_MD,
      `${doc.slice(0, begin)}${statsBlock()}${doc.slice(end + STATS_END.length)}`,
    );
    console.log('data/routing/DATA.md: stats block written');
  } else {
    const mirror = argValue('--mirror');
    if (!mirror) {
      console.error(
        'usage: node scripts/routing-data/build-all.ts --mirror <dir> [--only a,b] [--check] | --stats | --write-doc',
      );
      process.exit(2);
    }
    const only = argValue('--only');
    await rebuild(
      mirror,
      only ? new Set(only.split(',')) : undefined,
      process.argv.includes('--check'),
    );
  }
}
