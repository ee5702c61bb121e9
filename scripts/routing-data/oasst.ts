// Builds data/routing/sources/oasst.jsonl.gz: the human-written prompts that LAION-AI/Open-Assistant
// (Apache-2.0) keeps for manual model evaluation under model/model_eval/manual/data/:
// prompt_lottery_en_250_text.jsonl (prompts users submitted to the Open Assistant prompt lottery)
// and en_100_tree.jsonl (100 exported message trees; the prompts the tree marks `synthetic` are
// model-written and left out). Each prompt is placed under the everyday assistant registries of
// chat-registries.ts and labeled there.
//
//   node scripts/routing-data/oasst.ts --from <bare git dir of LAION-AI/Open-Assistant> [--review f]
import { writeNeedReview } from './builder-kit.ts';
import { chatRecord, loadOverrides, type Proposal } from './chat-registries.ts';
import { type LabeledRecord, readGitFile, sourceDir, writeSource } from './lib.ts';

const SOURCE = 'oasst';
const DATA = 'model/model_eval/manual/data';
const dir = sourceDir();
const overrides = loadOverrides(new URL('./oasst-labels.json', import.meta.url));

const prompts: { id: string; text: string }[] = [];
for (const [i, line] of readGitFile(dir, `${DATA}/prompt_lottery_en_250_text.jsonl`)
  .split('\n')
  .filter(Boolean)
  .entries()) {
  prompts.push({ id: `${SOURCE}:lottery-${i}`, text: JSON.parse(line) as string });
}
for (const line of readGitFile(dir, `${DATA}/en_100_tree.jsonl`).split('\n').filter(Boolean)) {
  const tree = JSON.parse(line) as {
    prompt: { message_id: string; text: string; synthetic?: boolean; lang: string };
  };
  if (tree.prompt.synthetic || tree.prompt.lang !== 'en') continue;
  prompts.push({ id: `${SOURCE}:${tree.prompt.message_id}`, text: tree.prompt.text });
}

const records: LabeledRecord[] = [];
const reviewed: Proposal[] = [];
const seen = new Set<string>();
for (const { id, text } of prompts) {
  const input = text.trim();
  const key = input.toLowerCase().replace(/\s+/g, ' ');
  if (!input || seen.has(key)) continue;
  seen.add(key);
  const r = chatRecord(SOURCE, id, input, overrides, reviewed);
  if (r) records.push(r);
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
