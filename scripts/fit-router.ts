// Fits the router's models on the labeled records in the repository and writes
// src/router/data/router-model.json.
//
//   node scripts/fit-router.ts                 fit on everything, write the model
//   node scripts/fit-router.ts --by-source     also fit without each source in turn and report
//                                              the figures on the source left out
//   node scripts/fit-router.ts --check         fit and compare with the shipped file (exit 1 if it differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { SIGNALS } from '../src/core/decision.ts';
import { createRouter } from '../src/router/create-router.ts';
import { evaluate } from '../src/router/evaluate.ts';
import { fitRouterModel, type TrainingRecord } from '../src/router/model/fit-router-model.ts';
import { loadRoutingRecords } from './routing-records.ts';

const COMMAND = 'npm run fit:router';
const OUT = new URL('../src/router/data/router-model.json', import.meta.url);
const args = new Set(process.argv.slice(2));

const records = loadRoutingRecords();
const bySource = new Map<string, TrainingRecord[]>();
for (const record of records)
  bySource.set(record.source, [...(bySource.get(record.source) ?? []), record]);
console.log(`${records.length} records from ${bySource.size} sources`);

const started = performance.now();
const model = fitRouterModel(records, COMMAND);
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

if (args.has('--by-source')) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  console.log(
    '\nleft-out source                 n   acc  under   over   toolUse cross  secur  paral  | direct agent  multi',
  );
  for (const [source, held] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const rest = records.filter((r) => r.source !== source);
    const router = createRouter({ fittedModel: fitRouterModel(rest, COMMAND) });
    const report = evaluate(
      held.map((r) => ({
        id: r.id,
        expected: tierOf(r),
        decision: router.route({ input: r.input, tools: r.tools as never }),
      })),
    );
    const f1 = SIGNALS.map((s) => {
      const q = report.signals[s];
      return q.truePositives + q.falseNegatives === 0 ? '   -  ' : q.f1.toFixed(2).padStart(6);
    });
    const constant = (tier: string) =>
      held.filter((r) => tierOf(r).tier === tier).length / held.length;
    console.log(
      `${source.padEnd(28)} ${String(held.length).padStart(5)} ${pct(report.accuracy)} ${pct(report.underEscalation)} ${pct(report.overEscalation)}  ${f1.join(' ')}  | ${pct(constant('direct'))} ${pct(constant('agent'))} ${pct(constant('multi-agent'))}`,
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
