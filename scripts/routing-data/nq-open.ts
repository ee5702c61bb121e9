// Builds data/routing/sources/nq-open.jsonl.gz: real search-engine questions of Natural Questions
// in the NQ-open form (google-research-datasets/natural-questions, nq_open/; "All of the Natural
// Questions data is released under the CC BY-SA 3.0 license", nq_open/README.md). The three splits
// kept in the repository are read: NQ-open.dev.jsonl (3,610), NQ-open.efficientqa.dev.1.1.jsonl
// (1,800) and NQ-open.efficientqa.test.1.1.jsonl (1,769); only the question text is used.
//
// The questions were asked of Google in 2016-2018; many ask about the present ("who is the coach
// of the ottawa senators", "when does the next episode of flash air", "when was the last time the
// dodgers won the world series"): their answer depends on the day they are asked, and a model
// cannot give it from its own knowledge (GUIDE: fresh data). Others ask stable facts ("who wrote
// he ain't heavy he's my brother lyrics"), which a model answers from general knowledge even when
// web search is offered.
//
// Need rule: FRESH below (relative-time words, current office holders, records, "last time",
// "next", "new season", populations, counts of things that keep growing) proposes `fresh`; all
// 763 proposals were read by hand and 351 corrected to `none` (a dated release of a named item:
// "when did korn's follow the leader come out", episode counts of a finished season, stable
// counts) and 44 dropped as ambiguous, per id in nq-open-labels.json. The questions drawn from the
// non-proposed rest were read too (overrides where one asks about the present).
//
// Taken (seeded draw): up to 230 `fresh` questions, placed under a registry with web search a bit
// more than half of the time (toolUse, agent) and otherwise under one without (direct: no offered
// tool can help); up to 90 proposed-but-`none` questions (hard negatives) and up to 140 other
// `none` questions, mostly under registries with web search (direct).
//
//   node scripts/routing-data/nq-open.ts --from <bare git dir of natural-questions> [--review f]
import { writeNeedReview } from './builder-kit.ts';
import { type LabeledRecord, random, readGitFile, shuffle, sourceDir, writeSource } from './lib.ts';
import {
  loadQaOverrides,
  place,
  type QaNeed,
  type QaReview,
  qaRecord,
  WEB_POOL,
} from './qa-registries.ts';

const SOURCE = 'nq-open';
const CAP = { fresh: 230, hardNone: 90, otherNone: 140 };
const FILES = [
  ['dev', 'nq_open/NQ-open.dev.jsonl'],
  ['eqa-dev', 'nq_open/NQ-open.efficientqa.dev.1.1.jsonl'],
  ['eqa-test', 'nq_open/NQ-open.efficientqa.test.1.1.jsonl'],
] as const;
const FRESH =
  /\b(current(ly)?|now|latest|newest|most recent|recent(ly)?|last time|next|upcoming|this year|this season|so far|to date|still|new season|come out|release date|as of|today|present|who is the (president|ceo|prime minister|chief|head|owner|leader|coach|manager|speaker|governor|mayor|secretary|chairman|king|queen)|who (has|holds) the (most|record)|how many (seasons|episodes|times)|who won (the )?(last|latest)|world record|population of|how many .* are there)\b/i;

const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./nq-open-labels.json', import.meta.url));

const questions: { id: string; text: string }[] = [];
for (const [tag, path] of FILES) {
  for (const [i, line] of readGitFile(dir, path).split('\n').filter(Boolean).entries()) {
    questions.push({
      id: `${SOURCE}:${tag}-${i}`,
      text: (JSON.parse(line) as { question: string }).question.trim(),
    });
  }
}

const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
const taken = { fresh: 0, hardNone: 0, otherNone: 0 };
const seen = new Set<string>();
for (const q of shuffle(random(7179), questions)) {
  const o = overrides[q.id];
  const key = q.text.toLowerCase().replace(/\s+/g, ' ');
  if (o?.drop || !q.text || seen.has(key)) continue;
  const proposed: QaNeed = FRESH.test(q.text) ? 'fresh' : 'none';
  const need = o?.need ?? proposed;
  const bucket = need !== 'none' ? 'fresh' : proposed === 'fresh' ? 'hardNone' : 'otherNone';
  if (taken[bucket] >= CAP[bucket]) continue;
  taken[bucket]++;
  seen.add(key);
  const reg = place(q.id, WEB_POOL, need === 'none' ? 0.8 : 0.55);
  records.push(qaRecord(SOURCE, q.id, q.text, need, reg));
  reviewed.push({ id: q.id, need, proposed, registry: reg.name });
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
