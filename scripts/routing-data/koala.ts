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
import { type HeldOutNeed, writeHeldOut } from './held-out.ts';
import { readGitFile, sourceDir } from './lib.ts';

/**
 * The prompts that need a tool of the registry, read by hand (every prompt was read to label it):
 * a fact that changes with the day asked, a web page named by its address, a product to buy.
 * Everything else (writing, explaining, advice, role-play, word problems, general knowledge, a
 * time-zone conversion) is direct, as in the other everyday-chat sources (oasst.md).
 */
const NEEDS: Readonly<Record<string, HeldOutNeed>> = {
  koala_98: {
    tools: ['web_search'],
    why: 'who holds an office in a given year: a fact of the day asked',
  },
  koala_139: { tools: ['fetch_url'], why: 'what a named web page does: read the page' },
  koala_146: { tools: ['web_search'], why: 'where to buy a product: shops and offers of the day' },
  koala_172: { tools: ['fetch_url'], why: 'a summary of a named website: read the site' },
};

const lines = readGitFile(sourceDir(), 'koala_test_set.jsonl').split('\n').filter(Boolean);
writeHeldOut(
  'koala',
  lines.map((line) => JSON.parse(line) as { id: string; prompt: string }),
  NEEDS,
);
