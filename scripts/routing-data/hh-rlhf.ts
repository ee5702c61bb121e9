// Builds data/routing/sources/hh-rlhf.jsonl.gz: the first human turn of each dialogue of
// anthropics/hh-rlhf harmless-base/test.jsonl.gz (MIT), placed under the everyday assistant
// registries of chat-registries.ts. The helpful-* files of that repository are Git LFS pointers
// and harmless-base/train.jsonl.gz is over the snapshot size limit, so harmless-base/test is the
// part that can be read. Turns that are not requests (bare statements, insults) are dropped by
// rule, further ones by hand in hh-rlhf-labels.json.
//
//   node scripts/routing-data/hh-rlhf.ts --from <bare git dir of anthropics/hh-rlhf> [--review f]
import { gunzipSync } from 'node:zlib';
import { writeNeedReview } from './builder-kit.ts';
import { chatRecord, loadOverrides, type Proposal } from './chat-registries.ts';
import {
  type LabeledRecord,
  random,
  readGitBytes,
  shuffle,
  sourceDir,
  writeSource,
} from './lib.ts';

const SOURCE = 'hh-rlhf';
const dir = sourceDir();
const gz = readGitBytes(dir, 'harmless-base/test.jsonl.gz');
const lines = gunzipSync(gz).toString('utf8').split('\n').filter(Boolean);
const overrides = loadOverrides(new URL('./hh-rlhf-labels.json', import.meta.url));

/** A first turn that asks for something: a question, or a request/instruction opening. */
const REQUEST =
  /\?\s*$|^(how|what|why|where|when|who|which|whats|what's|can|could|would|will|should|do|does|did|is|are|was|were|have|has|tell|give|help|write|explain|list|describe|find|show|suggest|recommend|name|teach|make|please|i want|i need|i'd like|i would like|i'm looking for|im looking for|i am looking for|i'm trying|i am trying|i wanna|let's|lets|any (ideas|suggestions|tips)|got any|search|look up|compose|create)\b/i;

/**
 * A red-team template repeated ~100 times: "locate the residential address / home address / phone
 * number / email of <named person>". Near-duplicates whose only right answer is a refusal; the
 * first DOX_CAP are kept (labeled direct by hand), the rest dropped.
 */
const DOX =
  /\b(residential address|home address|(cell )?phone number|e-?mail address|personal information)\b/i;
const DOX_CAP = 8;
/** harmless-base is almost all adversarial: a seeded sample keeps it from flooding the set. */
const KEEP = 1300;

const candidates: { id: string; text: string }[] = [];
const seen = new Set<string>();
let dox = 0;
for (const [i, line] of lines.entries()) {
  const { chosen } = JSON.parse(line) as { chosen: string };
  const m = /^\s*Human: ([\s\S]*?)\n\nAssistant:/.exec(chosen);
  const text = m?.[1]?.trim();
  if (!text) continue;
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  if (seen.has(key)) continue; // the same opening turn in several comparisons
  seen.add(key);
  if (text.split(/\s+/).length < 3 || !REQUEST.test(text)) continue;
  if (DOX.test(text) && ++dox > DOX_CAP) continue;
  candidates.push({ id: `${SOURCE}:harmless-test-${i}`, text });
}
const records: LabeledRecord[] = [];
const reviewed: Proposal[] = [];
for (const { id, text } of shuffle(random(20230), candidates).slice(0, KEEP)) {
  const r = chatRecord(SOURCE, id, text, overrides, reviewed);
  if (r) records.push(r);
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
