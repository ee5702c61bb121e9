// The labeled routing data that ships in the repository (data/routing/DATA.md): every record
// valid, ids unique, enough public data under allowed licences, composed records at most a third,
// no input labeled two ways by two sources, and DATA.md's figures current. Missing data fails
// here, it never skips.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_LICENCE,
  computeStats,
  DATA_MD,
  type DataFile,
  licenceIds,
  loadDataFiles,
  ROOT,
  readSources,
  renderStats,
  STATS_BEGIN,
  STATS_END,
} from '../../scripts/routing-data/build-all.ts';
import { LabeledRecord } from '../../scripts/routing-data/lib.ts';

function load(): DataFile[] {
  try {
    return loadDataFiles();
  } catch (error) {
    throw new Error(
      `routing data is missing or unreadable (data/routing/, test/fixtures/routing/): ${(error as Error).message}`,
    );
  }
}

const files = load();
const sources = readSources();
const stats = computeStats(files);

describe('routing data', () => {
  it('is all there', () => {
    expect(files.filter((f) => f.kind === 'team').map((f) => f.source)).toContain(
      'composed-team-dev',
    );
    for (const file of files) expect(file.records.length, file.path).toBeGreaterThan(0);
  });

  it('every record parses: LabeledRecord for sources, the GUIDE format for team sets', () => {
    const problems: string[] = [];
    for (const file of files) {
      file.records.forEach((record, i) => {
        const where = `${file.path}:${i + 1}`;
        if (file.kind === 'team') {
          // The GUIDE's record: id, input, tools, expected (no source); checked by the same
          // schema with the file's source filled in.
          if (typeof record === 'object' && record !== null && 'source' in record) {
            problems.push(`${where}: a team set record carries a source`);
          }
          const parsed = LabeledRecord.safeParse({ ...(record as object), source: file.source });
          if (!parsed.success) problems.push(`${where}: ${JSON.stringify(parsed.error.issues)}`);
          return;
        }
        const parsed = LabeledRecord.safeParse(record);
        if (!parsed.success) {
          problems.push(`${where}: ${JSON.stringify(parsed.error.issues)}`);
          return;
        }
        if (parsed.data.source !== file.source) {
          problems.push(`${where}: source ${parsed.data.source}, file ${file.source}`);
        }
        if (!parsed.data.id.startsWith(`${file.source}:`)) {
          problems.push(`${where}: id ${parsed.data.id} does not start with ${file.source}:`);
        }
      });
    }
    expect(problems.slice(0, 20), `${problems.length} invalid records`).toEqual([]);
  });

  it('ids are unique across all files', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const file of files) {
      for (const record of file.records as { id: string }[]) {
        const other = seen.get(record.id);
        if (other) repeated.push(`${record.id} (${other}, ${file.path})`);
        seen.set(record.id, file.path);
      }
    }
    expect(repeated.slice(0, 20), `${repeated.length} repeated ids`).toEqual([]);
  });

  it('holds at least 5,000 records from at least 5 public sources', () => {
    expect(stats.publicSources).toBeGreaterThanOrEqual(5);
    expect(stats.public.records).toBeGreaterThanOrEqual(5000);
  });

  it('composed records (composed-* sources and team sets) are at most a third', () => {
    expect(stats.composedShare).toBeLessThanOrEqual(1 / 3);
  });

  it('every source file has its .md and, unless composed, a sources.json entry with an allowed licence', () => {
    const entries = new Map(sources.public.map((s) => [s.id, s]));
    const composed = new Set(sources.composed.map((s) => s.id));
    const sourceFiles = files.filter((f) => f.kind !== 'team');
    for (const file of sourceFiles) {
      const md = new URL(`data/routing/sources/${file.source}.md`, ROOT);
      expect(existsSync(md), `${file.source}.md is missing`).toBe(true);
      if (file.kind === 'composed') {
        expect(
          composed.has(file.source),
          `${file.source} not under "composed" in sources.json`,
        ).toBe(true);
        continue;
      }
      const entry = entries.get(file.source);
      expect(entry, `${file.source} has no entry in sources.json`).toBeDefined();
      if (!entry) continue;
      for (const id of licenceIds(entry.licence)) {
        expect(id, `${file.source}: licence ${entry.licence}`).toMatch(ALLOWED_LICENCE);
      }
      expect(readFileSync(md, 'utf8'), `${file.source}.md names another commit`).toContain(
        entry.commit,
      );
    }
    // And the other way: every entry has its file and its builder.
    for (const s of [...sources.public, ...sources.composed]) {
      expect(
        sourceFiles.some((f) => f.source === s.id),
        `sources.json lists ${s.id} but data/routing/sources/${s.id}.jsonl.gz is missing`,
      ).toBe(true);
      expect(existsSync(new URL(s.builder, ROOT)), `${s.builder} is missing`).toBe(true);
    }
  });

  it('no input is labeled differently by two sources', () => {
    const { acrossFiles, withinFile, conflicts } = stats.duplicates;
    console.log(
      `routing data: ${acrossFiles} inputs in two or more files, ${withinFile} repeated within a file, ${conflicts.length} conflicting`,
    );
    expect(
      conflicts.slice(0, 20).map((c) => `${JSON.stringify(c.input)}: ${JSON.stringify(c.records)}`),
      `${conflicts.length} inputs labeled differently in different files`,
    ).toEqual([]);
  });

  it("DATA.md's figures are current (node scripts/routing-data/build-all.ts --write-doc)", () => {
    expect(existsSync(DATA_MD), 'data/routing/DATA.md is missing').toBe(true);
    const doc = readFileSync(DATA_MD, 'utf8');
    const begin = doc.indexOf(STATS_BEGIN);
    const end = doc.indexOf(STATS_END);
    expect(begin, 'DATA.md has no stats block').toBeGreaterThanOrEqual(0);
    expect(doc.slice(begin + STATS_BEGIN.length, end).trim()).toBe(
      renderStats(stats, sources).trim(),
    );
  });
});

describe('held-out routing data (data/routing/held-out/README.md)', () => {
  // Each set: its prompts less those a training source holds too, and the ids labeled toolUse
  // (the builder's hand-read NEEDS).
  const sets = [
    {
      set: 'koala',
      name: 'the Koala test set',
      // 180 prompts, less the one a training source holds too (a TruthfulQA question).
      count: 179,
      toolUse: ['koala:koala_98', 'koala:koala_139', 'koala:koala_146', 'koala:koala_172'],
    },
    {
      set: 'ifeval',
      name: 'IFEval',
      // 541 prompts, none of which a training source holds.
      count: 541,
      toolUse: [
        'ifeval:1000',
        'ifeval:1392',
        'ifeval:2780',
        'ifeval:322',
        'ifeval:332',
        'ifeval:3401',
        'ifeval:3619',
        'ifeval:3682',
      ],
    },
  ];

  for (const { set, name, count, toolUse } of sets) {
    it(`${name} is there, every record parses, and no training input repeats one of it`, () => {
      const path = new URL(`../../data/routing/held-out/${set}.jsonl.gz`, import.meta.url);
      expect(existsSync(path), `data/routing/held-out/${set}.jsonl.gz is missing`).toBe(true);
      const records = gunzipSync(readFileSync(path))
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line, i) => {
          const parsed = LabeledRecord.safeParse(JSON.parse(line));
          expect(parsed.success, `${set} line ${i + 1}: ${parsed.error?.message}`).toBe(true);
          return parsed.data as LabeledRecord;
        });
      expect(records).toHaveLength(count);
      expect(new Set(records.map((r) => r.id)).size).toBe(count);
      expect(records.every((r) => r.source === set && r.id.startsWith(`${set}:`))).toBe(true);
      expect(records.filter((r) => r.expected.toolUse).map((r) => r.id)).toEqual(toolUse);
      // Held out means no fit reads it: not one of its prompts is among the training records.
      const held = new Set(records.map((r) => r.input.trim().toLowerCase()));
      const leaked = files.flatMap((f) =>
        (f.records as { id: string; input: string }[])
          .filter((r) => held.has(String(r.input).trim().toLowerCase()))
          .map((r) => r.id),
      );
      expect(leaked).toEqual([]);
    });
  }
});
