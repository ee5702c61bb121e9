// Builder of data/routing/sources/toolalpaca.jsonl.gz from tangqiaoyu/ToolAlpaca (Apache-2.0).
//
//   node scripts/routing-data/toolalpaca.ts --from /work/.mirror/tangqiaoyu+ToolAlpaca/repo
//
// ToolAlpaca's evaluation sets (data/eval_real.json: 11 real public APIs, data/eval_simulated.json:
// 10 simulated ones) give per API its functions (Function_Description, Function_Projection with
// the HTTP method), its category, user instructions and golden action sequences. (train_data.json
// is too large for the snapshot.) Records:
// - every instruction whose golden actions are all offered functions of its API (the "getDetails"
//   ask-the-user step dropped, "[Optional]" actions kept): the API's functions as the registry
//   (needed ones kept, trimmed to 12; a one-function API gets 2 to 4 functions of another API of
//   another category beside it): agent, expected.tools = the golden actions. Instructions that
//   general knowledge, writing or easy arithmetic meet (WolframAlpha's "capital of Australia",
//   a dictionary definition, a Chuck Norris joke) are direct by per-id judgment in
//   toolalpaca-labels.json. Several calls of one function (three cities' weather) are one agent.
// - irrelevance: one to three instructions per API offered the functions of two APIs of other
//   categories only: direct.
// Flags: the HTTP method first (GET reads; PUT, PATCH, DELETE write; POST writes unless the
// function's verb only computes or looks up), then the rules of seal-tools-rules.ts for the
// sensitive and untrusted flags.
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
import {
  domainSlug,
  oneSentence,
  ruleOfTwoBroken,
  sensitiveOf,
  untrustedOf,
} from './seal-tools-rules.ts';

const SOURCE = 'toolalpaca';
const dir = sourceDir();
const rand = random(3141);

interface Api {
  Name: string;
  Description: string;
  Category: string;
  Function_Description: Record<string, string>;
  Function_Projection: Record<string, [string, string]>;
  Instructions: string[];
  Golden_Answers: { Action: string; Action_Input: string }[][];
}

const overrides = readLabels<Record<string, Judgment>>('toolalpaca-labels.json');

const COMPUTE_VERB =
  /^(generate|search|get|list|verify|validate|standardize|calculate|analy[sz]e|convert|translate|detect|check|find|lookup|query|predict|classify)/i;

function functionsOf(api: Api): ToolRecord[] {
  const domain = domainSlug(api.Category);
  return Object.entries(api.Function_Description)
    .filter(([name]) => name !== 'components' && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(name))
    .map(([name, text]) => {
      const method = (api.Function_Projection[name]?.[1] ?? 'get').toLowerCase();
      const path = api.Function_Projection[name]?.[0] ?? '';
      const own = text.split('\nParameters:')[0]?.trim() ?? '';
      const description =
        own && !own.startsWith('Parameters:')
          ? oneSentence(own)
          : `${api.Name}: ${method.toUpperCase()} ${path} (${api.Description.replace(/\.$/, '')}).`;
      const side =
        method === 'get'
          ? false
          : ['put', 'patch', 'delete'].includes(method)
            ? true
            : !COMPUTE_VERB.test(name);
      return {
        name,
        description,
        domain,
        untrustedInput: untrustedOf(name, `${description} ${api.Description}`, side),
        sensitiveData: sensitiveOf(name, description),
        sideEffects: side,
      };
    });
}

const apis: { api: Api; set: string }[] = [];
for (const set of ['eval_real', 'eval_simulated']) {
  for (const api of JSON.parse(readGitFile(dir, `data/${set}.json`)) as Api[]) {
    apis.push({ api, set });
  }
}

const records: LabeledRecord[] = [];
const counts = { agent: 0, direct: 0, irrelevant: 0 };
for (const [a, { api, set }] of apis.entries()) {
  const fns = functionsOf(api);
  const names = new Set(fns.map((f) => f.name));
  const others = apis.filter((o) => o.api.Category !== api.Category && o.api.Name !== api.Name);
  const irrelevantTarget = 1 + Math.floor(rand() * 3);
  let irrelevant = 0;
  for (const [i, instruction] of api.Instructions.entries()) {
    const id = `${SOURCE}:${set}-${a}-${i}`;
    const over = overrides[id];
    if (over?.drop) continue;
    const query = instruction.trim().replace(/^"(.*)"$/s, '$1');
    const actions = (api.Golden_Answers[i] ?? [])
      .map((s) => s.Action.replace(/^\[Optional\]/, '').trim())
      .filter((s) => s !== 'getDetails');
    const called = [...new Set(actions)];
    if (called.length === 0 || !called.every((c) => names.has(c))) continue;

    if (irrelevant < irrelevantTarget && rand() < 0.3) {
      // Irrelevance: the same request under two other APIs' functions.
      const picked = shuffle(rand, others).slice(0, 2);
      const tools = picked.flatMap((o) => shuffle(rand, functionsOf(o.api)).slice(0, 5));
      if (tools.length >= 2 && new Set(tools.map((t) => t.name)).size === tools.length) {
        records.push({
          id: `${id}:irrelevant`,
          source: SOURCE,
          input: query,
          tools,
          expected: label({}, []),
        });
        irrelevant++;
        counts.irrelevant++;
        continue;
      }
    }

    let tools = [
      ...fns.filter((f) => called.includes(f.name)),
      ...shuffle(
        rand,
        fns.filter((f) => !called.includes(f.name)),
      ),
    ].slice(0, Math.max(12, called.length));
    if (tools.length < 3) {
      const other = others[Math.floor(rand() * others.length)];
      const extra = other ? functionsOf(other.api).filter((f) => !names.has(f.name)) : [];
      tools = [...tools, ...shuffle(rand, extra).slice(0, 2 + Math.floor(rand() * 3))];
    }
    tools = shuffle(rand, tools);
    const needed = tools.filter((t) => called.includes(t.name));
    const expected = over?.direct
      ? label({}, [])
      : label(
          { toolUse: true, securityBoundary: over?.securityBoundary ?? ruleOfTwoBroken(needed) },
          called,
        );
    records.push({ id, source: SOURCE, input: query, tools, expected });
    counts[over?.direct ? 'direct' : 'agent']++;
  }
}

console.log(`commit ${headCommit(dir)}`, counts);
writeSource(SOURCE, records);
