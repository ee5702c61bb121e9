// Builds data/routing/held-out/koala.jsonl.gz: the 180 prompts of the Koala test set
// (arnav-gudibande/koala-test-set, Apache-2.0), user-written prompts gathered from public sources
// for the human evaluation of the Koala model, each under the seven-tool assistant registry of
// `npm run eval:chat-registry` (scripts/chat-registry.ts) and labeled there.
//
// The set is held out: its README asks that it not be used for training, so no fit reads it (it
// is not under data/routing/sources/). Prompts with an even number are the half the team may read
// for misses; the odd half is never read for misses, so its figure is a held-out one.
//
//   node scripts/routing-data/koala.ts --from <bare git dir of arnav-gudibande/koala-test-set>
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CHAT_REGISTRY } from '../chat-registry.ts';
import { loadRoutingRecords } from '../routing-records.ts';
import { LabeledRecord, label, readGitFile, sourceDir, tool } from './lib.ts';

const SOURCE = 'koala';

/**
 * The prompts that need a tool of the registry, read by hand (every prompt was read to label it):
 * a fact that changes with the day asked, a web page named by its address, a product to buy.
 * Everything else (writing, explaining, advice, role-play, word problems, general knowledge, a
 * time-zone conversion) is direct, as in the other everyday-chat sources (oasst.md).
 */
const NEEDS: Readonly<Record<string, { tool: string; why: string }>> = {
  koala_98: {
    tool: 'web_search',
    why: 'who holds an office in a given year: a fact of the day asked',
  },
  koala_139: { tool: 'fetch_url', why: 'what a named web page does: read the page' },
  koala_146: { tool: 'web_search', why: 'where to buy a product: shops and offers of the day' },
  koala_172: { tool: 'fetch_url', why: 'a summary of a named website: read the site' },
};

type Flags = { untrustedInput?: boolean; sensitiveData?: boolean; sideEffects?: boolean };
const tools = CHAT_REGISTRY.map((t) => tool(t.name, t.description, t.domain, t as Flags));
// A prompt that a training source holds too would not be held out: it is left out.
const key = (text: string) => text.trim().toLowerCase();
const trained = new Set(loadRoutingRecords().map((r) => key(r.input)));
const records: LabeledRecord[] = [];
let dropped = 0;
for (const line of readGitFile(sourceDir(), 'koala_test_set.jsonl').split('\n').filter(Boolean)) {
  const { id, prompt } = JSON.parse(line) as { id: string; prompt: string };
  if (trained.has(key(prompt))) {
    dropped++;
    continue;
  }
  const need = NEEDS[id];
  records.push(
    LabeledRecord.parse({
      id: `${SOURCE}:${id}`,
      source: SOURCE,
      input: prompt.trim(),
      tools,
      expected: need ? label({ toolUse: true }, [need.tool]) : label({}),
    }),
  );
}
const out = new URL('../../data/routing/held-out/koala.jsonl.gz', import.meta.url);
const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
writeFileSync(out, gzipSync(text, { level: 9 }));
console.log(
  `${SOURCE}: ${records.length} records, ${Object.keys(NEEDS).length} labeled toolUse; ${dropped} left out as a training source holds them`,
);
