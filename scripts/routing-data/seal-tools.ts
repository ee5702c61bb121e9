// Builder of data/routing/sources/seal-tools.jsonl.gz from fairyshine/Seal-Tools (Apache-2.0).
//
//   node scripts/routing-data/seal-tools.ts --from /work/.mirror/fairyshine+Seal-Tools/repo
//
// Seal-Tools gives, per item, a user query, the API list offered to the model (the ground-truth
// APIs plus retrieved distractors, in dataset_for_finetune/<split>.json) and the ground-truth
// calls (<split>.jsonl). Splits used: dev, test_in_domain, test_out_domain (train.jsonl is too
// large for the snapshot). Records:
// - single-call items ("easy"): agent, expected.tools = the called API; when that API only does
//   what a model does alone (translating a phrase, writing an essay or marketing copy, F = m*a),
//   the item is direct (GUIDE: writing, translating and easy arithmetic stay direct).
// - multi-call items ("difficult", 2 to 6 calls, often chained through API_call_k): agent,
//   expected.tools = the called APIs. Seal-Tools joins unrelated one-call look-ups from different
//   fields; none is a specialist task whose result must be combined with another, and each is a
//   single call, so crossDomain and parallelism stay false. securityBoundary by the Rule of Two
//   over the needed tools' flags (seal-tools-rules.ts), with per-id overrides.
// - irrelevance: other items' queries offered 3 to 10 APIs drawn from the catalog (tool.jsonl)
//   outside the called APIs' top-level fields and sharing no content word with them: direct.
// Near-duplicates: at most two records per set of called APIs.
import { type Judgment, readLabels } from './builder-kit.ts';
import {
  headCommit,
  type LabeledRecord,
  label,
  random,
  readGitFile,
  shuffle,
  sourceDir,
  type ToolRecord,
  writeSource,
} from './lib.ts';
import { domainSlug, ruledTool, ruleOfTwoBroken, words } from './seal-tools-rules.ts';

const SOURCE = 'seal-tools';
const dir = sourceDir();
const rand = random(20261207);

interface Api {
  api_name: string;
  api_description: string;
  field: string;
}
interface Item {
  id: string;
  query: string;
  calling: { api: string; parameters: Record<string, unknown> }[];
}

const apis = new Map<string, Api>();
for (const line of readGitFile(dir, 'Seal-Tools_Dataset/tool.jsonl').split('\n')) {
  if (!line.trim()) continue;
  const api = JSON.parse(line) as Api;
  if (!apis.has(api.api_name)) apis.set(api.api_name, api);
}

const overrides = readLabels<Record<string, Judgment>>('seal-tools-labels.json');

/** APIs whose whole job a model does alone (GUIDE: writing, translating, easy arithmetic). */
const MODEL_CAPABLE =
  /^(translate(?!DNA|RNA|Protein|Gene|Sequence)[A-Z]|translateText$|generate(Personal)?(Essay|Copy|Poem|Story|Slogan|Lyrics|Joke|Tagline|Headline|Caption|Quote)s?$|write(Essay|Poem|Story|Letter)|summarizeText$|paraphrase|rewriteText|proofread|checkGrammar|correctGrammar|calculate(Force|NetIncome|TrenchExcavation|Profit|BMI|Area|Perimeter|Average|Percentage|Tip|Speed|Density|Velocity|Acceleration|Momentum|KineticEnergy|PotentialEnergy|Work|Power|SimpleInterest|Discount)$)/;

function toolOf(name: string): ToolRecord {
  const api = apis.get(name);
  if (!api) throw new Error(`unknown API ${name}`);
  const top = api.field.split('/')[0] ?? 'general';
  return ruledTool(name, api.api_description, domainSlug(top));
}

/** The offered API names of a finetune item, in the order the source lists them. */
function offeredNames(prompt: string): string[] {
  const list = prompt.split('api_list = ')[1]?.split('\ntask_instruction')[0] ?? '';
  return [...list.matchAll(/'api_name': '([^']+)'/g)].map((m) => m[1] as string);
}

const items: { item: Item; offered: string[]; split: string }[] = [];
for (const split of ['dev', 'test_in_domain', 'test_out_domain']) {
  const finetune = JSON.parse(
    readGitFile(dir, `Seal-Tools_Dataset/dataset_for_finetune/${split}.json`),
  ) as { id: string; conversations: { from: string; value: string }[] }[];
  const offeredById = new Map(
    finetune.map((f) => [f.id, offeredNames(f.conversations[0]?.value ?? '')]),
  );
  for (const line of readGitFile(dir, `Seal-Tools_Dataset/${split}.jsonl`).split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as Item;
    const offered = (offeredById.get(item.id) ?? []).filter(
      (n) => apis.has(n) && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(n),
    );
    items.push({ item, offered, split });
  }
}

const GENERIC = new Set([
  'data',
  'info',
  'information',
  'details',
  'list',
  'status',
  'level',
  'type',
  'report',
  'analysis',
  'result',
  'results',
  'by',
  'of',
  'for',
  'the',
  'and',
  'to',
  'a',
  'in',
  'on',
]);

/** The content words of an API name (its words after the verb, without generic ones). */
function content(name: string): string[] {
  return words(name)
    .slice(1)
    .filter((w) => !GENERIC.has(w) && w.length > 2);
}

/**
 * Whether API b could stand in for API a: the same top-level field, or a content word in common
 * (getHealthWorkforce ~ fetchWorkforceStats). Used to keep irrelevance records honest.
 */
function similar(a: string, b: string): boolean {
  const x = apis.get(a);
  const y = apis.get(b);
  if (!x || !y) return false;
  if (x.field.split('/')[0] === y.field.split('/')[0]) return true;
  const ca = content(a);
  return content(b).some((w) => ca.includes(w));
}

const allNames = [...apis.keys()].filter((n) => /^[A-Za-z][A-Za-z0-9_.-]*$/.test(n)).sort();
const records: LabeledRecord[] = [];
const perKey = new Map<string, number>();
const used = new Set<string>();
const counts = { single: 0, singleDirect: 0, multi: 0, irrelevant: 0 };
const LIMITS = { single: 260, singleDirect: 70, multi: 320, irrelevant: 260 };

function trim(needed: readonly string[], others: readonly string[], max: number): string[] {
  const rest = shuffle(
    rand,
    others.filter((n) => !needed.includes(n)),
  );
  const room = Math.max(0, max - needed.length);
  return shuffle(rand, [...needed, ...rest.slice(0, room)]);
}

const order = shuffle(rand, items);
for (const { item, offered } of order) {
  const over = overrides[item.id];
  if (over?.drop) continue;
  const called = [...new Set(item.calling.map((c) => c.api))];
  if (called.some((n) => !offered.includes(n))) continue;
  const key = [...called].sort().join('+');
  if ((perKey.get(key) ?? 0) >= 2) continue;
  const query = item.query.trim();
  if (query.length < 15) continue;

  const single = item.calling.length === 1;
  const capable = called.every((n) => MODEL_CAPABLE.test(n)) || over?.direct === true;
  const kind = capable ? 'singleDirect' : single ? 'single' : 'multi';
  if (counts[kind] >= LIMITS[kind]) continue;
  const maxTools = 4 + Math.floor(rand() * 9); // 4..12
  const names = trim(called, offered, maxTools);
  if (names.length < 2) {
    // A one-API list: add distractors from other fields so the registry is realistic.
    const extra = shuffle(rand, allNames)
      .filter((n) => !called.some((c) => similar(c, n)))
      .slice(0, 3);
    names.push(...extra);
  }
  const tools = names.map(toolOf);
  const needed = tools.filter((t) => called.includes(t.name));
  const expected = capable
    ? label({}, [])
    : label(
        {
          toolUse: true,
          securityBoundary: over?.securityBoundary ?? ruleOfTwoBroken(needed),
        },
        called,
      );
  records.push({ id: `${SOURCE}:${item.id}`, source: SOURCE, input: query, tools, expected });
  counts[kind]++;
  perKey.set(key, (perKey.get(key) ?? 0) + 1);
  used.add(item.id);
}

// Irrelevance: queries not used above, with the needed APIs (and similar ones) taken away.
// Single-call queries first (up to 150), then multi-call ones.
const singleFirst = [
  ...order.filter((o) => o.item.calling.length === 1 && !used.has(o.item.id)).slice(0, 150),
  ...order.filter((o) => o.item.calling.length > 1),
];
for (const { item } of singleFirst) {
  if (counts.irrelevant >= LIMITS.irrelevant) break;
  if (used.has(item.id) || overrides[item.id]?.drop) continue;
  const called = [...new Set(item.calling.map((c) => c.api))];
  if (called.every((n) => MODEL_CAPABLE.test(n))) continue;
  const key = `irr:${[...called].sort().join('+')}`;
  if ((perKey.get(key) ?? 0) >= 1) continue;
  // The source's own distractors were retrieved for this query and sometimes still serve it
  // (getSEMData for "search engine marketing data"), so the list is drawn from other fields.
  const calledTops = new Set(called.map((c) => apis.get(c)?.field.split('/')[0]));
  const size = 3 + Math.floor(rand() * 8); // 3..10
  const names = shuffle(rand, allNames)
    .filter(
      (n) =>
        !calledTops.has(apis.get(n)?.field.split('/')[0]) && !called.some((c) => similar(c, n)),
    )
    .slice(0, size);
  const tools = names.map(toolOf);
  records.push({
    id: `${SOURCE}:${item.id}:irrelevant`,
    source: SOURCE,
    input: item.query.trim(),
    tools,
    expected: label({}, []),
  });
  counts.irrelevant++;
  perKey.set(key, 1);
}

console.log(`commit ${headCommit(dir)}`, counts);
writeSource(SOURCE, records);
