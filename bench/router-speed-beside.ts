// The router beside another checkout's, in one process:
//   node --experimental-strip-types --no-warnings bench/router-speed-beside.ts ../other-checkout [rounds]
// Routes bench:router's request (1 KB, 8 tools) with this checkout's default scorers and the other
// checkout's, in alternating batches of 1,000, and prints each side's median and 10th percentile
// microseconds per decision and their ratio. On a shared machine whose load comes and goes, both
// sides meet the same load, so the ratio holds when the absolute figures of two separate
// `npm run bench:router` runs do not. The other checkout needs its own node_modules (a link will do).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const other = process.argv[2];
if (other === undefined) {
  console.error('usage: bench/router-speed-beside.ts OTHER_CHECKOUT [ROUNDS]');
  process.exit(2);
}
const rounds = Number(process.argv[3] ?? 300);
const BATCH = 1000;

/** A function that routes the bench request once, with the router of the checkout at `root`. */
async function routerOf(root: string): Promise<() => unknown> {
  const at = (path: string) => pathToFileURL(resolve(root, path)).href;
  const { createRouter } = await import(at('src/index.ts'));
  const { input, tools } = await import(at('bench/router-fixtures.ts'));
  const router = createRouter();
  const task = { input, tools };
  return () => router.route(task);
}

const sides = [
  { name: 'this checkout', route: await routerOf(resolve(import.meta.dirname, '..')) },
  { name: resolve(other), route: await routerOf(other) },
];
for (const side of sides) for (let i = 0; i < 30_000; i++) side.route();
const times: number[][] = sides.map(() => []);
for (let r = 0; r < rounds; r++) {
  // Each side first in every other round.
  for (const s of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const side = sides[s];
    if (side === undefined) continue;
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) side.route();
    times[s]?.push(Number(process.hrtime.bigint() - start) / BATCH / 1000);
  }
}
const at = (list: readonly number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.floor(q * (list.length - 1))] ?? Number.NaN;
const [mine = [], theirs = []] = times;
sides.forEach((side, s) => {
  const list = times[s] ?? [];
  console.log(
    `${side.name}: median ${at(list, 0.5).toFixed(2)} µs per decision, 10th percentile ${at(list, 0.1).toFixed(2)} µs`,
  );
});
console.log(
  `this checkout / other: ${(at(mine, 0.5) / at(theirs, 0.5)).toFixed(3)} (medians), ${(at(mine, 0.1) / at(theirs, 0.1)).toFixed(3)} (10th percentiles); ${rounds} rounds of ${BATCH}`,
);
