// tierup side by side with @openai/agents and the Vercel AI SDK: `npm run bench` from the root.
// Runs the six scenarios of issue 6, checks every run, writes bench/results/latest.json, the SVG
// charts under docs/benchmarks/ and the generated part of docs/benchmarks.md, and prints the tables.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { measureLoad, measureMemory } from './alone-scenarios.ts';
import { measureMapping } from './conversation-mapping.ts';
import {
  agentPlan,
  directPlan,
  fanOutPlan,
  type InterleavedRow,
  measureRow,
} from './interleaved-scenarios.ts';
import { Progress } from './measure.ts';
import { renderReport } from './report.ts';
import type { Results } from './results.ts';
import { measureRouting } from './routing-economics.ts';
import { SETTINGS } from './settings.ts';
import { updateDocs } from './update-docs.ts';

const root = new URL('../../', import.meta.url);
/** The versions PEERS.md's figures were measured with. */
const PEERS_MD_VERSIONS: Record<string, string> = {
  openai: '7.57.0',
  '@openai/agents': '0.20.0',
  ai: '6.0.326',
  '@ai-sdk/openai': '3.0.141',
  zod: '4.6.7',
};
const started = performance.now();
const progress = new Progress();
const versions = checkVersions();
const scenario = (n: number, name: string) => progress.note(`scenario ${n}/6: ${name}`);

scenario(1, 'direct, one call, no tools');
const direct: InterleavedRow[] = [];
for (const api of SETTINGS.direct.apis) {
  direct.push(
    await measureRow(directPlan(api, SETTINGS.direct.warmup, SETTINGS.direct.rounds), progress),
  );
}

scenario(2, `agent, ${SETTINGS.agent.steps - 1} sequential tool calls then the answer`);
const agent: InterleavedRow[] = [];
for (const { api, delayMs, warmup, rounds } of SETTINGS.agent.latencies) {
  agent.push(
    await measureRow(
      agentPlan('agent', api, SETTINGS.agent.steps, delayMs, warmup, rounds),
      progress,
    ),
  );
}
const agentMemory = await measureMemory(
  { ...SETTINGS.agent.memory, steps: SETTINGS.agent.steps },
  progress,
);

scenario(3, 'fan-out, a manager and 8 specialists');
const fanOut: InterleavedRow[] = [];
for (const api of SETTINGS.fanOut.apis) {
  const { specialistDelayMs, warmup, rounds } = SETTINGS.fanOut;
  fanOut.push(await measureRow(fanOutPlan(api, specialistDelayMs, warmup, rounds), progress));
}

scenario(4, `load, ${SETTINGS.load.concurrency} concurrent agent runs`);
const load = await measureLoad({ ...SETTINGS.load, steps: SETTINGS.agent.steps }, progress);

scenario(5, 'growth, one agent run of 10, 100 and 1,000 steps');
const growth: InterleavedRow[] = [];
for (const { steps, warmup, rounds } of SETTINGS.growth.points) {
  growth.push(
    await measureRow(agentPlan('growth', SETTINGS.growth.api, steps, 0, warmup, rounds), progress),
  );
}

const growthMapping = measureMapping();

scenario(6, 'routing economics on ../shared/routing/dev.jsonl');
const routingFile = process.env.BENCH_ROUTING_FILE
  ? new URL(process.env.BENCH_ROUTING_FILE, `file://${process.cwd()}/`)
  : new URL('../shared/routing/dev.jsonl', root);
const routing = measureRouting(routingFile, SETTINGS.routing.passes, progress);

const results: Results = {
  generatedAt: new Date().toISOString(),
  command: 'npm run bench',
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  quick: SETTINGS.quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${process.platform} ${release()}`,
    node: process.version,
  },
  versions,
  direct,
  agent,
  agentMemory,
  fanOut,
  load,
  growth,
  growthMapping,
  routing,
};

const report = renderReport(results);
const out = SETTINGS.quick ? 'bench/results/quick.json' : 'bench/results/latest.json';
mkdirSync(new URL('bench/results/', root), { recursive: true });
writeFileSync(new URL(out, root), `${JSON.stringify(results)}\n`);
if (!SETTINGS.quick) updateDocs(root, report);
console.log(report.markdown);
console.log(
  `\nWrote ${out}${SETTINGS.quick ? ' (BENCH_QUICK: docs left alone)' : ', docs/benchmarks.md and docs/benchmarks/*.svg'} ` +
    `in ${results.durationSeconds} s.`,
);

/**
 * The installed versions. The peers are pinned in bench/package.json and must be installed as
 * pinned; `openai` and `zod` are linked to the root's copies (`file:../node_modules/...`), so
 * the peers, the hand-written loop and tierup share one copy of each; a version other than the
 * one PEERS.md measured with is reported, not refused.
 */
function checkVersions(): Record<string, string> {
  const read = (path: string) =>
    JSON.parse(readFileSync(new URL(path, root), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
    };
  const pins = read('bench/package.json').dependencies ?? {};
  const versions: Record<string, string> = {};
  for (const [name, pin] of Object.entries(pins)) {
    const installed = read(`bench/node_modules/${name}/package.json`).version;
    const linked = pin.startsWith('file:');
    if (!linked && installed !== pin) {
      throw new Error(
        `bench/node_modules has ${name} ${installed}, bench/package.json pins ${pin}: run npm install --prefix bench`,
      );
    }
    const measured = PEERS_MD_VERSIONS[name];
    if (measured !== undefined && installed !== measured) {
      progress.note(`note: ${name} ${installed} is installed; PEERS.md measured with ${measured}`);
    }
    versions[name] = linked ? `${installed} (the root's copy)` : installed;
  }
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'src']) !== '';
  versions.tierup = `${read('package.json').version} (${commit}${dirty ? ', src/ modified' : ''})`;
  return versions;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
