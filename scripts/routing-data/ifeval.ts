// Builds data/routing/held-out/ifeval.jsonl.gz: the 541 prompts of IFEval, Google's
// instruction-following eval (google-research/google-research, instruction_following_eval/,
// Apache-2.0): writing tasks with format constraints ("exactly 3 bullet points", "wrap in JSON",
// "two different responses"), each under the seven-tool assistant registry of
// `npm run eval:chat-registry` (scripts/chat-registry.ts) and labeled there. Only `key` and
// `prompt` are kept; the instruction lists and their arguments are not shipped.
//
// The set is held out: no fit reads it (it is not under data/routing/sources/). Prompts with an
// even key are the half the team may read for misses; the odd half is never read for misses, so
// its figure is a held-out one.
//
// The google-research repository is too large to fetch, so the builder reads the file itself,
// instruction_following_eval/data/input_data.jsonl at commit
// 19638399cc9e03623c5b9087a1d6fa8813974ce9, and refuses any other bytes:
//
//   node scripts/routing-data/ifeval.ts --from <path to input_data.jsonl>
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type HeldOutNeed, writeHeldOut } from './held-out.ts';
import { argValue } from './lib.ts';

/** sha256 of input_data.jsonl at the commit above (207,111 characters, 541 lines). */
const SHA256 = '67ffeee0fcb87c317c5b08a2de85557b4a7e96ada6178aa645b4954fe4b53d49';

/**
 * The prompts that need a tool of the registry, read by hand (every prompt was read to label it):
 * the text of a page given by its address or of a named article, a fact that changes with the
 * day asked (the news, a timetable, who holds an office, the latest model of a product, spending
 * figures published each year). Everything else (writing, rewriting, explaining, advice, role-play,
 * jokes, poems, emails and letters to write, critiques, general knowledge, history, word problems)
 * is direct whatever format it is asked in, as in the other everyday-chat sources (oasst.md).
 */
const NEEDS: Readonly<Record<string, HeldOutNeed>> = {
  '1000': {
    tools: ['fetch_url'],
    why: 'a summary of a Wikipedia page given by its address: read the page',
  },
  '1392': {
    tools: ['web_search'],
    why: 'a blog post about the latest news in the US: the news of the day',
  },
  '2780': {
    tools: ['web_search'],
    why: 'the timetable of the next train to London: departures of the day',
  },
  '322': {
    tools: ['web_search'],
    why: "two presidents' national security advisors: who holds an office changes",
  },
  '332': {
    tools: ['web_search', 'fetch_url'],
    why: 'a TLDR of an article named by its title, no address: find it, read it',
  },
  '3401': {
    tools: ['fetch_url'],
    why: 'a TLDR of an article given by its address: read the page',
  },
  '3619': {
    tools: ['web_search'],
    why: 'the release of the latest Google Pixel phone: which one is latest changes',
  },
  '3682': {
    tools: ['web_search'],
    why: 'the lobbying spending of five companies: figures published each year',
  },
};

const from = argValue('--from');
if (!from) {
  console.error('usage: node scripts/routing-data/ifeval.ts --from <path to input_data.jsonl>');
  process.exit(2);
}
const bytes = readFileSync(from);
const sha256 = createHash('sha256').update(bytes).digest('hex');
if (sha256 !== SHA256) {
  console.error(
    `${from}: sha256 ${sha256} is not that of instruction_following_eval/data/input_data.jsonl at ` +
      `19638399cc9e03623c5b9087a1d6fa8813974ce9 (${SHA256}); get that file byte for byte`,
  );
  process.exit(1);
}
const prompts = bytes
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const { key, prompt } = JSON.parse(line) as { key: number; prompt: string };
    return { id: String(key), prompt };
  });
writeHeldOut('ifeval', prompts, NEEDS);
