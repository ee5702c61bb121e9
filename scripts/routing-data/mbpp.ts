// Builds data/routing/sources/mbpp.jsonl.gz: code-writing requests of MBPP (Mostly Basic Python
// Problems, google-research/google-research mbpp/mbpp.jsonl, CC-BY-4.0). The google-research
// repository is too large to fetch here, so the file is read from a verbatim copy,
// OckBench/OckBench data/mbpp.jsonl (its `text` fields were checked against the original at two
// places, tasks 1-28 and 513-539); only the `text` field is used: the natural request "Write a
// function to ...", never the code or tests. 200 of the 972 tasks whose text starts with "Write",
// drawn with a fixed seed (exact duplicate texts once),
// each placed under a registry that mostly offers a code runner. GUIDE:
// writing code (not running it) stays direct whatever tools are offered, so all are direct unless
// an override in mbpp-labels.json says otherwise.
//
//   node scripts/routing-data/mbpp.ts --from <bare git dir of OckBench/OckBench> [--review f]
import { writeNeedReview } from './builder-kit.ts';
import { type LabeledRecord, random, readGitFile, shuffle, sourceDir, writeSource } from './lib.ts';
import { CODE_POOL, loadQaOverrides, place, type QaReview, qaRecord } from './qa-registries.ts';

const SOURCE = 'mbpp';
const COUNT = 200;
const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./mbpp-labels.json', import.meta.url));

const rows = readGitFile(dir, 'data/mbpp.jsonl')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { task_id: number; text: string })
  .filter((r) => /^Write\b/.test(r.text.trim()));

const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
const seen = new Set<string>();
for (const row of shuffle(random(974), rows)) {
  if (records.length >= COUNT) break;
  const id = `${SOURCE}:task-${row.task_id}`;
  const o = overrides[id];
  const key = row.text.trim().toLowerCase();
  if (o?.drop || seen.has(key)) continue;
  seen.add(key);
  const need = o?.need ?? 'none';
  const reg = place(id, CODE_POOL, 0.8);
  records.push(qaRecord(SOURCE, id, row.text.trim(), need, reg));
  reviewed.push({ id, need, proposed: 'none', registry: reg.name });
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
