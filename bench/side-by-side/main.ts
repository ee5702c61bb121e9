// tierup side by side with @openai/agents and the Vercel AI SDK: `npm run bench` from the root.
// Runs the six scenarios of issue 6 and the tracing cost of issue 16 (scenario 7), checks every run, writes bench/results/latest.json, the SVG
// charts under docs/benchmarks/ and the generated part of docs/benchmarks.md, and prints the tables.
// Every input is checked before the first scenario; the results so far are kept in
// bench/results/latest.partial.json as each scenario finishes, so a failure loses nothing measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { measureTelemetry } from '../telemetry/measure-telemetry.ts';
import { measureLoad, measureMemory } from './alone-scenarios.ts';
import { measureMapping } from './conversation-mapping.ts';
import { counts } from './format.ts';
import {
  agentPlan,
  directPlan,
  fanOutPlan,
  type InterleavedRow,
  measureRow,
} from './interleaved-scenarios.ts';
import { Progress } from './measure.ts';
import { renderReport } from './report.ts';
import type { Measured, Results } from './results.ts';
import { measureRouting } from './routing-economics.ts';
import {
  MissingInputsError,
  runScenarios,
  type Scenario,
  ScenarioFailedError,
  shownPath,
} from './run-scenarios.ts';
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
/** Scenario 6's labelled requests: the team's development set, or `BENCH_ROUTING_FILE`. */
const routingFile = process.env.BENCH_ROUTING_FILE
  ? new URL(process.env.BENCH_ROUTING_FILE, `file://${process.cwd()}/`)
  : new URL('data/routing/dev.jsonl', root);
const routingName = shownPath(routingFile, root);

const scenarios: Scenario<Measured>[] = [
  {
    title: 'direct, one call, no tools',
    inputs: [],
    run: async () => {
      const direct: InterleavedRow[] = [];
      for (const api of SETTINGS.direct.apis) {
        const { warmup, rounds } = SETTINGS.direct;
        direct.push(await measureRow(directPlan(api, warmup, rounds), progress));
      }
      return { direct };
    },
  },
  {
    title: `agent, ${SETTINGS.agent.steps - 1} sequential tool calls then the answer`,
    inputs: [],
    run: async () => {
      const agent: InterleavedRow[] = [];
      for (const { api, delayMs, warmup, rounds } of SETTINGS.agent.latencies) {
        const plan = agentPlan('agent', api, SETTINGS.agent.steps, delayMs, warmup, rounds);
        agent.push(await measureRow(plan, progress));
      }
      const agentMemory = await measureMemory(
        { ...SETTINGS.agent.memory, steps: SETTINGS.agent.steps },
        progress,
      );
      return { agent, agentMemory };
    },
  },
  {
    title: 'fan-out, a manager and 8 specialists',
    inputs: [],
    run: async () => {
      const fanOut: InterleavedRow[] = [];
      for (const api of SETTINGS.fanOut.apis) {
        const { specialistDelayMs, warmup, rounds } = SETTINGS.fanOut;
        fanOut.push(await measureRow(fanOutPlan(api, specialistDelayMs, warmup, rounds), progress));
      }
      return { fanOut };
    },
  },
  {
    title: `load, ${SETTINGS.load.concurrency} concurrent agent runs`,
    inputs: [],
    run: async () => ({
      load: await measureLoad({ ...SETTINGS.load, steps: SETTINGS.agent.steps }, progress),
    }),
  },
  {
    title: `growth, one agent run of ${counts(SETTINGS.growth.points.map((p) => p.steps))} steps`,
    inputs: [],
    run: async () => {
      const growth: InterleavedRow[] = [];
      for (const { steps, warmup, rounds } of SETTINGS.growth.points) {
        const plan = agentPlan('growth', SETTINGS.growth.api, steps, 0, warmup, rounds);
        growth.push(await measureRow(plan, progress));
      }
      return { growth, growthMapping: measureMapping() };
    },
  },
  {
    title: `routing economics on ${routingName}`,
    inputs: [
      {
        file: routingFile,
        description: process.env.BENCH_ROUTING_FILE
          ? 'the labelled requests named by BENCH_ROUTING_FILE'
          : "the team's labelled development set, shipped in the repository",
      },
    ],
    run: async () => ({
      routing: measureRouting(routingFile, routingName, SETTINGS.routing.passes, progress),
    }),
  },
  {
    title: 'tracing, an agent run with OpenTelemetry off, without an SDK and with one',
    inputs: [],
    run: async () => ({
      telemetry: await measureTelemetry(SETTINGS.telemetry, (note) => progress.note(note)),
    }),
  },
];

const header = {
  generatedAt: new Date().toISOString(),
  command: 'npm run bench',
  quick: SETTINGS.quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${process.platform} ${release()}`,
    node: process.version,
  },
  versions: checkVersions(),
};
const out = SETTINGS.quick ? 'bench/results/quick.json' : 'bench/results/latest.json';
const partialFile = new URL(out.replace(/\.json$/, '.partial.json'), root);
mkdirSync(new URL('bench/results/', root), { recursive: true });

let measured: Partial<Measured>;
try {
  measured = await runScenarios(scenarios, {
    partialFile,
    header,
    note: (text) => progress.note(text),
    root,
  });
} catch (error) {
  if (!(error instanceof MissingInputsError || error instanceof ScenarioFailedError)) throw error;
  console.error(`\nnpm run bench: ${error.message}`);
  if (error instanceof ScenarioFailedError) console.error(error.cause);
  process.exit(1);
}

const results: Results = {
  ...header,
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  // runScenarios returned, so every scenario ran and gave its part.
  ...(measured as Measured),
};
const report = renderReport(results);
writeFileSync(new URL(out, root), `${JSON.stringify(results)}\n`);
rmSync(partialFile, { force: true });
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
    const manifest = `bench/node_modules/${name}/package.json`;
    if (!existsSync(new URL(manifest, root))) {
      throw new Error(`${manifest} is missing, so no scenario was run: run npm run bench:deps`);
    }
    const installed = read(manifest).version;
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
