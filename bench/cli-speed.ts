// Command-line speed: `npm run bench:cli [-- --lines N --runs R]`.
// Writes a JSONL file of N records, each a ~1 KB request with its own copy of an 8-tool list (as
// a service's log or an export carries it), then runs `tierup route FILE` in process over it R
// times, output to a sink that drops it, and prints decisions per second: the median run, and
// the first (a new process's cold caches) beside it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { routeCommand } from '../src/cli/route-command.ts';
import { createRouter } from '../src/index.ts';
import { input, tools } from './router-fixtures.ts';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
  },
});
const lines = Number(values.lines);
const runs = Number(values.runs);

const directory = mkdtempSync(join(tmpdir(), 'tierup-cli-speed-'));
const file = join(directory, 'requests.jsonl');
// Every line is parsed into new objects: the tools are equal in content, never the same objects.
const text = Array.from(
  { length: lines },
  (_, i) => `${JSON.stringify({ id: `r${i}`, input, tools })}\n`,
).join('');
writeFileSync(file, text);

/** A stdout that counts what it is given and keeps none of it. */
function sink(): Writable & { lines: number } {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) stream.lines++;
      done();
    },
  }) as Writable & { lines: number };
  stream.lines = 0;
  return stream;
}

console.log(
  `input: ${lines.toLocaleString('en')} lines of ${Buffer.byteLength(input)} bytes of request and ${tools.length} tools each (${(text.length / 1e6).toFixed(1)} MB); Node ${process.version}`,
);
const format = (rate: number) => Math.round(rate).toLocaleString('en');
// Wall-clock rates, and rates per second of this process's CPU time: on a machine shared with
// other work the second varies less, as time spent waiting for a core is left out.
const rates: number[] = [];
const cpuRates: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const stdout = sink();
    const stderr = new PassThrough();
    let errors = '';
    stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const code = await routeCommand([file], { stdin: new PassThrough(), stdout, stderr });
    const cpu = process.cpuUsage(cpuStart);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (code !== 0 || stdout.lines !== lines) {
      throw new Error(`run ${run}: exit ${code}, ${stdout.lines} lines out: ${errors}`);
    }
    rates.push(lines / seconds);
    cpuRates.push(lines / cpuSeconds);
    console.log(
      `run ${run + 1}: ${format(lines / seconds)} decisions/s (${seconds.toFixed(2)} s); ${format(lines / cpuSeconds)} per CPU second`,
    );
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
// The ceiling: the router alone, in process, on one task object routed again and again.
const router = createRouter();
const task = { input, tools };
const routerRates: number[] = [];
for (let run = 0; run < runs; run++) {
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < lines; i++) router.route(task);
  const cpu = process.cpuUsage(cpuStart);
  routerRates.push(lines / ((cpu.user + cpu.system) / 1e6));
}
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `tierup route: ${format(median(rates))} decisions/s, ${format(median(cpuRates))} per CPU second (medians of ${runs} runs; the first run, with cold caches: ${format(rates[0] ?? 0)})`,
);
console.log(
  `the router alone (createRouter().route on the same task object): ${format(median(routerRates))} per CPU second`,
);
