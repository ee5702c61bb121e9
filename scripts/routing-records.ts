// Loads the labeled routing records that ship in the repository: data/routing/dev.jsonl (the
// team's development set), test/fixtures/routing/*.jsonl (sets the team wrote) and the public
// sources under data/routing/sources/*.jsonl.gz (see data/routing/DATA.md).
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { TrainingRecord } from '../src/router/model/fit-router-model.ts';

const root = new URL('../', import.meta.url);

function parseLines(text: string, source: string | undefined): TrainingRecord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line);
      return { ...record, source: source ?? record.source };
    });
}

/** Every labeled record in the repository, each with its source. */
export function loadRoutingRecords(): TrainingRecord[] {
  const records = parseLines(
    readFileSync(new URL('data/routing/dev.jsonl', root), 'utf8'),
    'composed-team-dev',
  );
  const fixtures = new URL('test/fixtures/routing/', root);
  for (const file of readdirSync(fixtures)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const name = file.replace(/\.jsonl$/, '');
    records.push(
      ...parseLines(readFileSync(new URL(file, fixtures), 'utf8'), `composed-team-${name}`),
    );
  }
  const sources = new URL('data/routing/sources/', root);
  let files: string[] = [];
  try {
    files = readdirSync(sources)
      .filter((f) => f.endsWith('.jsonl.gz'))
      .sort();
  } catch {
    files = [];
  }
  for (const file of files) {
    records.push(
      ...parseLines(gunzipSync(readFileSync(new URL(file, sources))).toString('utf8'), undefined),
    );
  }
  return records;
}
