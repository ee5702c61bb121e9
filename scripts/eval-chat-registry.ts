// Everyday prompts that need no tool, each routed under one general assistant's tool registry: how
// often does the router send them to a higher tier for nothing? The registry is a typical chat
// assistant's (web search, a page fetcher, a code runner, a calendar, email, company docs, a
// helpdesk); the prompts are the records labeled direct of the public chat, maths and code sources
// in data/routing/sources (see DATA.md). The records' own registries are set aside.
//
// Below, the same for the held-out sets no fit reads and whose odd half is never read for misses
// (data/routing/held-out/README.md): the Koala test set's prompts and IFEval's, under the same
// registry.
//
//   npm run eval:chat-registry            the default scorers
//   npm run eval:chat-registry -- --fitted  the experimental fitted models too

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ToolSpec } from '../src/core/task.ts';
import { experimental_fittedRouterModel } from '../src/fitted-router/index.ts';
import { createRouter } from '../src/router/create-router.ts';
import { toolKinds } from '../src/router/features/tool-kinds.ts';
import { CHAT_REGISTRY as REGISTRY } from './chat-registry.ts';
import { LabeledRecord } from './routing-data/lib.ts';
import { loadRoutingRecords } from './routing-records.ts';

const SOURCES = ['hh-rlhf', 'oasst', 'awesome-chatgpt-prompts', 'gsm8k', 'mgsm', 'mbpp', 'nq-open'];

const routers: [string, ReturnType<typeof createRouter>][] = [['default', createRouter()]];
if (process.argv.includes('--fitted')) {
  routers.push(['fitted', createRouter({ fittedModel: experimental_fittedRouterModel })]);
}
// NQ-open's questions were labeled for freshness under registries with and without a web search
// tool: a direct label made with no web search on offer says nothing about whether the question
// needs one (a question about this season's games is direct under an online shop's registry), and
// this registry offers web search, so only those labeled with one count here. A web search is what
// the router's own reading of a tool calls one (`toolKinds`): a search of company docs, products or
// flights is not.
const searchOffered = (r: { tools?: readonly unknown[] }) =>
  (r.tools ?? []).some((tool) => toolKinds(tool as ToolSpec).search);
const records = loadRoutingRecords().filter(
  (r) =>
    SOURCES.includes(r.source) &&
    !r.expected.toolUse &&
    !r.expected.crossDomain &&
    (r.source !== 'nq-open' || searchOffered(r)),
);
console.log(`needless escalation under a ${REGISTRY.length}-tool assistant registry`);
console.log(
  `source                      n  ${routers.map(([name]) => name.padStart(8)).join(' ')}`,
);
const totals = routers.map(() => 0);
for (const source of SOURCES) {
  const held = records.filter((r) => r.source === source);
  const cells = routers.map(([, router], k) => {
    const over = held.filter(
      (r) => router.route({ input: r.input, tools: REGISTRY }).tier !== 'direct',
    );
    totals[k] = (totals[k] ?? 0) + over.length;
    return `${((100 * over.length) / held.length).toFixed(1)}%`.padStart(8);
  });
  console.log(`${source.padEnd(24)} ${String(held.length).padStart(5)}  ${cells.join(' ')}`);
}
const all = totals.map((t) => `${((100 * t) / records.length).toFixed(1)}%`.padStart(8));
console.log(`${'all'.padEnd(24)} ${String(records.length).padStart(5)}  ${all.join(' ')}`);

// The held-out sets' prompts labeled direct, each half apart (by the number in the id); their
// registry is the same one.
const HELD_OUT = [
  ['koala', 'the Koala test set'],
  ['ifeval', 'IFEval'],
] as const;
for (const [set, name] of HELD_OUT) {
  const file = new URL(`../data/routing/held-out/${set}.jsonl.gz`, import.meta.url);
  const direct = gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => LabeledRecord.parse(JSON.parse(line)))
    .filter((r) => r.expected.tier === 'direct');
  console.log(`\nheld out (no fit reads it): ${name}, same registry`);
  for (const [half, odd] of [
    [`${set}, even: read for misses`, false],
    [`${set}, odd: never read`, true],
  ] as const) {
    const held = direct.filter((r) => Number(r.id.replace(/\D+/g, '')) % 2 === (odd ? 1 : 0));
    const cells = routers.map(([, router]) => {
      const over = held.filter(
        (r) => router.route({ input: r.input, tools: REGISTRY }).tier !== 'direct',
      );
      return `${((100 * over.length) / held.length).toFixed(1)}%`.padStart(8);
    });
    console.log(`${half.padEnd(29)} ${String(held.length).padStart(4)}  ${cells.join(' ')}`);
  }
}
