// `npm run bench:telemetry`: what OpenTelemetry tracing costs an agent run, alone
// (bench/telemetry/measure-telemetry.ts; `npm run bench` measures it too, as scenario 7).
import { measureTelemetry, telemetryTable } from './telemetry/measure-telemetry.ts';

const quick = process.env.BENCH_QUICK === '1';
const row = await measureTelemetry({
  rounds: Number(process.env.ROUNDS ?? (quick ? 6 : 30)),
  batch: Number(process.env.BATCH ?? (quick ? 20 : 100)),
  warmup: quick ? 50 : 300,
});
console.log(
  `${row.rounds} rounds of ${row.batch} runs per configuration, the order rotating each round; medians\n`,
);
console.log(telemetryTable(row));
