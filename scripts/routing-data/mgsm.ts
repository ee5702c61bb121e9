// Builds data/routing/sources/mgsm.jsonl.gz: the Multilingual Grade School Math benchmark of
// google-research/url-nlp (mgsm/, CC-BY-4.0 per mgsm/LICENSE): the first 250 GSM8K test problems,
// translated by human annotators into bn, de, es, fr, ja, ru, sw, te, th and zh. 40 problems per
// language, chosen so that no problem appears in more than two languages (a seeded permutation of
// the 250, each language taking the next 40 in turn). Each is placed under a registry that mostly
// offers a calculator or code runner: arithmetic a model does reliably is direct whatever tools are
// offered (GUIDE). MGSM's answers are all small integers (at most 6 significant digits), so the
// gsm-hard rule proposes no tool need; overrides in mgsm-labels.json could.
//
//   node scripts/routing-data/mgsm.ts --from <bare git dir of google-research/url-nlp> [--review f]
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

const SOURCE = 'mgsm';
const LANGS = ['bn', 'de', 'es', 'fr', 'ja', 'ru', 'sw', 'te', 'th', 'zh'] as const;
const PER_LANG = 40;
const dir = sourceDir();
const overrides = loadQaOverrides(new URL('./mgsm-labels.json', import.meta.url));

const order = shuffle(
  random(250),
  Array.from({ length: 250 }, (_, i) => i),
);
const records: LabeledRecord[] = [];
const reviewed: QaReview[] = [];
for (const [k, lang] of LANGS.entries()) {
  const rows = readGitFile(dir, `mgsm/mgsm_${lang}.tsv`)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const cut = line.lastIndexOf('\t');
      return { question: line.slice(0, cut).trim(), answer: Number(line.slice(cut + 1)) };
    });
  if (rows.length !== 250) throw new Error(`mgsm_${lang}.tsv: ${rows.length} rows, expected 250`);
  for (let j = 0; j < PER_LANG; j++) {
    const index = order[(k * PER_LANG + j) % 250] as number;
    const row = rows[index];
    if (!row) continue;
    const id = `${SOURCE}:${lang}-${index}`;
    const o = overrides[id];
    if (o?.drop) continue;
    const proposed: QaNeed = significantDigits(row.answer) >= 9 ? 'compute' : 'none';
    const need = o?.need ?? proposed;
    const reg = place(id, COMPUTE_POOL, 0.8);
    records.push(qaRecord(SOURCE, id, row.question, need, reg, lang));
    reviewed.push({ id, need, proposed, registry: reg.name });
  }
}
writeSource(SOURCE, records);
writeNeedReview(records, reviewed);
