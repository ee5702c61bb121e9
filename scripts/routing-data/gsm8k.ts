// Builds data/routing/sources/gsm8k.jsonl.gz: grade-school maths word problems of
// openai/grade-school-math (GSM8K, MIT), grade_school_math/data/train.jsonl (the test split is left
// to mgsm.ts and gsm-hard.ts, so no problem appears twice). 200 problems drawn with a fixed seed,
// each placed under a registry that mostly offers a calculator or code runner. GUIDE: arithmetic a
// model does reliably stays direct whatever tools are offered. The gsm-hard rule (an answer of 9 or
// more significant digits needs a tool) was applied to the drawn problems: none meets it (the
// only large product in GSM8K's annotated calculations, 974 x 673, is well within what a model
// does reliably), so all are
// direct unless an override in gsm8k-labels.json says otherwise.
//
//   node scripts/routing-data/gsm8k.ts --from <bare git dir of openai/grade-school-math> [--review f]
import { writeNeedReview } from './builder-kit.ts';
import { type LabeledRecord, random, readGitFile, shuffle, sourceDir, writeSource } from './lib.ts';
import {
  COMPUTE_POOL,
  loadQaOverrides,
  place,
  type QaNeed,
  type QaReview,
  qaRecord,
  significantDigits,
} from './qa-registries.ts';

const SOURCE = 'gsm8k';
const COUNT = 200;
const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./gsm8k-labels.json', import.meta.url));

const rows = readGitFile(dir, 'grade_school_math/data/train.jsonl')
  .split('\n')
  .filter(Boolean)
  .map((line, i) => ({ i, ...(JSON.parse(line) as { question: string; answer: string }) }));

const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
for (const row of shuffle(random(8792), rows)) {
  if (records.length >= COUNT) break;
  const id = `${SOURCE}:train-${row.i}`;
  const o = overrides[id];
  if (o?.drop) continue;
  const final = Number((row.answer.split('####')[1] ?? '').trim().replace(/,/g, ''));
  const proposed: QaNeed =
    Number.isFinite(final) && significantDigits(final) >= 9 ? 'compute' : 'none';
  const need = o?.need ?? proposed;
  const reg = place(id, COMPUTE_POOL, 0.8);
  records.push(qaRecord(SOURCE, id, row.question.trim(), need, reg));
  reviewed.push({ id, need, proposed, registry: reg.name });
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
