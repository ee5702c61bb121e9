// Builds data/routing/sources/gsm-hard.jsonl.gz: GSM-Hard of reasoning-machines/pal (Apache-2.0,
// LICENSE; datasets/gsmhardv2.jsonl): the GSM8K test problems with one number replaced by a large
// one by the PAL authors, so that solving them takes arithmetic on 6- and 7-digit numbers. It is
// the only source here whose requests really carry arithmetic a model does unreliably.
//
// Taken: test problems 250 and up (0-249 are MGSM's, see mgsm.ts) whose text holds a number of six
// or more digits (the others were left unchanged by the PAL authors and duplicate GSM8K) and whose
// answer is not negative (a negative answer means the replaced number broke the story: 4,933,828
// eggs baked out of 16 laid).
//
// Rule (documented, applied mechanically): the answer written to two decimals has
// - 9 or more significant digits: need `compute` (products such as 1,793,815 x 1,793,815 x 60 that
//   a model gets wrong without a tool): toolUse where a calculator or code runner is offered;
// - 6 or fewer, and the answer is a whole number of at least 1,000 (the large number flows through
//   a few easy steps: 2,287,720 bolts plus half as many): need `none`, direct;
// - anything else is left out: 7 or 8 digits (between the two, a labeler could go either way), and
//   small or fractional answers (dividing by a 7-digit number is not easy, and such answers mostly
//   mean the replaced number made the story absurd).
// Every `none` record was read; those whose story the large number made absurd (2,996,782 of 20
// students are good at maths) are dropped in gsm-hard-labels.json.
//
//   node scripts/routing-data/gsm-hard.ts --from <bare git dir of reasoning-machines/pal> [--review f]
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

const SOURCE = 'gsm-hard';
const MAX_DIRECT = 60;
const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./gsm-hard-labels.json', import.meta.url));

const rows = readGitFile(dir, 'datasets/gsmhardv2.jsonl')
  .split('\n')
  .filter(Boolean)
  .map((line, i) => ({ i, ...(JSON.parse(line) as { input: string; target: number | null }) }));

const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
let direct = 0;
for (const row of shuffle(random(1319), rows)) {
  if (row.i < 250 || row.target === null || row.target < 0) continue;
  if (!/\d{6,}/.test(row.input)) continue;
  const digits = significantDigits(row.target);
  const easy = Number.isInteger(row.target) && row.target >= 1000 && digits <= 6;
  const proposed: QaNeed | undefined = digits >= 9 ? 'compute' : easy ? 'none' : undefined;
  const id = `${SOURCE}:test-${row.i}`;
  const o = overrides[id];
  if (o?.drop) continue;
  const need = o?.need ?? proposed;
  if (!need) continue;
  if (need === 'none' && ++direct > MAX_DIRECT) continue;
  const reg = place(id, COMPUTE_POOL, need === 'none' ? 0.8 : 0.65);
  records.push(qaRecord(SOURCE, id, row.input.trim(), need, reg));
  reviewed.push({ id, need, proposed: proposed ?? 'none', registry: reg.name });
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
