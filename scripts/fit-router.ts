// Fits the router's models on the labeled records in the repository and writes
// src/router/data/router-model.json.
//
//   node scripts/fit-router.ts                 fit on everything, write the model
//   node scripts/fit-router.ts --by-source     also fit without each source in turn and report
//                                              the figures on the source left out
//   node scripts/fit-router.ts --check         fit and compare with the shipped file (exit 1 if it differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { SIGNALS } from '../src/core/decision.ts';
import { parseTask } from '../src/core/task.ts';
import { tierCosts } from '../src/pricing/tier-cost.ts';
import { createRouter } from '../src/router/create-router.ts';
import { evaluate } from '../src/router/evaluate.ts';
import {
  DEFAULT_ROUTER_FIT,
  fitRouterModel,
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
for (const record of records)
  bySource.set(record.source, [...(bySource.get(record.source) ?? []), record]);
console.log(`${records.length} records from ${bySource.size} sources`);

const started = performance.now();
const model = fitRouterModel(records, COMMAND, options);
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
interface Row {
  readonly source: string;
  readonly accuracy: number;
  readonly under: number;
  readonly over: number;
}
const summary: Row[][] = SETTINGS.map(() => []);
/**
 * Per source: what routing costs against running every request on the agent tier and on the
 * multi-agent tier, under the cost model of `tierup calibrate` (src/pricing/tier-cost.ts). A request
 * run below its label costs that attempt plus a run on the labeled tier (always-agent pays this
 * for every multi-agent request too).
 */
const costs: { source: string; fitted: CostFigures; default: CostFigures }[] = [];
interface CostFigures {
  /** Routing's cost as a share of always multi-agent. */
  readonly routing: number;
  /** Always agent's cost as a share of always multi-agent. */
  readonly agent: number;
}
function costFigures(
  held: readonly TrainingRecord[],
  routed: readonly { decision: { tier: 'direct' | 'agent' | 'multi-agent' } }[],
): CostFigures {
  const rank = { direct: 0, agent: 1, 'multi-agent': 2 } as const;
  let routing = 0;
  let agent = 0;
  let multi = 0;
  held.forEach((r, i) => {
    const cost = tierCosts(parseTask({ input: r.input, tools: (r.tools ?? []) as never }));
    const want = tierOf(r).tier;
    const got = routed[i]?.decision.tier ?? want;
    routing += cost[got] + (rank[got] < rank[want] ? cost[want] : 0);
    agent += cost.agent + (want === 'multi-agent' ? cost[want] : 0);
    multi += cost['multi-agent'];
  });
  return { routing: routing / multi, agent: agent / multi };
}

/** Per source: the share of requests with a signal in the uncertain band (0.1), which `routing.assist` would send to a model, and the accuracy on the others. */
const band: { source: string; fitted: BandFigures; default: BandFigures }[] = [];
interface BandFigures {
  readonly share: number;
  readonly accuracyOutside: number;
}
function bandFigures(
  routed: readonly {
    id: string;
    expected: ReturnType<typeof tierOf>;
    decision: ReturnType<ReturnType<typeof createRouter>['route']>;
  }[],
): BandFigures {
  const outside = routed.filter((r) => !Object.values(r.decision.signals).some((s) => s.uncertain));
  return {
    share: 1 - outside.length / Math.max(1, routed.length),
    accuracyOutside:
      outside.filter((r) => r.decision.tier === r.expected.tier).length /
      Math.max(1, outside.length),
  };
}
/** The hand-weighted default scorers on each source, for comparison (they were not fitted on these sources but on the team's sets). */
const defaults: Row[] = [];
const defaultRouter = createRouter();
if (args.has('--by-source')) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  console.log(
    '\nthresholds 0.5; left-out source n    acc  under   over   toolUse cross  secur  paral  | direct agent  multi',
  );
  for (const [source, held] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const fittedModel = fitRouterModel(
      records.filter((r) => r.source !== source),
      COMMAND,
      options,
    );
    SETTINGS.forEach(({ toolUse, signals }, k) => {
      const thresholds = {
        toolUse,
        crossDomain: signals,
        securityBoundary: signals,
        parallelism: signals,
      };
      const router = createRouter({ fittedModel, thresholds });
      const routed = held.map((r) => ({
        id: r.id,
        expected: tierOf(r),
        decision: router.route({ input: r.input, tools: r.tools as never }),
      }));
      const report = evaluate(routed);
      if (k === 0) {
        const heuristic = held.map((r) => ({
          decision: defaultRouter.route({ input: r.input, tools: r.tools as never }),
        }));
        costs.push({
          source,
          fitted: costFigures(held, routed),
          default: costFigures(held, heuristic),
        });
      }
      if (k === 0)
        band.push({
          source,
          fitted: bandFigures(routed),
          default: bandFigures(
            held.map((r) => ({
              id: r.id,
              expected: tierOf(r),
              decision: defaultRouter.route({ input: r.input, tools: r.tools as never }),
            })),
          ),
        });
      summary[k]?.push({
        source,
        accuracy: report.accuracy,
        under: report.underEscalation,
        over: report.overEscalation,
      });
      if (k > 0) return;
      const f1 = SIGNALS.map((signal) => {
        const q = report.signals[signal];
        return q.truePositives + q.falseNegatives === 0 ? '   -  ' : q.f1.toFixed(2).padStart(6);
      });
      const constant = (tier: string) =>
        held.filter((r) => tierOf(r).tier === tier).length / held.length;
      const heuristic = evaluate(
        held.map((r) => ({
          id: r.id,
          expected: tierOf(r),
          decision: defaultRouter.route({ input: r.input, tools: r.tools as never }),
        })),
      );
      defaults.push({
        source,
        accuracy: heuristic.accuracy,
        under: heuristic.underEscalation,
        over: heuristic.overEscalation,
      });
      console.log(
        `${source.padEnd(28)} ${String(held.length).padStart(5)} ${pct(report.accuracy)} ${pct(report.underEscalation)} ${pct(report.overEscalation)}  ${f1.join(' ')}  | ${pct(constant('direct'))} ${pct(constant('agent'))} ${pct(constant('multi-agent'))} | ${pct(heuristic.accuracy)} ${pct(heuristic.underEscalation)} ${pct(heuristic.overEscalation)}`,
      );
    });
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
  console.log('\nmean over sources left out, per threshold setting (accuracy / under / over)');
  console.log(`toolUse signals  ${groups.map(([g]) => g.padEnd(22)).join(' ')}`);
  SETTINGS.forEach(({ toolUse, signals }, k) => {
    const cells = groups.map(([, has]) => {
      const rows = (summary[k] ?? []).filter((r) => has(r.source));
      return `${mean(rows, 'accuracy')} ${mean(rows, 'under')} ${mean(rows, 'over')}`;
    });
    console.log(`${String(toolUse).padEnd(7)} ${String(signals).padEnd(7)}  ${cells.join('  ')}`);
  });
  const cells = groups.map(([, has]) => {
    const rows = defaults.filter((r) => has(r.source));
    return `${mean(rows, 'accuracy')} ${mean(rows, 'under')} ${mean(rows, 'over')}`;
  });
  console.log(`default scorers  ${cells.join('  ')}`);
  console.log(
    '\ncost against always multi-agent (under-escalated: the lower attempt plus the right tier)',
  );
  console.log('source                        fitted  default  always-agent');
  for (const row of costs) {
    console.log(
      `${row.source.padEnd(28)} ${pct(row.fitted.routing)}  ${pct(row.default.routing)}  ${pct(row.fitted.agent)}`,
    );
  }
  console.log(
    '\nuncertain band 0.1: share of requests a routing.assist model would see, accuracy on the rest',
  );
  console.log(
    'source                        fitted: share  acc-outside | default: share  acc-outside',
  );
  for (const row of band) {
    console.log(
      `${row.source.padEnd(28)} ${pct(row.fitted.share)} ${pct(row.fitted.accuracyOutside)}      | ${pct(row.default.share)} ${pct(row.default.accuracyOutside)}`,
    );
  }
}

function tierOf(r: TrainingRecord) {
  const e = r.expected as TrainingRecord['expected'] & { tier: 'direct' | 'agent' | 'multi-agent' };
  return {
    tier: e.tier,
    toolUse: e.toolUse,
    crossDomain: e.crossDomain,
    securityBoundary: e.securityBoundary,
    parallelism: e.parallelism,
  };
}
