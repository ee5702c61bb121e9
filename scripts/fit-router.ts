// Fits the router's models on the labeled records in the repository and writes
// src/router/data/router-model.json.
//
//   node scripts/fit-router.ts                 fit on everything, write the model
//   node scripts/fit-router.ts --by-source     also fit without each source in turn and report
//                                              the figures on the source left out
//   node scripts/fit-router.ts --check         fit and compare with the shipped file (exit 1 if it differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { type Decision, SIGNALS } from '../src/core/decision.ts';
import { parseTask } from '../src/core/task.ts';
import { type Tier, tierRank } from '../src/core/tier.ts';
import { tierCosts } from '../src/pricing/tier-cost.ts';
import { createRouter } from '../src/router/create-router.ts';
import { type EvaluationReport, type Expected, evaluate } from '../src/router/evaluate.ts';
import {
  DEFAULT_ROUTER_FIT,
  fitPreparedRecords,
  prepareRecords,
  type RouterFitOptions,
  type TrainingRecord,
} from '../src/router/model/fit-router-model.ts';
import { loadRoutingRecords } from './routing-records.ts';

const COMMAND = 'npm run fit:router';
const OUT = new URL('../src/router/data/router-model.json', import.meta.url);
const args = new Set(process.argv.slice(2));
// `--set key=value` overrides a fit option, for experiments: --set minSources=4 --set signalWords=crossDomain,parallelism
const options: RouterFitOptions = { ...DEFAULT_ROUTER_FIT };
process.argv.forEach((arg, i) => {
  if (arg !== '--set') return;
  const [key, value] = (process.argv[i + 1] ?? '').split('=');
  if (key === undefined || !(key in options)) throw new Error(`unknown fit option ${key}`);
  (options as unknown as Record<string, unknown>)[key] =
    key === 'signalWords' ? (value ?? '').split(',').filter(Boolean) : Number(value);
});

const records = loadRoutingRecords();
const bySource = new Map<string, TrainingRecord[]>();
for (const record of records) {
  const list = bySource.get(record.source) ?? [];
  list.push(record);
  bySource.set(record.source, list);
}
console.log(`${records.length} records from ${bySource.size} sources`);

const started = performance.now();
const prepared = prepareRecords(records);
const model = fitPreparedRecords(prepared, COMMAND, options);
console.log(`fitted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const text = `${JSON.stringify(model, null, 1)}\n`;
if (args.has('--check')) {
  const same = readFileSync(OUT, 'utf8') === text;
  console.log(
    same ? 'the shipped model is what the data gives' : 'the shipped model differs from a refit',
  );
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT.pathname} (${(text.length / 1024).toFixed(0)} KB)`);
}

/** Threshold settings whose out-of-source figures are summarized: the default first. */
const SETTINGS: readonly { readonly toolUse: number; readonly signals: number }[] = [
  { toolUse: 0.5, signals: 0.5 },
  { toolUse: 0.35, signals: 0.5 },
  { toolUse: 0.25, signals: 0.5 },
  { toolUse: 0.15, signals: 0.5 },
  { toolUse: 0.35, signals: 0.35 },
  { toolUse: 0.25, signals: 0.25 },
];

type Routed = { id: string; expected: Expected; decision: Decision }[];
interface Row {
  readonly source: string;
  readonly accuracy: number;
  readonly under: number;
  readonly over: number;
}
/** One source's figures, for the fitted models (thresholds 0.5) and the default scorers. */
interface SourceFigures {
  readonly source: string;
  readonly fitted: Row & Band & { readonly cost: number };
  readonly default: Row & Band & { readonly cost: number };
  /** Always agent's cost as a share of always multi-agent. */
  readonly alwaysAgent: number;
}
/** The share of requests with a signal in the uncertain band (0.1), which `routing.assist` would send to a model, and the accuracy on the others. */
interface Band {
  readonly share: number;
  readonly accuracyOutside: number;
}

if (args.has('--by-source')) reportBySource();

function reportBySource(): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const summary: Row[][] = SETTINGS.map(() => []);
  const figures: SourceFigures[] = [];
  const defaultRouter = createRouter();
  console.log(
    '\nthresholds 0.5; left-out source n    acc  under   over   toolUse cross  secur  paral  | direct agent  multi | default scorers: acc under over',
  );
  for (const [source, held] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const expected = held.map(tierOf);
    const routeWith = (router: ReturnType<typeof createRouter>): Routed =>
      held.map((r, i) => ({
        id: r.id,
        expected: expected[i] as Expected,
        decision: router.route({ input: r.input, tools: r.tools as never }),
      }));
    const fittedModel = fitPreparedRecords(
      prepared.filter((p) => p.record.source !== source),
      COMMAND,
      options,
    );
    const reports = SETTINGS.map(({ toolUse, signals }) => {
      const thresholds = {
        toolUse,
        crossDomain: signals,
        securityBoundary: signals,
        parallelism: signals,
      };
      const routed = routeWith(createRouter({ fittedModel, thresholds }));
      return { routed, report: evaluate(routed) };
    });
    reports.forEach(({ report }, k) => {
      summary[k]?.push(rowOf(source, report));
    });
    const fitted = reports[0] as (typeof reports)[number];
    const heuristicRouted = routeWith(defaultRouter);
    const heuristic = evaluate(heuristicRouted);
    const costs = costsOf(held, expected);
    figures.push({
      source,
      fitted: {
        ...rowOf(source, fitted.report),
        ...bandOf(fitted.routed),
        cost: costs.of(fitted.routed),
      },
      default: {
        ...rowOf(source, heuristic),
        ...bandOf(heuristicRouted),
        cost: costs.of(heuristicRouted),
      },
      alwaysAgent: costs.alwaysAgent,
    });
    const { report } = fitted;
    const f1 = SIGNALS.map((signal) => {
      const q = report.signals[signal];
      return q.truePositives + q.falseNegatives === 0 ? '   -  ' : q.f1.toFixed(2).padStart(6);
    });
    const constant = (tier: Tier) => expected.filter((e) => e.tier === tier).length / held.length;
    console.log(
      `${source.padEnd(28)} ${String(held.length).padStart(5)} ${pct(report.accuracy)} ${pct(report.underEscalation)} ${pct(report.overEscalation)}  ${f1.join(' ')}  | ${pct(constant('direct'))} ${pct(constant('agent'))} ${pct(constant('multi-agent'))} | ${pct(heuristic.accuracy)} ${pct(heuristic.underEscalation)} ${pct(heuristic.overEscalation)}`,
    );
  }
  const mean = (rows: readonly Row[], k: 'accuracy' | 'under' | 'over') =>
    `${((rows.reduce((sum, r) => sum + r[k], 0) / Math.max(1, rows.length)) * 100).toFixed(1)}%`.padStart(
      6,
    );
  const groups: [string, (source: string) => boolean][] = [
    ['all', () => true],
    ['team-written', (source) => source.startsWith('composed-team')],
    ['public', (source) => !source.startsWith('composed')],
  ];
  const means = (rows: readonly Row[]) =>
    groups
      .map(([, has]) => {
        const kept = rows.filter((r) => has(r.source));
        return `${mean(kept, 'accuracy')} ${mean(kept, 'under')} ${mean(kept, 'over')}`;
      })
      .join('  ');
  console.log('\nmean over sources left out, per threshold setting (accuracy / under / over)');
  console.log(`toolUse signals  ${groups.map(([g]) => g.padEnd(22)).join(' ')}`);
  SETTINGS.forEach(({ toolUse, signals }, k) => {
    console.log(
      `${String(toolUse).padEnd(7)} ${String(signals).padEnd(7)}  ${means(summary[k] ?? [])}`,
    );
  });
  console.log(`default scorers  ${means(figures.map((f) => f.default))}`);
  console.log(
    '\ncost against always multi-agent (under-escalated: the lower attempt plus the right tier)',
  );
  console.log('source                        fitted  default  always-agent');
  for (const f of figures) {
    console.log(
      `${f.source.padEnd(28)} ${pct(f.fitted.cost)}  ${pct(f.default.cost)}  ${pct(f.alwaysAgent)}`,
    );
  }
  console.log(
    '\nuncertain band 0.1: share of requests a routing.assist model would see, accuracy on the rest',
  );
  console.log(
    'source                        fitted: share  acc-outside | default: share  acc-outside',
  );
  for (const f of figures) {
    console.log(
      `${f.source.padEnd(28)} ${pct(f.fitted.share)} ${pct(f.fitted.accuracyOutside)}      | ${pct(f.default.share)} ${pct(f.default.accuracyOutside)}`,
    );
  }
}

function rowOf(source: string, report: EvaluationReport): Row {
  return {
    source,
    accuracy: report.accuracy,
    under: report.underEscalation,
    over: report.overEscalation,
  };
}

function bandOf(routed: Routed): Band {
  const outside = routed.filter((r) => !Object.values(r.decision.signals).some((s) => s.uncertain));
  return {
    share: 1 - outside.length / Math.max(1, routed.length),
    accuracyOutside:
      outside.filter((r) => r.decision.tier === r.expected.tier).length /
      Math.max(1, outside.length),
  };
}

/**
 * What routing costs against running every request on the multi-agent tier, under the cost
 * model of `tierup calibrate` (src/pricing/tier-cost.ts). A request run below its label costs
 * that attempt plus a run on the labeled tier (always-agent pays this for every multi-agent
 * request too). Each record's tier costs are estimated once.
 */
function costsOf(held: readonly TrainingRecord[], expected: readonly Expected[]) {
  const perRecord = held.map((r) =>
    tierCosts(parseTask({ input: r.input, tools: (r.tools ?? []) as never })),
  );
  let multi = 0;
  let agent = 0;
  perRecord.forEach((cost, i) => {
    const want = (expected[i] as Expected).tier;
    multi += cost['multi-agent'];
    agent += cost.agent + (want === 'multi-agent' ? cost[want] : 0);
  });
  return {
    alwaysAgent: agent / multi,
    of(routed: Routed): number {
      let total = 0;
      routed.forEach(({ expected: { tier: want }, decision: { tier: got } }, i) => {
        const cost = perRecord[i] as Record<Tier, number>;
        total += cost[got] + (tierRank(got) < tierRank(want) ? cost[want] : 0);
      });
      return total / multi;
    },
  };
}

function tierOf(r: TrainingRecord): Expected {
  const e = r.expected as TrainingRecord['expected'] & { tier: Tier };
  return {
    tier: e.tier,
    toolUse: e.toolUse,
    crossDomain: e.crossDomain,
    securityBoundary: e.securityBoundary,
    parallelism: e.parallelism,
  };
}
