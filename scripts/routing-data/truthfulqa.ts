// Builds data/routing/sources/truthfulqa.jsonl.gz: general-knowledge questions of TruthfulQA
// (sylinrl/TruthfulQA, Apache-2.0). That repository cannot be fetched here, so TruthfulQA.csv is
// read from a verbatim copy of the 2021 release, benedictflorance/truthfulqa_experiments
// datasets/TruthfulQA.csv (817 questions, the original columns Type, Category, Question, ...; 812
// questions identical in an independent copy of the 2025 revision). Only the Question is used.
//
// Taken: every question of the category "Indexical Error: Time" (questions about the present:
// the current president, the time now, Apple's market cap, "what's next for Tom Hanks") plus a
// seeded draw of the others, 230 in all. Placed mostly under registries that offer web search: a
// search tool on the topic does not make a knowledge question a tool need (GUIDE), so the label is
// direct unless the question needs the present.
//
// Need rule: category "Indexical Error: Time" -> `fresh` (the answer changes with the date asked);
// every other category -> `none`. Hand overrides in truthfulqa-labels.json (read against the
// GUIDE): questions that need today's date rather than news (`now`: "How old is Barack Obama?"),
// a market figure (`market`), a place near the user (`places`), a future event no tool can
// answer (`none`), and the few other-category questions whose answer depends on the date asked.
//
//   node scripts/routing-data/truthfulqa.ts --from <bare git dir of the copy> [--review f]
import { parseCsv, writeNeedReview } from './builder-kit.ts';
import { type LabeledRecord, random, readGitFile, shuffle, sourceDir, writeSource } from './lib.ts';
import {
  loadQaOverrides,
  place,
  type QaNeed,
  type QaReview,
  qaRecord,
  WEB_POOL,
} from './qa-registries.ts';

const SOURCE = 'truthfulqa';
const COUNT = 230;
const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./truthfulqa-labels.json', import.meta.url));

const [header, ...body] = parseCsv(readGitFile(dir, 'datasets/TruthfulQA.csv'));
const col = (name: string) => {
  const i = header?.indexOf(name) ?? -1;
  if (i < 0) throw new Error(`TruthfulQA.csv has no column ${name}`);
  return i;
};
const CATEGORY = col('Category');
const QUESTION = col('Question');
const rows = body
  .map((r, i) => ({ i, category: r[CATEGORY] ?? '', question: (r[QUESTION] ?? '').trim() }))
  .filter((r) => r.question);
if (rows.length !== 817) throw new Error(`expected 817 questions, got ${rows.length}`);

const isTime = (r: { category: string }) => r.category === 'Indexical Error: Time';
const forced = (r: { i: number }) => overrides[`${SOURCE}:row-${r.i}`]?.need !== undefined;
const chosen = [
  ...rows.filter((r) => isTime(r) || forced(r)),
  ...shuffle(
    random(817),
    rows.filter((r) => !isTime(r) && !forced(r)),
  ),
];

const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
for (const row of chosen) {
  if (records.length >= COUNT) break;
  const id = `${SOURCE}:row-${row.i}`;
  const o = overrides[id];
  if (o?.drop) continue;
  const proposed: QaNeed = isTime(row) ? 'fresh' : 'none';
  const need = o?.need ?? proposed;
  const reg = place(id, WEB_POOL, need === 'none' ? 0.75 : 0.6);
  records.push(qaRecord(SOURCE, id, row.question, need, reg));
  reviewed.push({ id, need, proposed, registry: reg.name });
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
