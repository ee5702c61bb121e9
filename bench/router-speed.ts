// Router speed and memory: `npm run bench:router`.
// Decisions per second and p50/p99 latency for a ~1 KB request with 8 tools, on one core,
// and the heap a router holds once it has seen 200 distinct tools.
import { experimental_fittedRouterModel } from '../src/fitted-router/index.ts';
import { createRouter, type ToolSpecInput } from '../src/index.ts';
import { input, tools } from './router-fixtures.ts';

// Memory, measured first, in a process that has routed nothing yet: the heap a router and 200
// distinct tools hold once every tool is profiled, including the lexicon's index that all
// routers share.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.log('memory: run with --expose-gc to measure');
} else {
  gc();
  const before = process.memoryUsage().heapUsed;
  const many: ToolSpecInput[] = Array.from({ length: 200 }, (_, i) => ({
    name: `tool_${i}_${['get', 'list', 'update', 'send'][i % 4]}_${['order', 'invoice', 'ticket', 'employee', 'contract'][i % 5]}`,
    description: `${['Fetch', 'List', 'Change', 'Send'][i % 4]} the ${['order', 'invoice', 'ticket', 'employee record', 'contract'][i % 5]} number ${i} with its history, owner, status and related documents for team ${i % 17}.`,
    domain: `domain${i % 12}`,
    sideEffects: i % 4 >= 2,
  }));
  const big = createRouter();
  big.route({ input, tools: many });
  gc();
  const heldMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  console.log(
    `memory: a router with 200 tools holds ${heldMb.toFixed(2)} MB of heap (lexicon index included)`,
  );
  if (big.route({ input, tools: many }).tier === undefined) throw new Error('unreachable');
}

const task = { input, tools };
console.log(
  `request: ${Buffer.byteLength(input)} bytes, ${tools.length} tools; Node ${process.version}`,
);

// The default scorers, then the experimental fitted models, measured the same way one after the other.
for (const [name, router] of [
  ['default scorers', createRouter()],
  ['fitted models (experimental)', createRouter({ fittedModel: experimental_fittedRouterModel })],
] as const) {
  for (let i = 0; i < 20_000; i++) router.route(task);
  const runs = 200_000;
  let start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) router.route(task);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const samples = new Float64Array(50_000);
  for (let i = 0; i < samples.length; i++) {
    start = process.hrtime.bigint();
    router.route(task);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  console.log(
    `${name}: ${Math.round(runs / seconds).toLocaleString('en')} decisions/s (${runs.toLocaleString('en')} in ${seconds.toFixed(2)} s); latency p50 ${at(0.5).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs`,
  );
}
