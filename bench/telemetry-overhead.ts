// `npm run bench:telemetry`: what OpenTelemetry tracing costs an agent run, alone
// (bench/telemetry/measure-telemetry.ts; `npm run bench` measures it too, as scenario 7).
import { loadavg } from 'node:os';
import { measureTelemetry } from './telemetry/measure-telemetry.ts';
import { telemetryTable } from './telemetry/telemetry-table.ts';

const quick = process.env.BENCH_QUICK === '1';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const loadBefore = load();
const row = await measureTelemetry(
  {
    rounds: Number(process.env.ROUNDS ?? (quick ? 30 : 300)),
    batch: Number(process.env.BATCH ?? 8),
    warmup: quick ? 50 : 300,
  },
  process.env.PROGRESS === '1' ? (note) => process.stderr.write(`${note}\n`) : undefined,
);
console.log(
  `${row.rounds} rounds, each a batch per configuration in a random order; CPU per run (process.cpuUsage), medians; percentages: the median over rounds of each configuration's CPU against off's in the same round, with the interquartile range of those ratios and a bootstrap 95% interval of their median. Load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${load()}\n`,
);
console.log(telemetryTable(row));
